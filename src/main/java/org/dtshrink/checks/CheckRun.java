package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.SourcePos;

/**
 * One run of dtc's checks over a tree (dtc's process_checks and run_check): the checks run in table order, each
 * after its prerequisites; a check whose prerequisite did not pass reports that and is skipped; once a check at
 * error level fails, the checks after it in the table are not run. Also the state the checks share, as dtc keeps
 * it in its nodes: each node's #address-cells/#size-cells and the bus its children sit on.
 */
final class CheckRun {

    enum Status { UNCHECKED, PREREQ, PASSED, FAILED }

    /** The buses dtc's bridge checks recognise. */
    enum Bus { PCI, SIMPLE, I2C, SPI, GRAPH_PORT, GRAPH_PORTS }

    /** What dtc keeps in a node for the checks; zero until addr_size_cells fills it in, as in dtc. */
    static final class NodeState {
        int addrCells;
        int sizeCells;
        Bus bus;
    }

    final DeviceTree tree;
    final Node root;
    final boolean plugin;
    final CheckSettings settings;
    final TreeIndex index;
    final Phandles phandles;
    private final CheckLevels levels;
    private final Status[] status;
    private final boolean[] inProgress;
    private final Map<Node, NodeState> state = new IdentityHashMap<>();
    private final Map<Class<?>, Object> memo = new java.util.HashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private int current = -1;
    private Node[] order;
    private int[] subtreeEnd;

    CheckRun(DeviceTree tree, CheckSettings settings) {
        this.tree = tree;
        this.root = tree.root();
        this.plugin = tree.isPlugin();
        this.settings = settings;
        this.levels = settings.levels();
        this.index = new TreeIndex(root);
        this.phandles = new Phandles(index, settings.legacyPhandles(), settings.epaprPhandles());
        int n = CheckTable.ROWS.size();
        this.status = new Status[n];
        this.inProgress = new boolean[n];
        java.util.Arrays.fill(status, Status.UNCHECKED);
    }

    /** dtc's process_checks, without the verdict: true when a check at error level failed. */
    boolean runAll() {
        boolean error = false;
        for (int i = 0; i < CheckTable.ROWS.size(); i++) {
            if (levels.warn(i) || levels.error(i)) {
                error = error || run(i);
            }
        }
        return error;
    }

    private boolean run(int c) {
        if (inProgress[c]) {
            throw new IllegalStateException("check loop at " + CheckTable.ROWS.get(c).name());
        }
        boolean error = false;
        if (status[c] == Status.UNCHECKED) {
            inProgress[c] = true;
            CheckDef def = CheckTable.ROWS.get(c);
            for (int p : CheckTable.prereqIndexes(def)) {
                error = error || run(p);
                if (status[p] != Status.PASSED) {
                    status[c] = Status.PREREQ;
                    message(c, null, null, "Failed prerequisite '" + CheckTable.ROWS.get(p).name() + "'");
                }
            }
            if (status[c] == Status.UNCHECKED) {
                int outer = current;
                current = c;
                walk(def.fn());
                current = outer;
                if (status[c] == Status.UNCHECKED) {
                    status[c] = Status.PASSED;
                }
            }
            inProgress[c] = false;
        }
        if (status[c] != Status.PASSED && levels.error(c)) {
            error = true;
        }
        return error;
    }

    /**
     * dtc's check_nodes_props: the node, then each live child's subtree; liveness is read as the walk goes. The
     * checks add no nodes, so the pre-order is worked out once for all of them (about seventy walks of a tree), with
     * where each subtree ends, so that a node found deleted is skipped with everything below it.
     */
    private void walk(NodeCheck fn) {
        if (order == null) {
            preOrder();
        }
        fn.check(this, order[0]);
        for (int i = 1; i < order.length; i++) {
            Node n = order[i];
            if (n.isDeleted()) {
                i = subtreeEnd[i] - 1;
                continue;
            }
            fn.check(this, n);
        }
    }

    private void preOrder() {
        List<Node> nodes = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            nodes.add(n);
            List<Node> kids = n.children();
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.add(kids.get(k));
            }
        }
        order = nodes.toArray(new Node[0]);
        subtreeEnd = new int[order.length];
        // a subtree ends where the next node not below it begins: computed from the end, children before parents
        Map<Node, Integer> at = new IdentityHashMap<>(order.length * 2);
        for (int i = 0; i < order.length; i++) {
            at.put(order[i], i);
        }
        for (int i = order.length - 1; i >= 0; i--) {
            List<Node> kids = order[i].children();
            subtreeEnd[i] = kids.isEmpty() ? i + 1 : subtreeEnd[at.get(kids.get(kids.size() - 1))];
        }
    }

    /** dtc's FAIL: the current check fails, with a message about a node. */
    void fail(Node node, String message) {
        status[current] = Status.FAILED;
        message(current, node, null, message);
    }

    /** dtc's FAIL_PROP: the current check fails, with a message about a property (null: about the node). */
    void failProp(Node node, Property prop, String message) {
        status[current] = Status.FAILED;
        message(current, node, prop, message);
    }

    private void message(int c, Node node, Property prop, String message) {
        boolean w = levels.warn(c);
        boolean e = levels.error(c);
        if (!w && !e) {
            return;
        }
        SourcePos pos = null;
        if (prop != null && !prop.pos().isNone()) {
            pos = prop.pos();
        } else if (node != null && !node.pos().isNone()) {
            pos = node.pos();
        }
        List<SourcePos> also = prop == null && pos != null ? node.laterDefinitions() : List.of();
        diagnostics.add(new Diagnostic(CheckTable.ROWS.get(c).name(), w, e, pos, also,
                node == null ? null : node.path(), prop == null ? null : prop.name(), message));
    }

    /** Something a check works out once per run, such as an index over the whole tree. */
    <T> T memo(Class<T> key, java.util.function.Supplier<T> make) {
        return key.cast(memo.computeIfAbsent(key, k -> make.get()));
    }

    NodeState state(Node n) {
        return state.computeIfAbsent(n, k -> new NodeState());
    }

    /** dtc's node_addr_cells: 2 when the node has no #address-cells. */
    int addrCells(Node n) {
        int c = state(n).addrCells;
        return c == -1 ? 2 : c;
    }

    /** dtc's node_size_cells: 1 when the node has no #size-cells. */
    int sizeCells(Node n) {
        int c = state(n).sizeCells;
        return c == -1 ? 1 : c;
    }

    Bus bus(Node n) {
        NodeState s = state.get(n);
        return s == null ? null : s.bus;
    }

    Property property(Node n, String name) {
        return index.property(n, name);
    }

    /** Deletes a node and everything below it, labels included, as dtc's delete_node. */
    void deleteNode(Node top) {
        for (Node n : LiveNodes.preOrder(top)) {
            n.setDeleted(true);
            for (Property p : n.properties()) {
                if (!p.isDeleted()) {
                    p.setDeleted(true);
                    p.labels().clear();
                }
            }
            n.labels().clear();
            index.propertiesChanged(n);
        }
        index.nodesChanged();
    }
}
