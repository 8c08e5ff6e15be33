package org.dtshrink.cost;

/** What a node and everything below it cost: {@code nodes} counts the allocated ones. */
public record SubtreeCost(NodeCost root, long bytes, int nodes) {
}
