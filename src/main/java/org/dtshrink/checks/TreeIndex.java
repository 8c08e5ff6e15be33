package org.dtshrink.checks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * Finding nodes and properties as dtc's get_* functions do (live items only, pre-order, the first match wins),
 * with indexes so that a tree of a million properties or nodes is still searched in linear time. The indexes are
 * dropped when the checks change what they index (a node deleted, a property added or removed).
 */
final class TreeIndex {

    /** Nodes with more properties than this get a name index on first lookup. */
    private static final int INDEX_PROPERTIES_FROM = 24;

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

    /** dtc's get_subnode: the first live child of that name. */
    static Node child(Node n, String name) {
        for (Node c : n.children()) {
            if (!c.isDeleted() && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Live children, in order. */
    static List<Node> liveChildren(Node n) {
        List<Node> out = new ArrayList<>(n.children().size());
        for (Node c : n.children()) {
            if (!c.isDeleted()) {
                out.add(c);
            }
        }
        return out;
    }

    static boolean hasLiveChildren(Node n) {
        for (Node c : n.children()) {
            if (!c.isDeleted()) {
                return true;
            }
        }
        return false;
    }

    /** dtc's get_node_by_label: the first live node in pre-order that carries the label. */
    Node byLabel(String label) {
        if (byLabel == null) {
            byLabel = new HashMap<>();
            for (Node n : preOrder(root)) {
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

    /** dtc's get_node_by_path: every component must be a live child's full name; "" is the node itself. */
    static Node byPath(Node from, String path) {
        Node n = from;
        String rest = path;
        while (true) {
            if (rest.isEmpty()) {
                return n.isDeleted() ? null : n;
            }
            int i = 0;
            while (i < rest.length() && rest.charAt(i) == '/') {
                i++;
            }
            rest = rest.substring(i);
            int slash = rest.indexOf('/');
            String part = slash < 0 ? rest : rest.substring(0, slash);
            Node next = child(n, part);
            if (next == null) {
                return null;
            }
            if (slash < 0) {
                return next;
            }
            n = next;
            rest = rest.substring(slash + 1);
        }
    }

    /** dtc's get_node_by_ref: "/", a path, a label, or a label followed by a path below it. */
    Node byRef(String ref) {
        if (ref.equals("/")) {
            return root;
        }
        if (ref.startsWith("/")) {
            return byPath(root, ref);
        }
        int slash = ref.indexOf('/');
        Node target = byLabel(slash < 0 ? ref : ref.substring(0, slash));
        if (target == null || slash < 0) {
            return target;
        }
        return byPath(target, ref.substring(slash + 1));
    }

    /** Live nodes in pre-order, from {@code top}. */
    static List<Node> preOrder(Node top) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            List<Node> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!kids.get(i).isDeleted()) {
                    stack.push(kids.get(i));
                }
            }
        }
        return out;
    }
}
