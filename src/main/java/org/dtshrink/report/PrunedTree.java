package org.dtshrink.report;

import java.util.List;
import org.dtshrink.tree.DeviceTree;

/** The tree after pruning, the size of its blob, and what pruning removed (in tree order). */
public record PrunedTree(DeviceTree tree, long dtbSize, List<Removal> removals) {

    public PrunedTree {
        removals = List.copyOf(removals);
    }
}
