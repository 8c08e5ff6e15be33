package org.dtshrink.cost;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;

/**
 * Refuses to render a report whose node paths alone would exceed {@link #MAX_PATH_CHARS}: a small hostile blob (a
 * wide fan-out under long names) can make the sum of its nodes' path lengths quadratic in its size. Real trees stay
 * far below the limit (the largest kernel tree lists under a megabyte).
 */
final class ListingLimit {

    static final long MAX_PATH_CHARS = 64L << 20;

    private ListingLimit() {
    }

    static void check(CostReport report, ReportOptions options) {
        long total = 0;
        for (CostResult r : report.results()) {
            Map<Node, Long> lengths = pathLengths(r);
            for (ListedNode l : CostBreakdowns.listing(r)) {
                if (options.perNode() || !l.cost().isAllocated()) {
                    total += lengths.get(l.cost().node());
                }
            }
            if (options.top() > 0) {
                for (SubtreeCost s : CostBreakdowns.topSubtrees(r, options.top())) {
                    total += lengths.get(s.root().node());
                }
            }
            if (total > MAX_PATH_CHARS) {
                throw new DtException(report.file() + ": error: too many or too long node paths to list (over "
                        + (MAX_PATH_CHARS >> 20) + " MiB of paths)");
            }
        }
    }

    /** The length of every node's path, each from its parent's (parents come first in blob order). */
    private static Map<Node, Long> pathLengths(CostResult r) {
        List<NodeCost> nodes = r.nodes();
        Map<Node, Long> lengths = new IdentityHashMap<>(nodes.size() * 2);
        for (NodeCost c : nodes) {
            Node n = c.node();
            if (n.isRoot()) {
                lengths.put(n, 1L);
            } else {
                long parent = n.parent().isRoot() ? 0 : lengths.get(n.parent());
                lengths.put(n, parent + 1 + n.name().length());
            }
        }
        return lengths;
    }
}
