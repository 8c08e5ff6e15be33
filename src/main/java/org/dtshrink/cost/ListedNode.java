package org.dtshrink.cost;

/**
 * A line of a node listing: one node, or, for a subtree the kernel skips for depth, its topmost node standing for
 * all {@code nodes} of that subtree (so a hostile thousands-deep chain lists as one line, not as thousands of ever
 * longer paths).
 */
public record ListedNode(NodeCost cost, int nodes) {
}
