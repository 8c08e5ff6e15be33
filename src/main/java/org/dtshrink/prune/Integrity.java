package org.dtshrink.prune;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * Checks that pruning left every reference whole: each node a property of the pruned tree referred to before (by
 * phandle, known or guessed, or by path) is still there, under the same phandle, in the pruned tree.
 */
public final class Integrity {

    private Integrity() {
    }

    /** One line per broken reference; empty when the pruned tree is whole. */
    public static List<String> check(DeviceTree before, DeviceTree after) {
        References was = new References(before);
        References now = new References(after);
        List<String> problems = new ArrayList<>();
        after.forEachNode(n -> {
            Node old = before.nodeAt(n.path());
            if (old == null) {
                problems.add(n.path() + ": node not in the original tree");
                return;
            }
            for (Property p : n.properties()) {
                Property oldP = old.property(p.name());
                if (oldP == null) {
                    continue;
                }
                List<String> targetsNow = new ArrayList<>();
                for (References.Ref r : now.of(n, p).refs()) {
                    targetsNow.add(r.target().path() + "#" + References.phandleOf(r.target()));
                }
                for (References.Ref r : was.of(old, oldP).refs()) {
                    String t = r.target().path() + "#" + References.phandleOf(r.target());
                    if (!targetsNow.remove(t)) {
                        problems.add(n.path() + ":" + p.name() + " refers to " + r.target().path()
                                + (r.guessed() ? " (guessed)" : "") + ", which no longer resolves");
                    }
                }
            }
        });
        return problems;
    }
}
