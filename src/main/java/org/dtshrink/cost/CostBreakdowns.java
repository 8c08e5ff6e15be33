package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Node;

/** Views over a {@link CostResult} that answer "where do the bytes go": by subtree and by property name. */
public final class CostBreakdowns {

    private CostBreakdowns() {
    }

    /**
     * Every subtree below the root with its bytes, largest first (blob order among equals). The root is left out:
     * its subtree is the whole tree.
     */
    public static List<SubtreeCost> subtrees(CostResult result) {
        return subtrees(result, null);
    }

    /**
     * As {@link #subtrees(CostResult)}, each node charged with all the RAM {@code boot} says it costs (its unflatten
     * bytes, sysfs entries, device and links); with a null {@code boot}, its unflatten bytes only.
     */
    public static List<SubtreeCost> subtrees(CostResult result, BootRam boot) {
        List<NodeCost> nodes = result.nodes();
        int n = nodes.size();
        Map<Node, Integer> index = new IdentityHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            index.put(nodes.get(i).node(), i);
        }
        long[] bytes = new long[n];
        int[] count = new int[n];
        // Children come after their parent in blob order, so a backward sweep has every child done first.
        for (int i = n - 1; i >= 0; i--) {
            NodeCost c = nodes.get(i);
            bytes[i] += boot == null ? c.bytes() : boot.nodeBytes(c.node());
            count[i] += c.isAllocated() ? 1 : 0;
            Node parent = c.node().parent();
            Integer p = parent == null ? null : index.get(parent);
            if (p != null) {
                bytes[p] += bytes[i];
                count[p] += count[i];
            }
        }
        List<SubtreeCost> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!nodes.get(i).node().isRoot()) {
                out.add(new SubtreeCost(nodes.get(i), bytes[i], count[i]));
            }
        }
        out.sort(Comparator.comparingLong(SubtreeCost::bytes).reversed());
        return out;
    }

    /** The {@code limit} largest subtrees below the root; subtrees with nothing allocated are left out. */
    public static List<SubtreeCost> topSubtrees(CostResult result, int limit) {
        return topSubtrees(result, null, limit);
    }

    /** The {@code limit} largest subtrees by all their RAM ({@link #subtrees(CostResult, BootRam)}). */
    public static List<SubtreeCost> topSubtrees(CostResult result, BootRam boot, int limit) {
        List<SubtreeCost> top = new ArrayList<>();
        for (SubtreeCost s : subtrees(result, boot)) {
            if (top.size() == limit || s.nodes() == 0) {
                break;
            }
            top.add(s);
        }
        return top;
    }

    /** Every node in blob order, a subtree skipped for depth folded into its topmost node. */
    public static List<ListedNode> listing(CostResult result) {
        List<NodeCost> nodes = result.nodes();
        List<ListedNode> out = new ArrayList<>(nodes.size());
        int i = 0;
        while (i < nodes.size()) {
            NodeCost n = nodes.get(i);
            int end = i + 1;
            if (n.skipped() == SkipReason.DEPTH) {
                // In blob order a subtree is the run of nodes after its root that sit deeper than the root.
                while (end < nodes.size() && nodes.get(end).depth() > n.depth()) {
                    end++;
                }
            }
            out.add(new ListedNode(n, end - i));
            i = end;
        }
        return out;
    }

    /** Bytes per property name across the tree (padding before each property included), largest first. */
    public static List<PropertyNameCost> byProperty(CostResult result) {
        return byProperty(result, null);
    }

    /**
     * As {@link #byProperty(CostResult)}, each name charged with all the RAM {@code boot} says it costs (its
     * structs, sysfs files and the links it made); with a null {@code boot}, its unflatten bytes only.
     */
    public static List<PropertyNameCost> byProperty(CostResult result, BootRam boot) {
        Map<String, long[]> real = new LinkedHashMap<>();
        long[] synthesized = new long[2];
        for (NodeCost node : result.nodes()) {
            for (PropertyCost p : node.properties()) {
                long[] acc = p.synthesized() ? synthesized : real.computeIfAbsent(p.name(), k -> new long[2]);
                acc[0]++;
                acc[1] += p.bytes();
            }
        }
        List<PropertyNameCost> out = new ArrayList<>(real.size() + 1);
        real.forEach((name, acc) -> out.add(new PropertyNameCost(name, false, (int) acc[0],
                boot == null ? acc[1] : boot.propertyBytes(new BootRam.PropertyKey(name, false)))));
        if (synthesized[0] > 0) {
            out.add(new PropertyNameCost("name", true, (int) synthesized[0],
                    boot == null ? synthesized[1] : boot.propertyBytes(new BootRam.PropertyKey("name", true))));
        }
        out.sort(Comparator.comparingLong(PropertyNameCost::bytes).reversed()
                .thenComparing(PropertyNameCost::name).thenComparing(PropertyNameCost::synthesized));
        return out;
    }
}
