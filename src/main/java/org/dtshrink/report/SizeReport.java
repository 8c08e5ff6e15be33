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

        List<SubtreeCost> asIsSubtrees = CostBreakdowns.subtrees(asIs);
        Map<String, Long> prunedSubtrees = new HashMap<>();
        if (pruned != null) {
            for (SubtreeCost s : CostBreakdowns.subtrees(pruned)) {
                prunedSubtrees.put(s.root().path(), s.bytes());
            }
        }
        List<SubtreeRow> largest = new ArrayList<>();
        Map<String, Long> asIsByPath = new HashMap<>();
        Map<NodeCost, SubtreeRow> rows = new IdentityHashMap<>();
        for (SubtreeCost s : asIsSubtrees) {
            String path = s.root().path();
            asIsByPath.put(path, s.bytes());
            SubtreeRow row = new SubtreeRow(path, s.nodes(), s.bytes(),
                    pruned == null ? null : prunedSubtrees.getOrDefault(path, 0L));
            rows.put(s.root(), row);
            if (largest.size() < top && s.nodes() > 0) {
                largest.add(row);
            }
        }
        List<SubtreeRow> topLevel = new ArrayList<>();
        for (NodeCost n : asIs.nodes()) {
            if (n.depth() == 1) {
                topLevel.add(rows.get(n));
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
            Map<String, NodeCost> nodes = new HashMap<>();
            for (NodeCost n : asIs.nodes()) {
                nodes.put(n.path(), n);
            }
            for (Removal r : pt.removals()) {
                removals.add(new RemovalRow(r, r.isNode() ? asIsByPath.getOrDefault(r.nodePath(), 0L)
                        : propertyBytes(nodes.get(r.nodePath()), r.property())));
            }
        }
        return new ProfileReport(p, asIs, pruned, columns, missing, categories, largest, topLevel, names,
                removals);
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
