package org.dtshrink.dtsout;

import java.util.HashMap;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;

/**
 * How a phandle reference is written back: {@code &label}, or {@code &{/path}}. A reference by label and relative
 * path ({@code &{label/sub/node}}) is written as the absolute path of the node it names, which every dtc accepts.
 * A reference that names no node of the tree (an overlay's reference to its base tree, already recorded in
 * {@code __fixups__}) has no source form: it is printed as the cell it became.
 */
final class ReferenceSyntax {

    private final DeviceTree tree;
    private Map<String, Node> byLabel;

    ReferenceSyntax(DeviceTree tree) {
        this.tree = tree;
    }

    /** The reference as DTS, or null when it names no node of the tree. */
    String of(String ref) {
        int slash = ref.indexOf('/');
        if (slash < 0) {
            return labelled(ref) != null ? "&" + ref : null;
        }
        if (slash == 0) {
            return tree.nodeAt(ref) != null ? "&{" + ref + "}" : null;
        }
        Node n = labelled(ref.substring(0, slash));
        for (String part : ref.substring(slash + 1).split("/")) {
            if (n != null && !part.isEmpty()) {
                n = n.child(part);
            }
        }
        return n != null ? "&{" + n.path() + "}" : null;
    }

    private Node labelled(String label) {
        if (byLabel == null) {
            byLabel = new HashMap<>();
            tree.forEachNode(n -> n.labels().forEach(l -> byLabel.putIfAbsent(l, n)));
        }
        return byLabel.get(label);
    }
}
