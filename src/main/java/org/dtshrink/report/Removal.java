package org.dtshrink.report;

/**
 * One thing pruning took out, as the report lists it: a property of a node that stays, or a node with its subtree
 * ({@code property} null), and why. What it saved is measured by the report on the unpruned tree.
 */
public record Removal(String nodePath, String property, String reason) {

    public boolean isNode() {
        return property == null;
    }

    /** The path, with {@code :property} for a property. */
    public String what() {
        return property == null ? nodePath : nodePath + ":" + property;
    }
}
