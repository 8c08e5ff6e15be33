package org.dtshrink.checks;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * Finding nodes and properties as dtc's get_* functions do (live items only, pre-order, the first match wins),
 * with indexes so that a tree of a million properties or nodes is still searched in linear time. The indexes are
 * dropped when the checks change what they index (a node deleted, a property added or removed).
 */
final class TreeIndex {

    /**
     * Nodes with this many properties or more get a name index on first lookup: each of the seventy checks looks
     * up a few names in every node, so a scan of more than a handful of properties costs more than the index.
     */
    private static final int INDEX_PROPERTIES_FROM = 6;

    private final Node root;
    private Map<String, Node> byLabel;
    private final Map<Long, Node> byPhandle = new HashMap<>();
    private final Map<Node, Map<String, Property>> propIndex = new IdentityHashMap<>();

    TreeIndex(Node root) {
        this.root = root;
    }

    Node root() {
        return root;
    }

    /** dtc's get_property: the first live property of that name. */
    Property property(Node n, String name) {
        List<Property> props = n.properties();
        if (props.size() < INDEX_PROPERTIES_FROM) {
            for (Property p : props) {
                if (!p.isDeleted() && p.name().equals(name)) {
                    return p;
                }
            }
            return null;
        }
        Map<String, Property> m = propIndex.get(n);
        if (m == null) {
            m = new HashMap<>();
            for (Property p : props) {
                if (!p.isDeleted()) {
                    m.putIfAbsent(p.name(), p);
                }
            }
            propIndex.put(n, m);
        }
        return m.get(name);
    }

    /** To be called when a node's properties change. */
    void propertiesChanged(Node n) {
        propIndex.remove(n);
    }

    /** To be called when nodes are deleted or labels change. */
    void nodesChanged() {
        byLabel = null;
    }

    /** dtc's get_node_by_label: the first live node in pre-order that carries the label. */
    Node byLabel(String label) {
        if (byLabel == null) {
            byLabel = new HashMap<>();
            for (Node n : LiveNodes.preOrder(root)) {
                for (String l : n.labels()) {
                    byLabel.putIfAbsent(l, n);
                }
            }
        }
        return byLabel.get(label);
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
        return LiveNodes.byRef(root, ref, this::byLabel);
    }
}
