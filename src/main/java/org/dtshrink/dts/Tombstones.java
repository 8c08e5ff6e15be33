package org.dtshrink.dts;

import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/** dtc's deletion: items are marked, not removed, so that a later definition can bring them back in place. */
final class Tombstones {

    private Tombstones() {
    }

    static void deleteProperty(Property p, Labels labels) {
        p.setDeleted(true);
        labels.deleteAll(p);
    }

    /** Marks the node and everything live below it deleted, labels included. */
    static void deleteNode(Node top, Labels labels) {
        for (Node n : LiveNodes.preOrder(top)) {
            n.setDeleted(true);
            for (Property p : n.properties()) {
                if (!p.isDeleted()) {
                    deleteProperty(p, labels);
                }
            }
            labels.deleteAll(n);
        }
    }
}
