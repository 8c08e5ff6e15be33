package org.dtshrink.cost;

/**
 * One property allocation: {@code bytes} includes the padding before it and, for a synthesized {@code name}, the
 * copied value.
 */
public record PropertyCost(String name, long bytes, long padding, boolean synthesized) {
}
