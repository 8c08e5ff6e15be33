package org.dtshrink.prune;

import java.util.List;

/**
 * What pruning did: the removals in tree order, and notes on what it kept or changed to keep the tree whole (a
 * provider's cells count kept for a kept reference, a __symbols__ entry dropped with its node).
 */
public record PruneResult(List<Removal> removals, List<String> notes) {

    /** Properties removed from nodes that stay. */
    public int propertiesRemoved() {
        int n = 0;
        for (Removal r : removals) {
            if (!r.isNode()) {
                n++;
            }
        }
        return n;
    }

    /** Nodes removed, counting every node of a removed subtree. */
    public int nodesRemoved() {
        int n = 0;
        for (Removal r : removals) {
            if (r.isNode()) {
                n += r.nodes();
            }
        }
        return n;
    }

    /** Properties that went with removed nodes. */
    public int propertiesInRemovedNodes() {
        int n = 0;
        for (Removal r : removals) {
            if (r.isNode()) {
                n += r.properties();
            }
        }
        return n;
    }
}
