package org.dtshrink.checks;

import java.util.function.Predicate;
import org.dtshrink.tree.Node;

/**
 * What the checks need to know beyond the tree: the levels ({@code -W}/{@code -E}), whether {@code -@} asked for
 * symbols (a labelled /omit-if-no-ref/ node is then kept), which phandle properties a new phandle gets
 * ({@code -H}), and which nodes ever had a label, deleted ones included (what dtc's {@code node->labels} tests).
 */
public record CheckSettings(CheckLevels levels, boolean symbols, boolean legacyPhandles, boolean epaprPhandles,
        Predicate<Node> everLabelled) {

    public static CheckSettings defaults() {
        return new CheckSettings(CheckLevels.defaults(), false, false, true, n -> !n.labels().isEmpty());
    }
}
