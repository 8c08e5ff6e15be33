package org.dtshrink.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A whole device tree: the root node, the memory reservations, the boot CPU and whether it is an overlay. */
public final class DeviceTree {

    private Node root;
    private final List<ReserveEntry> reserves = new ArrayList<>();
    private long bootCpuid;
    private boolean plugin;

    public DeviceTree(Node root) {
        this.root = root;
    }

    public Node root() {
        return root;
    }

    public void setRoot(Node root) {
        this.root = root;
    }

    public List<ReserveEntry> reserves() {
        return reserves;
    }

    /** The boot CPU's physical id, written to the blob header. */
    public long bootCpuid() {
        return bootCpuid;
    }

    public void setBootCpuid(long bootCpuid) {
        this.bootCpuid = bootCpuid;
    }

    public boolean isPlugin() {
        return plugin;
    }

    public void setPlugin(boolean plugin) {
        this.plugin = plugin;
    }

    /** The node at an absolute path such as {@code /soc/serial@40004000}, or null. Names must match exactly. */
    public Node nodeAt(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        Node n = root;
        for (String part : path.substring(1).split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            n = n.child(part);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /** Visits live nodes in blob order (pre-order, properties before children), without recursion. */
    public void forEachNode(Consumer<Node> visitor) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            visitor.accept(n);
            List<Node> kids = n.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (!kids.get(i).isDeleted()) {
                    stack.push(kids.get(i));
                }
            }
        }
    }

    /** Drops every node and property marked deleted, so later stages see only the live tree. */
    public void purgeDeleted() {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            n.properties().removeIf(Property::isDeleted);
            n.children().removeIf(Node::isDeleted);
            for (Node c : n.children()) {
                stack.push(c);
            }
        }
    }

    /**
     * A deep copy: nodes, properties, values, labels, phandles and source positions, so one stage can change the
     * copy and another still read the original. Iterative, as trees may be deeper than the call stack.
     */
    public DeviceTree copy() {
        DeviceTree t = new DeviceTree(copyNode(root));
        t.reserves.addAll(reserves);
        t.bootCpuid = bootCpuid;
        t.plugin = plugin;
        Deque<Node[]> stack = new ArrayDeque<>();
        stack.push(new Node[] {root, t.root});
        while (!stack.isEmpty()) {
            Node[] pair = stack.pop();
            for (Node c : pair[0].children()) {
                Node copy = copyNode(c);
                pair[1].addChild(copy);
                stack.push(new Node[] {c, copy});
            }
        }
        return t;
    }

    private static Node copyNode(Node n) {
        Node c = new Node(n.name());
        for (Property p : n.properties()) {
            Property q = new Property(p.name(), p.value().copy(), p.pos());
            p.labels().forEach(q::addLabel);
            q.setDeleted(p.isDeleted());
            c.addProperty(q);
        }
        n.labels().forEach(c::addLabel);
        c.setPos(n.pos());
        n.laterDefinitions().forEach(c::addDefinition);
        c.setDeleted(n.isDeleted());
        c.setOmitIfNoRef(n.isOmitIfNoRef());
        c.setReferenced(n.isReferenced());
        c.setPhandle(n.phandle());
        return c;
    }
}
