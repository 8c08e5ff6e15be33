package org.dtshrink.emit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A canonical text dump of an unflattened tree, in the order the kernel's {@code of_find_all_nodes()} and
 * {@code for_each_property_of_node()} visit it. A C program walking an emitted table prints the same bytes, which
 * is how the table is checked against the tree it was made from. Names and values are raw bytes; values in hex.
 *
 * <pre>
 * node PATH
 *  full_name BYTES
 *  name BYTES            (np->name up to its NUL)
 *  type BYTES            (Linux 4.13 only)
 *  phandle 0xN
 *  prop NAME LENGTH HEX  ("-" for an empty value)
 * </pre>
 */
public final class UnflattenedDump {

    private UnflattenedDump() {
    }

    public static byte[] dump(UnflattenedTree tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean old = tree.layout().linux413();
        for (KernelNode n : preOrder(tree)) {
            text(out, "node ");
            out.writeBytes(KernelPaths.path(n));
            text(out, "\n full_name ");
            out.writeBytes(n.fullName());
            text(out, "\n name ");
            out.writeBytes(Bytes.cString(n.properties().get(n.nameProperty()).value()));
            if (old) {
                text(out, "\n type ");
                if (n.typeProperty() < 0) {
                    text(out, "<NULL>");
                } else {
                    out.writeBytes(Bytes.cString(n.properties().get(n.typeProperty()).value()));
                }
            }
            text(out, "\n phandle 0x" + Long.toHexString(n.phandle()) + "\n");
            for (KernelProperty p : n.properties()) {
                text(out, " prop ");
                out.writeBytes(p.name());
                byte[] v = p.value();
                text(out, " " + v.length + " ");
                if (v.length == 0) {
                    text(out, "-");
                }
                for (byte b : v) {
                    text(out, String.format("%02x", b & 0xff));
                }
                text(out, "\n");
            }
        }
        return out.toByteArray();
    }

    /** Pre-order over the kernel's links, which is blob order except where a skipped parent moved a subtree. */
    static java.util.List<KernelNode> preOrder(UnflattenedTree tree) {
        java.util.List<KernelNode> order = new java.util.ArrayList<>();
        java.util.ArrayDeque<KernelNode> stack = new java.util.ArrayDeque<>();
        stack.push(tree.nodes().get(0));
        while (!stack.isEmpty()) {
            KernelNode n = stack.pop();
            order.add(n);
            for (int i = n.children().size() - 1; i >= 0; i--) {
                stack.push(n.children().get(i));
            }
        }
        return order;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
