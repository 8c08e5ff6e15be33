package org.dtshrink.prune;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.usage.UsageSet;

/**
 * Prunes a tree against a usage set, in place:
 * <ol>
 * <li>a property goes when nothing in the usage set can read it (or a {@code --drop} pattern names it);</li>
 * <li>a disabled node (status neither "okay" nor "ok") goes with its subtree when no kept property of a node that
 * stays refers to it or to anything below it; with {@code driverless}, so does an enabled node whose compatibles no
 * built code matches, when nothing refers to it, nothing below it has a driver, and no ancestor has a driver that
 * could walk its children;</li>
 * <li>a {@code phandle} goes when no kept property refers to its node (and no __symbols__ entry names it);</li>
 * <li>to keep the tree whole: a provider's {@code #...-cells} stays while a kept reference needs it, and __symbols__
 * entries of removed nodes go with a note.</li>
 * </ol>
 * References are found by {@link References}, which guesses towards keeping when a layout is unknown.
 */
public final class Pruner {

    /** Compatibles of the generic buses: the OF core populates their children, and reads nothing else of them. */
    private static final Set<String> GENERIC_BUSES = Set.of("simple-bus", "simple-mfd", "simple-pm-bus", "isa",
            "arm,amba-bus");

    private final DeviceTree tree;
    private final UsageSet usage;
    private final boolean driverless;
    private final References refs;
    /** Properties to remove, with the reason. */
    private final Map<Property, String> removedProperties = new IdentityHashMap<>();
    /** Roots of the subtrees to remove, with the reason. */
    private final Map<Node, String> removedRoots = new IdentityHashMap<>();
    private final Set<Node> inRemoved = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<String> notes = new ArrayList<>();

    private Pruner(DeviceTree tree, UsageSet usage, boolean driverless) {
        this.tree = tree;
        this.usage = usage;
        this.driverless = driverless;
        this.refs = new References(tree);
    }

    /** Prunes {@code tree} in place and says what went. */
    public static PruneResult prune(DeviceTree tree, UsageSet usage, boolean driverless) {
        if (tree.isPlugin() || tree.nodeAt("/__fixups__") != null || tree.nodeAt("/__local_fixups__") != null) {
            throw new DtException("error: pruning an overlay is not supported (its references are resolved only when"
                    + " it is applied)");
        }
        return new Pruner(tree, usage, driverless).run();
    }

    /**
     * Prunes like {@link #prune}, then checks against a copy of the tree as it was that every reference is still
     * whole ({@link Integrity}); a broken one is a bug in the rules, reported rather than written out.
     */
    public static PruneResult pruneVerified(DeviceTree tree, UsageSet usage, boolean driverless) {
        DeviceTree before = tree.copy();
        PruneResult result = prune(tree, usage, driverless);
        List<String> broken = Integrity.check(before, tree);
        if (!broken.isEmpty()) {
            throw new DtException("error: internal: pruning broke a reference: " + broken.get(0));
        }
        return result;
    }

    private PruneResult run() {
        decideProperties();
        decideNodes();
        Set<Node> referenced = keepNeededCells();
        decidePhandles(referenced);
        decideSymbols();
        List<Removal> removals = listRemovals();
        apply();
        return new PruneResult(removals, notes);
    }

    private void decideProperties() {
        boolean scanned = usage.isFromKernelScan();
        tree.forEachNode(n -> {
            String path = n.path();
            for (Property p : n.properties()) {
                String name = p.name();
                if (isPhandle(name) || path.equals("/__symbols__")) {
                    continue;
                }
                String drop = usage.droppedBy(name);
                if (drop != null) {
                    removedProperties.put(p, "dropped by --drop \"" + drop + "\"");
                } else if (usage.reader(path, name) == null) {
                    removedProperties.put(p, scanned ? "never read: no built file names \"" + name + "\""
                            : "never read: not in the usage set");
                }
            }
        });
    }

    private static boolean isPhandle(String name) {
        return name.equals("phandle") || name.equals("linux,phandle");
    }

    /**
     * Starts from every candidate removed and puts back each one that a kept property of a staying node refers to
     * (or to something below it), until nothing changes: what a put-back node refers to may keep more.
     */
    private void decideNodes() {
        Set<Node> mustStay = Collections.newSetFromMap(new IdentityHashMap<>());
        while (true) {
            removedRoots.clear();
            inRemoved.clear();
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(tree.root());
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                String reason = mustStay.contains(n) ? null : removalReason(n);
                if (reason != null) {
                    removedRoots.put(n, reason);
                    markSubtree(n);
                    continue;
                }
                for (Node c : n.children()) {
                    stack.push(c);
                }
            }
            boolean changed = false;
            for (Node target : referencedFromStaying()) {
                for (Node a = target; a != null && inRemoved.contains(a); a = a.parent()) {
                    changed |= mustStay.add(a);
                }
            }
            changed |= keepAddressedChild(mustStay);
            if (!changed) {
                return;
            }
        }
    }

    /**
     * A staying bus with #address-cells/#size-cells and no ranges must not be left with children of which none has
     * {@code reg}: its cells would describe nothing (dtc's avoid_unnecessary_addr_size). Such a bus keeps its first
     * removed child with {@code reg}.
     */
    private boolean keepAddressedChild(Set<Node> mustStay) {
        boolean changed = false;
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (inRemoved.contains(n)) {
                continue;
            }
            stack.addAll(n.children());
            if (n.isRoot() || n.property("#address-cells") == null || n.property("#size-cells") == null
                    || n.property("ranges") != null) {
                continue;
            }
            boolean staying = false;
            boolean stayingWithReg = false;
            Node firstRemovedWithReg = null;
            for (Node c : n.children()) {
                if (!inRemoved.contains(c)) {
                    staying = true;
                    stayingWithReg |= c.property("reg") != null;
                } else if (firstRemovedWithReg == null && c.property("reg") != null) {
                    firstRemovedWithReg = c;
                }
            }
            if (staying && !stayingWithReg && firstRemovedWithReg != null && mustStay.add(firstRemovedWithReg)) {
                notes.add("kept " + firstRemovedWithReg.path() + ": without it no child of " + n.path()
                        + " would have reg, and its #address-cells/#size-cells would describe nothing");
                changed = true;
            }
        }
        return changed;
    }

    private void markSubtree(Node root) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            inRemoved.add(n);
            for (Node c : n.children()) {
                stack.push(c);
            }
        }
    }

    /** Every node a kept property of a staying node refers to. */
    private Set<Node> referencedFromStaying() {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        tree.forEachNode(n -> {
            if (inRemoved.contains(n) || n.path().equals("/__symbols__")) {
                return;
            }
            for (Property p : n.properties()) {
                if (!removedProperties.containsKey(p)) {
                    for (References.Ref r : refs.of(n, p).refs()) {
                        out.add(r.target());
                    }
                }
            }
        });
        return out;
    }

    /** Why a node may go with its subtree, or null when it must stay whatever refers to it. */
    private String removalReason(Node n) {
        if (n.isRoot() || usage.subtreeOf(n.path()) != null) {
            return null;
        }
        Property status = n.property("status");
        if (!n.isAvailable()) {
            return "disabled (status = \"" + status.value().asString() + "\") and nothing kept refers to it or"
                    + " below it";
        }
        if (driverless) {
            return driverlessReason(n);
        }
        return null;
    }

    private String driverlessReason(Node n) {
        Property compatible = n.property("compatible");
        if (compatible == null || hasDriver(n) || !References.isText(compatible.value())) {
            return null;
        }
        for (Node a = n.parent(); a != null && !a.isRoot(); a = a.parent()) {
            if (hasDriver(a) && !onlyGenericBus(a)) {
                return null;
            }
        }
        Deque<Node> stack = new ArrayDeque<>(n.children());
        while (!stack.isEmpty()) {
            Node d = stack.pop();
            if (hasDriver(d)) {
                return null;
            }
            stack.addAll(d.children());
        }
        return "driverless: no built code matches compatible \""
                + String.join("\", \"", compatible.value().asStrings()) + "\" and nothing kept refers to it";
    }

    private boolean hasDriver(Node n) {
        Property compatible = n.property("compatible");
        if (compatible == null) {
            return false;
        }
        for (String c : compatible.value().asStrings()) {
            if (usage.matcher(c) != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean onlyGenericBus(Node n) {
        for (String c : n.property("compatible").value().asStrings()) {
            if (!GENERIC_BUSES.contains(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts back a provider's #...-cells that a kept reference needs to be parsed; returns every node a kept property
     * of a staying node refers to.
     */
    private Set<Node> keepNeededCells() {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Property, String> putBack = new LinkedHashMap<>();
        tree.forEachNode(n -> {
            if (inRemoved.contains(n) || n.path().equals("/__symbols__")) {
                return;
            }
            for (Property p : n.properties()) {
                if (removedProperties.containsKey(p)) {
                    continue;
                }
                References.Found f = refs.of(n, p);
                for (References.Ref r : f.refs()) {
                    out.add(r.target());
                }
                for (References.CellsNeed need : f.cells()) {
                    Property cp = need.provider().property(need.cellsProperty());
                    if (cp != null && removedProperties.containsKey(cp) && !putBack.containsKey(cp)) {
                        putBack.put(cp, "kept " + need.provider().path() + ":" + need.cellsProperty() + ", which "
                                + n.path() + ":" + p.name() + " needs to be parsed");
                    }
                }
            }
        });
        for (Map.Entry<Property, String> e : putBack.entrySet()) {
            removedProperties.remove(e.getKey());
            notes.add(e.getValue());
        }
        return out;
    }

    private void decidePhandles(Set<Node> referenced) {
        Set<Node> symbolised = symbolised();
        tree.forEachNode(n -> {
            if (inRemoved.contains(n) || referenced.contains(n) || symbolised.contains(n)) {
                return;
            }
            for (Property p : n.properties()) {
                if (isPhandle(p.name())) {
                    removedProperties.put(p, "no kept property refers to this node");
                }
            }
        });
    }

    /** Nodes a __symbols__ entry names: an overlay applied later may refer to them by phandle. */
    private Set<Node> symbolised() {
        Set<Node> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Node symbols = tree.nodeAt("/__symbols__");
        if (symbols != null) {
            for (Property p : symbols.properties()) {
                Node t = refs.pathTarget(symbols, p);
                if (t != null && !inRemoved.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private void decideSymbols() {
        Node symbols = tree.nodeAt("/__symbols__");
        if (symbols == null) {
            return;
        }
        for (Property p : symbols.properties()) {
            Node t = refs.pathTarget(symbols, p);
            if (t != null && inRemoved.contains(t)) {
                removedProperties.put(p, "names " + t.path() + ", which was removed");
                notes.add("dropped __symbols__ entry " + p.name() + ": its node " + t.path() + " was removed");
            }
        }
    }

    private List<Removal> listRemovals() {
        List<Removal> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            String nodeReason = removedRoots.get(n);
            if (nodeReason != null) {
                int[] counts = new int[2];
                Deque<Node> sub = new ArrayDeque<>();
                sub.push(n);
                while (!sub.isEmpty()) {
                    Node d = sub.pop();
                    counts[0]++;
                    counts[1] += d.properties().size();
                    sub.addAll(d.children());
                }
                out.add(new Removal(n.path(), null, nodeReason, counts[0], counts[1]));
                continue;
            }
            for (Property p : n.properties()) {
                String reason = removedProperties.get(p);
                if (reason != null) {
                    out.add(Removal.ofProperty(n.path(), p.name(), reason));
                }
            }
            List<Node> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    private void apply() {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(tree.root());
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            n.properties().removeIf(removedProperties::containsKey);
            n.children().removeIf(removedRoots::containsKey);
            for (Node c : n.children()) {
                stack.push(c);
            }
        }
    }
}
