package org.dtshrink.dts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * dtc's error-level checks and its fix-ups, in the order of dtc's check table: duplicate names, name characters,
 * redundant {@code name} properties, duplicate labels, explicit phandles, phandle and path references, and nodes
 * omitted when unreferenced. The first error stops the compile. Phandles are handed out as dtc does: the lowest
 * value not yet in use, counting on from the last one given.
 */
final class Checks {

    private final ParsedSource src;
    private final Node root;
    private final Labels labels;
    private final DtsOptions options;
    private final Set<Long> usedPhandles = new HashSet<>();
    private Map<String, Holder> propertyLabelHolders;
    private Map<String, Holder> valueLabelHolders;
    private long nextPhandle = 1;

    Checks(ParsedSource src, DtsOptions options) {
        this.src = src;
        this.root = src.tree.root();
        this.labels = src.labels;
        this.options = options;
    }

    void run() {
        for (Node n : TreeLookup.preOrder(root)) {
            duplicateNodeNames(n);
        }
        for (Node n : TreeLookup.preOrder(root)) {
            duplicatePropertyNames(n);
        }
        for (Node n : TreeLookup.preOrder(root)) {
            if (n.unitAddress().indexOf('@') >= 0) {
                throw DtException.at(n.pos(), "multiple '@' characters in node name");
            }
        }
        for (Node n : TreeLookup.preOrder(root)) {
            for (Property p : TreeLookup.liveProperties(n)) {
                if (p.name().indexOf('@') >= 0) {
                    throw DtException.at(p.pos(), "Bad character '@' in property name");
                }
            }
        }
        for (Node n : TreeLookup.preOrder(root)) {
            Property name = n.property("name");
            if (name != null && !isOneString(name.value())) {
                throw DtException.at(name.pos(), "property is not a string");
            }
        }
        for (Node n : TreeLookup.preOrder(root)) {
            nameProperty(n);
        }
        for (Node n : TreeLookup.preOrder(root)) {
            duplicateLabels(n);
        }
        Map<Long, Node> explicit = new HashMap<>();
        for (Node n : TreeLookup.preOrder(root)) {
            explicitPhandles(n, explicit);
        }
        usedPhandles.addAll(explicit.keySet());
        for (Node n : TreeLookup.preOrder(root)) {
            phandleReferences(n);
        }
        for (Node n : TreeLookup.preOrder(root)) {
            pathReferences(n);
        }
        omitUnusedNodes();
    }

    // ---- structure ----

    // dtc compares each live item with every later one and reports the first pair in that order; the same pair is
    // found here in one pass through the index of each name's next occurrence.

    private void duplicateNodeNames(Node n) {
        List<Node> kids = n.children();
        if (kids.size() < 2) {
            return;
        }
        // dtc compares with every later sibling, tombstones included.
        int[] next = nextSameName(kids.size(), i -> kids.get(i).name(), i -> true);
        for (int i = 0; i < kids.size(); i++) {
            if (!kids.get(i).isDeleted() && next[i] >= 0) {
                throw DtException.at(kids.get(next[i]).pos(), "Duplicate node name");
            }
        }
    }

    private void duplicatePropertyNames(Node n) {
        List<Property> props = n.properties();
        if (props.size() < 2) {
            return;
        }
        int[] next = nextSameName(props.size(), i -> props.get(i).name(), i -> !props.get(i).isDeleted());
        for (int i = 0; i < props.size(); i++) {
            if (!props.get(i).isDeleted() && next[i] >= 0) {
                throw DtException.at(props.get(next[i]).pos(), "Duplicate property name");
            }
        }
    }

    /** For each item, the index of the next counted item with the same name, or -1. */
    private static int[] nextSameName(int size, java.util.function.IntFunction<String> name,
            java.util.function.IntPredicate counted) {
        int[] next = new int[size];
        Map<String, Integer> later = new HashMap<>();
        for (int i = size - 1; i >= 0; i--) {
            String key = name.apply(i);
            Integer j = later.get(key);
            next[i] = j == null ? -1 : j;
            if (counted.test(i)) {
                later.put(key, i);
            }
        }
        return next;
    }

    static boolean isOneString(Value v) {
        int len = v.length();
        if (len == 0 || v.byteAt(len - 1) != 0) {
            return false;
        }
        for (int i = 0; i < len - 1; i++) {
            if (v.byteAt(i) == 0) {
                return false;
            }
        }
        return true;
    }

    /** A {@code name} property equal to the node's base name is redundant and dropped; another one is an error. */
    private void nameProperty(Node n) {
        Property name = null;
        for (Property p : n.properties()) {
            if (p.name().equals("name")) {
                name = p;
                break;
            }
        }
        if (name == null) {
            return;
        }
        byte[] base = Names.bytes(n.baseName());
        Value v = name.value();
        boolean same = v.length() == base.length + 1;
        for (int i = 0; same && i < base.length; i++) {
            same = v.byteAt(i) == base[i];
        }
        if (!same) {
            throw DtException.at(name.pos(), "\"name\" property is incorrect (\"" + v.asString()
                    + "\" instead of base node name)");
        }
        n.properties().remove(name);
    }

    // ---- labels ----

    private void duplicateLabels(Node n) {
        for (String l : labels.live(n)) {
            duplicateLabel(l, n, null, false, labels.posOf(n, l));
        }
        for (Property p : TreeLookup.liveProperties(n)) {
            for (String l : labels.live(p)) {
                duplicateLabel(l, n, p, false, labels.posOf(p, l));
            }
            for (Marker m : p.value().markers()) {
                if (m.kind() == Marker.Kind.LABEL) {
                    duplicateLabel(m.ref(), n, p, true, p.pos());
                }
            }
        }
    }

    /** The first holder of a label in dtc's search order: node labels, then property labels, then value labels. */
    private record Holder(Node node, Property prop, boolean inValue) {
    }

    private Holder firstHolder(String label) {
        Node byNode = TreeLookup.byLabel(root, label, labels);
        if (byNode != null) {
            return new Holder(byNode, null, false);
        }
        if (propertyLabelHolders == null) {
            indexLabelHolders();
        }
        Holder h = propertyLabelHolders.get(label);
        return h != null ? h : valueLabelHolders.get(label);
    }

    /** The first property and the first value holding each label, found in one walk (the tree holds still here). */
    private void indexLabelHolders() {
        propertyLabelHolders = new HashMap<>();
        valueLabelHolders = new HashMap<>();
        for (Node n : TreeLookup.preOrder(root)) {
            for (Property p : TreeLookup.liveProperties(n)) {
                for (String l : labels.live(p)) {
                    propertyLabelHolders.putIfAbsent(l, new Holder(n, p, false));
                }
                for (Marker m : p.value().markers()) {
                    if (m.kind() == Marker.Kind.LABEL) {
                        valueLabelHolders.putIfAbsent(m.ref(), new Holder(n, p, true));
                    }
                }
            }
        }
    }

    private void duplicateLabel(String label, Node n, Property p, boolean inValue, SourcePos at) {
        Holder h = firstHolder(label);
        if (h == null) {
            return;
        }
        // A label twice inside one value is two holders dtc cannot tell apart by node and property alone.
        boolean same = h.node == n && h.prop == p && h.inValue == inValue
                && (!inValue || countValueLabels(p, label) == 1);
        if (!same) {
            throw DtException.at(at, "Duplicate label '" + label + "' on " + describe(n, p, inValue) + " and "
                    + describe(h.node, h.prop, h.inValue));
        }
    }

    private static int countValueLabels(Property p, String label) {
        int k = 0;
        for (Marker m : p.value().markers()) {
            if (m.kind() == Marker.Kind.LABEL && m.ref().equals(label)) {
                k++;
            }
        }
        return k;
    }

    private static String describe(Node n, Property p, boolean inValue) {
        return (inValue ? "value of " : "") + (p != null ? "'" + p.name() + "' in " : "") + n.path();
    }

    // ---- phandles ----

    private void explicitPhandles(Node n, Map<Long, Node> seen) {
        long phandle = phandleProperty(n, "phandle");
        long linux = phandleProperty(n, "linux,phandle");
        if (phandle == 0 && linux == 0) {
            return;
        }
        if (linux != 0 && phandle != 0 && phandle != linux) {
            throw DtException.at(n.pos(), "mismatching 'phandle' and 'linux,phandle' properties");
        }
        if (phandle == 0) {
            phandle = linux;
        }
        Node other = seen.get(phandle);
        if (other != null && other != n) {
            throw DtException.at(n.pos(), String.format("duplicated phandle 0x%x (seen before at %s)", phandle,
                    other.path()));
        }
        n.setPhandle(phandle);
        seen.put(phandle, n);
    }

    private long phandleProperty(Node n, String name) {
        Property p = n.property(name);
        if (p == null) {
            return 0;
        }
        Value v = p.value();
        if (v.length() != 4) {
            throw DtException.at(p.pos(), "bad length (" + v.length() + ") " + name + " property");
        }
        for (Marker m : v.markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE) {
                if (TreeLookup.byRef(root, m.ref(), labels) != n) {
                    throw DtException.at(p.pos(), name + " is a reference to another node");
                }
                // A reference to the node itself asks for a phandle to be allocated later.
                return 0;
            }
        }
        long value = v.cellAt(0);
        if (value == 0 || value == 0xffffffffL) {
            throw DtException.at(p.pos(), String.format("bad value (0x%x) in %s property", value, name));
        }
        return value;
    }

    private void phandleReferences(Node n) {
        for (Property p : TreeLookup.liveProperties(n)) {
            int refIndex = 0;
            for (Marker m : p.value().markers()) {
                if (m.kind() == Marker.Kind.REF_PATH) {
                    refIndex++;
                    continue;
                }
                if (m.kind() != Marker.Kind.REF_PHANDLE) {
                    continue;
                }
                SourcePos at = src.refPos(p.value(), refIndex++, p.pos());
                Node target = TreeLookup.byRef(root, m.ref(), labels);
                if (target == null) {
                    if (!src.plugin) {
                        throw DtException.at(at, "Reference to non-existent node or label \"" + m.ref() + "\"");
                    }
                    p.value().setCell(m.offset(), 0xffffffffL);
                    continue;
                }
                p.value().setCell(m.offset(), nodePhandle(target));
                target.setReferenced(true);
            }
        }
    }

    /** dtc's get_node_phandle: an existing phandle, or the next free one, recorded in the chosen properties. */
    long nodePhandle(Node n) {
        long ph = n.phandle();
        if (ph != 0 && ph != 0xffffffffL) {
            return ph;
        }
        while (usedPhandles.contains(nextPhandle)) {
            nextPhandle++;
        }
        n.setPhandle(nextPhandle);
        usedPhandles.add(nextPhandle);
        if (options.phandleFormat().legacy()) {
            addPhandleProperty(n, "linux,phandle");
        }
        if (options.phandleFormat().epapr()) {
            addPhandleProperty(n, "phandle");
        }
        return nextPhandle;
    }

    private static void addPhandleProperty(Node n, String name) {
        if (n.property(name) != null) {
            return;
        }
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_UINT32, null);
        v.appendInteger(n.phandle(), 32);
        n.addProperty(new Property(name, v));
    }

    private void pathReferences(Node n) {
        for (Property p : TreeLookup.liveProperties(n)) {
            Value v = p.value();
            byte[] bytes = v.bytes();
            boolean any = false;
            int refIndex = 0;
            Value out = new Value();
            int copied = 0;
            for (Marker m : v.markers()) {
                if (m.offset() > copied) {
                    out.appendBytes(bytes, copied, m.offset() - copied);
                    copied = m.offset();
                }
                out.addMarker(m.kind(), m.ref());
                if (m.kind() == Marker.Kind.REF_PHANDLE) {
                    refIndex++;
                } else if (m.kind() == Marker.Kind.REF_PATH) {
                    SourcePos at = src.refPos(v, refIndex++, p.pos());
                    Node target = TreeLookup.byRef(root, m.ref(), labels);
                    if (target == null) {
                        throw DtException.at(at, "Reference to non-existent node or label \"" + m.ref() + "\"");
                    }
                    out.appendBytes(Names.bytes(target.path()));
                    out.appendBytes(new byte[] {0});
                    target.setReferenced(true);
                    any = true;
                }
            }
            if (any) {
                out.appendBytes(bytes, copied, v.length() - copied);
                p.setValue(out);
            }
        }
    }

    /** Deletes /omit-if-no-ref/ nodes nothing refers to (kept under -@ when they carry a label). */
    private void omitUnusedNodes() {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            boolean keep = options.symbols() && labels.hadAny(n);
            if (!keep && n.isOmitIfNoRef() && !n.isReferenced()) {
                Tombstones.deleteNode(n, labels);
            }
            List<Node> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!kids.get(i).isDeleted()) {
                    stack.push(kids.get(i));
                }
            }
        }
    }
}
