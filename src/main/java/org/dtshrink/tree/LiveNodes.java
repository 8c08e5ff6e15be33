package org.dtshrink.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The tree as dtc's lookups see it while a source is built: only live items (a front end's deleted nodes and
 * properties are not), in order, the first match winning, as dtc's get_subnode, get_node_by_path and for_each_*
 * do. After the front end no item is deleted, and these are plain walks.
 */
public final class LiveNodes {

    private LiveNodes() {
    }

    /** dtc's get_subnode: the first live child of that full name. */
    public static Node child(Node n, String name) {
        for (Node c : n.children()) {
            if (!c.isDeleted() && c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Live children, in order. */
    public static List<Node> children(Node n) {
        List<Node> out = new ArrayList<>(n.children().size());
        for (Node c : n.children()) {
            if (!c.isDeleted()) {
                out.add(c);
            }
        }
        return out;
    }

    public static boolean hasChildren(Node n) {
        for (Node c : n.children()) {
            if (!c.isDeleted()) {
                return true;
            }
        }
        return false;
    }

    /** Live properties, in order. */
    public static List<Property> properties(Node n) {
        List<Property> out = new ArrayList<>();
        for (Property p : n.properties()) {
            if (!p.isDeleted()) {
                out.add(p);
            }
        }
        return out;
    }

    /** dtc's get_node_by_path: every component must be a live child's full name; "" is the node itself. */
    public static Node byPath(Node from, String path) {
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
            Node next = child(n, slash < 0 ? rest : rest.substring(0, slash));
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

    /**
     * dtc's get_node_by_ref: "/", a path, a label, or (dtc 1.7 on) a label followed by a path below it; labels are
     * resolved by {@code byLabel}, which knows how the caller keeps them.
     */
    public static Node byRef(Node root, String ref, Function<String, Node> byLabel) {
        if (ref.equals("/")) {
            return root;
        }
        if (ref.startsWith("/")) {
            return byPath(root, ref);
        }
        int slash = ref.indexOf('/');
        String label = slash < 0 ? ref : ref.substring(0, slash);
        Node target = label.isEmpty() ? null : byLabel.apply(label);
        if (target == null || slash < 0) {
            return target;
        }
        return byPath(target, ref.substring(slash + 1));
    }

    /** Live nodes in pre-order, starting with {@code top} itself. */
    public static List<Node> preOrder(Node top) {
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
