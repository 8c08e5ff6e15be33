package org.dtshrink.emit;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.Names;

/**
 * Paths in the kernel's unflattened tree, which can differ from the source's (where a skipped parent moved a node,
 * that is where it shows): in the table's comments, its member names and the --dump text.
 */
final class KernelPaths {

    private KernelPaths() {
    }

    /** The components of the node's path in the kernel's tree, below the root. */
    static List<String> components(KernelNode n) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (KernelNode m = n; m.parent() != null; m = m.parent()) {
            parts.push(m.source().name());
        }
        return new ArrayList<>(parts);
    }

    /**
     * Longest path a comment shows in full, to keep it on one line; deeper ones keep their last components, so
     * output stays linear in the tree.
     */
    static final int COMMENT_PATH_MAX = 72;

    /** The path for a comment: the whole path, or "..." and as many trailing components as fit. */
    static byte[] forComment(KernelNode n) {
        java.util.ArrayDeque<byte[]> parts = new java.util.ArrayDeque<>();
        int length = 0;
        boolean cut = false;
        for (KernelNode m = n; m.parent() != null; m = m.parent()) {
            byte[] name = Names.bytes(m.source().name());
            if (length + name.length + 1 > COMMENT_PATH_MAX) {
                cut = true;
                break;
            }
            parts.push(name);
            length += name.length + 1;
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        if (cut) {
            b.writeBytes(new byte[] {'.', '.', '.'});
        }
        for (byte[] part : parts) {
            b.write('/');
            b.writeBytes(part);
        }
        return parts.isEmpty() && !cut ? new byte[] {'/'} : b.toByteArray();
    }

    /** The node's path in the kernel's tree (where a skipped parent moved it, that is where it shows). */
    static byte[] path(KernelNode n) {
        if (n.parent() == null) {
            return new byte[] {'/'};
        }
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.util.ArrayDeque<KernelNode> chain = new java.util.ArrayDeque<>();
        for (KernelNode m = n; m.parent() != null; m = m.parent()) {
            chain.push(m);
        }
        for (KernelNode m : chain) {
            b.write('/');
            b.writeBytes(Names.bytes(m.source().name()));
        }
        return b.toByteArray();
    }
}
