package org.dtshrink.checks;

import java.util.ArrayList;
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

    final DeviceTree tree;
    final Node root;
    final boolean plugin;
    final CheckSettings settings;
    final TreeIndex index;
    final Phandles phandles;
    private final CheckLevels levels;
    private final Status[] status;
    private final boolean[] inProgress;
    /**
     * What dtc keeps in each node for the checks, by node number ({@link TreeIndex#ordinal}): #address-cells and
     * #size-cells (0 until addr_size_cells fills them in, -1 when absent, as in dtc) and the bus its children sit on.
     */
    private final int[] addrCells;
    private final int[] sizeCells;
    private final Bus[] bus;
    private final Map<Class<?>, Object> memo = new java.util.HashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private int current = -1;
    /** The node the walk is at, and its number: most lookups are about it, and need not read the node for it. */
    private Node visiting;
    private int visitingAt;

    CheckRun(DeviceTree tree, CheckSettings settings) {
        this.tree = tree;
        this.root = tree.root();
        this.plugin = tree.isPlugin();
        this.settings = settings;
        this.levels = settings.levels();
        int n = CheckTable.ROWS.size();
        this.index = new TreeIndex(root);
        this.phandles = new Phandles(index, settings.legacyPhandles(), settings.epaprPhandles());
        int nodes = index.order().length;
        this.addrCells = new int[nodes];
        this.sizeCells = new int[nodes];
        this.bus = new Bus[nodes];
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
        if (fn instanceof OnlyWhere only) {
            walk(only);
            return;
        }
        Node[] order = index.order();
        visit(fn, order[0], 0);
        for (int i = 1; i < order.length; i++) {
            if (index.isDeleted(i)) {
                i = index.subtreeEnd(i) - 1;
                continue;
            }
            visit(fn, order[i], i);
        }
        visiting = null;
    }

    /** The same walk, calling the check only at the nodes it concerns. */
    private void walk(OnlyWhere only) {
        Node[] order = index.order();
        NodeCheck fn = only.fn();
        if (only.concerns(index, 0)) {
            visit(fn, order[0], 0);
        }
        for (int i = 1; i < order.length; i++) {
            if (index.isDeleted(i)) {
                i = index.subtreeEnd(i) - 1;
                continue;
            }
            if (only.concerns(index, i)) {
                visit(fn, order[i], i);
            }
        }
        visiting = null;
    }

    private void visit(NodeCheck fn, Node n, int at) {
        visiting = n;
        visitingAt = at;
        fn.check(this, n);
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
    <T> T memo(Class<T> key, java.util.function.Function<CheckRun, T> make) {
        // made from the run, so that a caller's method reference captures nothing and is not made anew per call
        Object m = memo.get(key);
        if (m == null) {
            m = make.apply(this);
            memo.put(key, m);
        }
        return key.cast(m);
    }

    /** The node's number for the per-node arrays; the checks only meet nodes of the tree they were given. */
    private int at(Node n) {
        int k = n == visiting ? visitingAt : index.ordinal(n);
        if (k < 0) {
            throw new IllegalStateException("node not in the checked tree: " + n.path());
        }
        return k;
    }

    /** The node's #address-cells as addr_size_cells recorded it: -1 when absent, 0 before it ran. */
    int rawAddrCells(Node n) {
        return addrCells[at(n)];
    }

    /** The node's #size-cells as addr_size_cells recorded it: -1 when absent, 0 before it ran. */
    int rawSizeCells(Node n) {
        return sizeCells[at(n)];
    }

    void setCells(Node n, int addr, int size) {
        int k = at(n);
        addrCells[k] = addr;
        sizeCells[k] = size;
    }

    /** dtc's node_addr_cells: 2 when the node has no #address-cells. */
    int addrCells(Node n) {
        int c = rawAddrCells(n);
        return c == -1 ? 2 : c;
    }

    /** dtc's node_size_cells: 1 when the node has no #size-cells. */
    int sizeCells(Node n) {
        int c = rawSizeCells(n);
        return c == -1 ? 1 : c;
    }

    Bus bus(Node n) {
        return bus[at(n)];
    }

    void setBus(Node n, Bus b) {
        bus[at(n)] = b;
    }

    /** {@link TreeIndex#phandleRefsAt} of the node. */
    long phandleRefPositions(Node n) {
        return index.phandleRefsAt(at(n));
    }

    /** What the node may have: {@link TreeIndex#PROP_LABEL} and the others. */
    boolean may(Node n, int flag) {
        return (index.flags(n) & flag) != 0;
    }

    Property property(Node n, int known) {
        return n == visiting ? index.slot(visitingAt, known) : index.property(n, known);
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
            index.deleted(n);
        }
        index.nodesChanged();
    }
}
