package org.dtshrink.checks;

import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;

/**
 * Runs dtc's checks and fix-ups over a tree as the front end left it (deleted nodes and properties still in place,
 * marked): phandles are assigned and references filled in, paths inserted, unreferenced /omit-if-no-ref/ nodes
 * deleted, redundant {@code name} properties dropped, and every message dtc would print is collected in dtc's order.
 */
public final class Checker {

    private Checker() {
    }

    /**
     * The outcome: the messages, whether a check at error level failed (dtc then refuses to write output unless
     * forced), the phandle allocator, which goes on serving {@code __symbols__}, and reference lookup as it stands
     * after the fix-ups.
     */
    public static final class Result {
        private final List<Diagnostic> diagnostics;
        private final boolean errors;
        private final Phandles phandles;
        private final TreeIndex index;

        Result(List<Diagnostic> diagnostics, boolean errors, Phandles phandles, TreeIndex index) {
            this.diagnostics = diagnostics;
            this.errors = errors;
            this.phandles = phandles;
            this.index = index;
        }

        public List<Diagnostic> diagnostics() {
            return diagnostics;
        }

        public boolean errors() {
            return errors;
        }

        public Phandles phandles() {
            return phandles;
        }

        /** The node a reference names now (dtc's get_node_by_ref), or null. */
        public Node resolve(String ref) {
            return index.byRef(ref);
        }
    }

    public static Result run(DeviceTree tree, CheckSettings settings) {
        CheckRun run = new CheckRun(tree, settings);
        boolean errors = run.runAll();
        run.index.checksDone();
        return new Result(List.copyOf(run.diagnostics), errors, run.phandles, run.index);
    }
}
