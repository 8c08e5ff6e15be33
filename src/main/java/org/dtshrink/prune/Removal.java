package org.dtshrink.prune;

/**
 * One thing pruning took out: a property of a node that stays, or a node with its whole subtree ({@code property}
 * null). For a node, {@code nodes} and {@code properties} count what went with it, itself included.
 */
public record Removal(String nodePath, String property, String reason, int nodes, int properties) {

    public boolean isNode() {
        return property == null;
    }

    static Removal ofProperty(String nodePath, String property, String reason) {
        return new Removal(nodePath, property, reason, 0, 1);
    }
}
