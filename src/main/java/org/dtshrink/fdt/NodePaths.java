package org.dtshrink.fdt;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.Node;

/** Full node paths built without recursion, since nodes may be nested thousands deep. */
final class NodePaths {

    private NodePaths() {
    }

    static String of(Node node) {
        List<String> names = new ArrayList<>();
        for (Node n = node; n.parent() != null; n = n.parent()) {
            names.add(n.name());
        }
        if (names.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = names.size() - 1; i >= 0; i--) {
            sb.append('/').append(names.get(i));
        }
        return sb.toString();
    }
}
