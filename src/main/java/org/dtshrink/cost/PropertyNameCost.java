package org.dtshrink.cost;

/** The bytes all allocations of one property name cost across a tree; synthesized names are kept apart. */
public record PropertyNameCost(String name, boolean synthesized, int count, long bytes) {
}
