package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * Finding nodes and properties as dtc's get_* functions do (live items only, pre-order, the first match wins),
 * with indexes so that a tree of a million properties or nodes is still searched in linear time.
 *
 * <p>The tree is numbered once, in pre-order, deleted nodes included (the checks add no nodes), and each node's
 * properties are read once: the first live property of each {@link Known} name goes into a slot, and a few facts
 * (labels, references, property names of a kind) into flags that let the checks pass over the many nodes that do not
 * concern them. The checks change properties only by adding phandles, dropping redundant {@code name}s, filling
 * references in and deleting nodes; {@link #propertiesChanged} reads a node again, and the flags, which only ever
 * say "may have", stay true. Once the checks are over ({@link #checksDone}) the tree is the pipeline's to change, and
 * lookups search it as it stands.
 */
final class TreeIndex {

    /** Some live property carries a label. */
    static final int PROP_LABEL = 1;
    /** Some live property's value carries a label. */
    static final int VALUE_LABEL = 1 << 1;
    /** Some live property's value refers to a node by phandle. */
    static final int PHANDLE_REF = 1 << 2;
    /** Some live property's value refers to a node by path. */
    static final int PATH_REF = 1 << 3;
    /** Some live property is a GPIO specifier by its name ({@link ProviderChecks#isGpio}). */
    static final int GPIO = 1 << 4;
    /** Some live property is named {@code *-names}. */
    static final int NAMES = 1 << 5;
    /** Some live property is named {@code spi-*}. */
    static final int SPI = 1 << 6;
    /** Some property named {@code name}, deleted or not. */
    static final int NAME_ANY = 1 << 7;
    /** Some live property's name has a character outside dtc's PROPCHARS (the names are read here anyway). */
    static final int BAD_PROP_CHARS = 1 << 8;
    /** Two live properties have the same name. */
    static final int REPEATED_PROPERTY = 1 << 9;
    /** Two children, deleted or not, have the same name. */
    static final int REPEATED_CHILD = 1 << 10;
    /** The node carries a label. */
    static final int NODE_LABEL = 1 << 11;
    /** The flags that depend on a property's name alone ({@link NameFacts}); {@link #NAME_ANY} counts deleted ones. */
    private static final int NAME_FLAGS = GPIO | NAMES | SPI | BAD_PROP_CHARS;

    /** Nodes with this many properties or more get a name index on a lookup of a name not in {@link Known}. */
    private static final int INDEX_PROPERTIES_FROM = 6;
    private static final int K = Known.count();

    private final Node root;
    private Map<String, Node> byLabel;
    private final Map<Long, Node> byPhandle = new HashMap<>();
    private Node[] order;
    private int[] subtreeEnd;
    private Property[] slots;
    private int[] flags;
    /** Per node, one bit per {@link Known} name of which it may have a live property. */
    private long[] present;
    /**
     * Per node, as the index last read it, one bit per position in its property list of a live property with a
     * phandle reference; {@link #ALL_POSITIONS} when one is at position 64 or later.
     */
    private long[] phandleRefs;
    static final long ALL_POSITIONS = -1L;
    private boolean[] dead;
    private Map<String, Property>[] byName;
    private final NameFacts propertyNames = new NameFacts();
    private final java.util.function.Function<String, Node> labelLookup = this::byLabel;

    TreeIndex(Node root) {
        this.root = root;
        number();
    }

    Node root() {
        return root;
    }

    /** Every node in pre-order, deleted ones included. */
    Node[] order() {
        return order;
    }

    /** Where the subtree of the node at {@code i} in {@link #order()} ends (exclusive). */
    int subtreeEnd(int i) {
        return subtreeEnd[i];
    }

    /** Whether the node at {@code i} in {@link #order()} is deleted, as {@link #deleted} last recorded. */
    boolean isDeleted(int i) {
        return dead[i];
    }

    /** Records that a node was deleted (it stays in {@link #order()}). */
    void deleted(Node n) {
        int k = ordinal(n);
        if (k >= 0) {
            dead[k] = true;
        }
    }

    /** The first live property of a {@link Known} name of the node at {@code i} in {@link #order()}. */
    Property slot(int i, int known) {
        return slots[i * K + known];
    }

    /** The node's number in {@link #order()}, or -1 for a node this index does not know. */
    int ordinal(Node n) {
        int k = n.ordinal();
        return order != null && k >= 0 && k < order.length && order[k] == n ? k : -1;
    }

    @SuppressWarnings("unchecked")
    private void number() {
        List<Node> nodes = new ArrayList<>();
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        while (!stack.isEmpty()) {
            Node n = stack.remove(stack.size() - 1);
            n.setOrdinal(nodes.size());
            nodes.add(n);
            List<Node> kids = n.children();
            for (int k = kids.size() - 1; k >= 0; k--) {
                stack.add(kids.get(k));
            }
        }
        order = nodes.toArray(new Node[0]);
        int count = order.length;
        // a subtree ends where the next node not below it begins: from the end, children before parents
        subtreeEnd = new int[count];
        for (int i = count - 1; i >= 0; i--) {
            List<Node> kids = order[i].children();
            subtreeEnd[i] = kids.isEmpty() ? i + 1 : subtreeEnd[kids.get(kids.size() - 1).ordinal()];
        }
        slots = new Property[count * K];
        flags = new int[count];
        present = new long[count];
        phandleRefs = new long[count];
        dead = new boolean[count];
        for (int i = 0; i < count; i++) {
            dead[i] = order[i].isDeleted();
        }
        byName = new Map[count];
        NameFacts nodeNames = new NameFacts();
        for (int i = 0; i < count; i++) {
            read(i);
            List<Node> kids = order[i].children();
            if (kids.size() > 1) {
                nodeNames.newPass();
                for (int k = 0, m = kids.size(); k < m; k++) {
                    if (nodeNames.repeated(nodeNames.number(kids.get(k).name()))) {
                        flags[i] |= REPEATED_CHILD;
                        break;
                    }
                }
            }
        }
    }

    /** Fills the node's slots and flags from its properties as they are now. */
    private void read(int i) {
        int base = i * K;
        java.util.Arrays.fill(slots, base, base + K, null);
        int f = flags[i];
        long has = present[i];
        long refs = 0;
        if (!order[i].labels().isEmpty()) {
            f |= NODE_LABEL;
        }
        List<Property> props = order[i].properties();
        propertyNames.newPass();
        for (int j = 0, m = props.size(); j < m; j++) {
            Property p = props.get(j);
            String name = p.name();
            int number = propertyNames.number(name);
            int facts = propertyNames.facts(number, name);
            f |= facts & NAME_ANY;
            if (p.isDeleted()) {
                continue;
            }
            if (propertyNames.repeated(number)) {
                f |= REPEATED_PROPERTY;
            }
            int v = valueFlags(p);
            f |= facts & NAME_FLAGS | v;
            if ((v & PHANDLE_REF) != 0) {
                refs |= j < 64 ? 1L << j : ALL_POSITIONS;
            }
            int id = NameFacts.known(facts);
            if (id >= 0 && slots[base + id] == null) {
                slots[base + id] = p;
                has |= 1L << id;
            }
        }
        flags[i] = f;
        present[i] = has;
        phandleRefs[i] = refs;
        byName[i] = null;
    }

    /** The flags a live property's labels and value give. */
    private static int valueFlags(Property p) {
        int f = p.labels().isEmpty() ? 0 : PROP_LABEL;
        Value v = p.value();
        if (v.mayHave(Marker.Kind.LABEL)) {
            f |= VALUE_LABEL;
        }
        if (v.mayHave(Marker.Kind.REF_PHANDLE)) {
            f |= PHANDLE_REF;
        }
        if (v.mayHave(Marker.Kind.REF_PATH)) {
            f |= PATH_REF;
        }
        return f;
    }

    /** The flags of the node at {@code i} in {@link #order()}. */
    int flagsAt(int i) {
        return flags[i];
    }

    /** The {@link Known} names of which the node at {@code i} in {@link #order()} may have a live property, as bits. */
    long knownAt(int i) {
        return present[i];
    }

    /**
     * Where in the property list of the node at {@code i} in {@link #order()} the live properties with phandle
     * references were when the index last read the node (properties appended since have none), as bits.
     */
    long phandleRefsAt(int i) {
        return phandleRefs[i];
    }

    /** What the node may have ({@link #PROP_LABEL} and the others); every flag set for a node this index does not know. */
    int flags(Node n) {
        int k = ordinal(n);
        return k < 0 ? -1 : flags[k];
    }

    /** dtc's get_property for a {@link Known} name. */
    Property property(Node n, int known) {
        int k = ordinal(n);
        if (k < 0) {
            return scan(n, Known.name(known));
        }
        return slots[k * K + known];
    }

    /** dtc's get_property: the first live property of that name. */
    Property property(Node n, String name) {
        int k = ordinal(n);
        if (k < 0) {
            return scan(n, name);
        }
        int known = Known.find(name);
        if (known >= 0) {
            return slots[k * K + known];
        }
        // every property name of the tree was numbered (node names are asked about too: most are no property's)
        if (propertyNames.find(name) < 0) {
            return null;
        }
        List<Property> props = n.properties();
        if (props.size() < INDEX_PROPERTIES_FROM) {
            return scan(n, name);
        }
        Map<String, Property> m = byName[k];
        if (m == null) {
            m = new HashMap<>();
            for (Property p : props) {
                if (!p.isDeleted()) {
                    m.putIfAbsent(p.name(), p);
                }
            }
            byName[k] = m;
        }
        return m.get(name);
    }

    private static Property scan(Node n, String name) {
        for (Property p : n.properties()) {
            if (!p.isDeleted() && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * To be called when a live property is appended to a node: the node's first property of each name stays its
     * first, so only the new one is read.
     */
    void propertyAdded(Node n, Property p) {
        int k = ordinal(n);
        if (k < 0) {
            return;
        }
        String name = p.name();
        int facts = propertyNames.facts(propertyNames.number(name), name);
        int id = NameFacts.known(facts);
        if (id >= 0 && slots[k * K + id] == null) {
            slots[k * K + id] = p;
            present[k] |= 1L << id;
        } else {
            // another live property of this name may be in the node
            flags[k] |= REPEATED_PROPERTY;
        }
        flags[k] |= facts & (NAME_FLAGS | NAME_ANY) | valueFlags(p);
        byName[k] = null;
    }

    /** To be called when a node's properties change. */
    void propertiesChanged(Node n) {
        int k = ordinal(n);
        if (k >= 0) {
            read(k);
        }
    }

    /** To be called when nodes are deleted or labels change. */
    void nodesChanged() {
        byLabel = null;
    }

    /** From here on lookups search the tree as it is: the pipeline goes on changing it without telling. */
    void checksDone() {
        order = null;
        subtreeEnd = null;
        slots = null;
        flags = null;
        present = null;
        phandleRefs = null;
        dead = null;
        byName = null;
    }

    /** dtc's get_node_by_label: the first live node in pre-order that carries the label. */
    Node byLabel(String label) {
        if (byLabel == null) {
            byLabel = new HashMap<>();
            if (order == null) {
                for (Node n : LiveNodes.preOrder(root)) {
                    labelled(n);
                }
            } else {
                // the same live pre-order from the numbering, without a list of the nodes
                for (int k = 0; k < order.length; k++) {
                    if (order[k].isDeleted()) {
                        k = subtreeEnd[k] - 1;
                    } else if (!order[k].labels().isEmpty()) {
                        labelled(order[k]);
                    }
                }
            }
        }
        return byLabel.get(label);
    }

    private void labelled(Node n) {
        List<String> labels = n.labels();
        for (int i = 0; i < labels.size(); i++) {
            byLabel.putIfAbsent(labels.get(i), n);
        }
    }

    /** dtc's get_node_by_phandle; only phandles given through {@link #setPhandle} are known. */
    Node byPhandle(long phandle) {
        if (!Phandles.isValid(phandle)) {
            return null;
        }
        Node n = byPhandle.get(phandle);
        return n == null || n.isDeleted() || n.phandle() != phandle ? null : n;
    }

    void setPhandle(Node n, long phandle) {
        n.setPhandle(phandle);
        Node had = byPhandle.get(phandle);
        if (had == null || had.isDeleted() || had.phandle() != phandle) {
            byPhandle.put(phandle, n);
        }
    }

    /** dtc's get_node_by_ref: "/", a path, a label, or a label followed by a path below it. */
    Node byRef(String ref) {
        // most references are a plain label: what LiveNodes.byRef does with a ref without '/', without its lambda
        if (ref.indexOf('/') < 0) {
            return ref.isEmpty() ? null : byLabel(ref);
        }
        return LiveNodes.byRef(root, ref, labelLookup);
    }
}
