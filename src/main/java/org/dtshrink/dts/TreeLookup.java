package org.dtshrink.dts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/** Finding nodes the way dtc's get_node_by_* functions do: over live nodes, pre-order, first match wins. */
final class TreeLookup {

    private TreeLookup() {
    }

    /** A reference as written after '&': a label, a path, or (dtc 1.7+) a label followed by a relative path. */
    static Node byRef(Node root, String ref, Labels labels) {
        if (ref.equals("/")) {
            return root;
        }
        if (ref.startsWith("/")) {
            return byPath(root, ref);
        }
        int slash = ref.indexOf('/');
        String label = slash < 0 ? ref : ref.substring(0, slash);
        if (label.isEmpty()) {
            return null;
        }
        Node target = byLabel(root, label, labels);
        if (target == null || slash < 0) {
            return target;
        }
        return byPath(target, ref.substring(slash + 1));
    }

    static Node byLabel(Node root, String label, Labels labels) {
        return labels.firstNodeWith(root, label);
    }

    /** dtc's get_node_by_path: each component must equal a live child's full name; the first such child is taken. */
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
            Node next = null;
            for (Node c : n.children()) {
                if (!c.isDeleted() && c.name().equals(part)) {
                    next = c;
                    break;
                }
            }
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

    /** Live nodes in pre-order, starting with {@code root} itself. */
    static List<Node> preOrder(Node root) {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
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

    static List<Property> liveProperties(Node n) {
        List<Property> out = new ArrayList<>();
        for (Property p : n.properties()) {
            if (!p.isDeleted()) {
                out.add(p);
            }
        }
        return out;
    }
}
