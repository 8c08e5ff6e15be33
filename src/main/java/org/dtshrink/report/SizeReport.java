package org.dtshrink.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.Category;
import org.dtshrink.cost.CostBreakdowns;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.cost.PropertyCost;
import org.dtshrink.cost.PropertyNameCost;
import org.dtshrink.cost.SubtreeCost;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.report.ProfileReport.CategoryRow;
import org.dtshrink.report.ProfileReport.PropertyRow;
import org.dtshrink.report.ProfileReport.RemovalRow;
import org.dtshrink.report.ProfileReport.SubtreeRow;
import org.dtshrink.tree.Node;

/**
 * The before/after report of one input: per profile, the tree as is, pruned, and as a flash table. All RAM figures of
 * the unflattening columns come from {@link UnflattenCost}; the flash table's come from the emitter as given.
 *
 * @param top how many subtrees and property names the "largest" lists hold
 */
public record SizeReport(ReportInput input, int top, List<ProfileReport> profiles) {

    public SizeReport {
        profiles = List.copyOf(profiles);
    }

    public static SizeReport build(ReportInput input, List<KernelProfile> profiles, int top) {
        List<ProfileReport> out = new ArrayList<>(profiles.size());
        for (KernelProfile p : profiles) {
            out.add(profile(input, p, top));
        }
        return new SizeReport(input, top, out);
    }

    private static ProfileReport profile(ReportInput in, KernelProfile p, int top) {
        CostResult asIs = UnflattenCost.compute(in.tree(), p);
        PrunedTree pt = in.pruned();
        CostResult pruned = pt == null ? null : UnflattenCost.compute(pt.tree(), p);
        Map<Column, ColumnFigures> columns = new EnumMap<>(Column.class);
        Map<Column, String> missing = new EnumMap<>(Column.class);
        columns.put(Column.AS_IS, new ColumnFigures(asIs.allocation(), 0, in.dtbInFlash() ? 0 : in.dtbSize(), 0,
                p.pageSize()));
        if (pruned != null) {
            columns.put(Column.PRUNED, new ColumnFigures(pruned.allocation(), 0,
                    in.dtbInFlash() ? 0 : pt.dtbSize(), 0, p.pageSize()));
        } else {
            missing.put(Column.PRUNED, in.missingPruned());
        }
        FlashTable ft = in.flashTables().get(p.name());
        if (ft != null) {
            columns.put(Column.FLASH_TABLE, new ColumnFigures(0, ft.ramBytes(),
                    in.dtbInFlash() ? 0 : ft.bootDtbSize(), ft.flashBytes(), p.pageSize()));
        } else {
            missing.put(Column.FLASH_TABLE, in.missingFlash());
        }

        List<CategoryRow> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(new CategoryRow(c, asIs.bytes(c), pruned == null ? null : pruned.bytes(c)));
        }

        // Paths are built only for the rows shown: all of them at once grow with the square of a deep tree.
        List<SubtreeCost> asIsSubtrees = CostBreakdowns.subtrees(asIs);
        Map<Node, SubtreeCost> asIsByNode = byNode(asIsSubtrees);
        Map<Node, SubtreeCost> prunedByNode = pruned == null ? Map.of() : byNode(CostBreakdowns.subtrees(pruned));
        List<SubtreeRow> largest = new ArrayList<>();
        for (SubtreeCost s : asIsSubtrees) {
            if (largest.size() == top || s.nodes() == 0) {
                break;
            }
            largest.add(row(s, pt, prunedByNode));
        }
        List<SubtreeRow> topLevel = new ArrayList<>();
        for (Node child : in.tree().root().children()) {
            SubtreeCost s = asIsByNode.get(child);
            if (s != null) {
                topLevel.add(row(s, pt, prunedByNode));
            }
        }

        Map<String, Long> prunedByName = new HashMap<>();
        if (pruned != null) {
            for (PropertyNameCost c : CostBreakdowns.byProperty(pruned)) {
                prunedByName.put(key(c), c.bytes());
            }
        }
        List<PropertyRow> names = new ArrayList<>();
        for (PropertyNameCost c : CostBreakdowns.byProperty(asIs)) {
            if (names.size() == top) {
                break;
            }
            names.add(new PropertyRow(c.name(), c.synthesized(), c.count(), c.bytes(),
                    pruned == null ? null : prunedByName.getOrDefault(key(c), 0L)));
        }

        List<RemovalRow> removals = new ArrayList<>();
        if (pt != null) {
            for (Removal r : pt.removals()) {
                SubtreeCost s = asIsByNode.get(in.tree().nodeAt(r.nodePath()));
                long bytes = s == null ? 0 : r.isNode() ? s.bytes() : propertyBytes(s.root(), r.property());
                removals.add(new RemovalRow(r, bytes));
            }
        }
        return new ProfileReport(p, asIs, pruned, columns, missing, categories, largest, topLevel, names,
                removals);
    }

    private static Map<Node, SubtreeCost> byNode(List<SubtreeCost> subtrees) {
        Map<Node, SubtreeCost> out = new IdentityHashMap<>(subtrees.size() * 2);
        for (SubtreeCost s : subtrees) {
            out.put(s.root().node(), s);
        }
        return out;
    }

    /** A subtree's row, with the bytes of the node at the same path in the pruned tree (0 when it is gone). */
    private static SubtreeRow row(SubtreeCost s, PrunedTree pt, Map<Node, SubtreeCost> prunedByNode) {
        String path = s.root().path();
        Long prunedBytes = null;
        if (pt != null) {
            SubtreeCost p = prunedByNode.get(pt.tree().nodeAt(path));
            prunedBytes = p == null ? 0L : p.bytes();
        }
        return new SubtreeRow(path, s.nodes(), s.bytes(), prunedBytes);
    }

    private static String key(PropertyNameCost c) {
        return (c.synthesized() ? "+" : "-") + c.name();
    }

    private static long propertyBytes(NodeCost node, String name) {
        if (node == null) {
            return 0;
        }
        for (PropertyCost p : node.properties()) {
            if (!p.synthesized() && p.name().equals(name)) {
                return p.bytes();
            }
        }
        return 0;
    }
}
