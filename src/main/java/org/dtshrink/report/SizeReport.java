package org.dtshrink.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtshrink.cost.BootCost;
import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.Category;
import org.dtshrink.cost.CostBreakdowns;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.cost.PropertyCost;
import org.dtshrink.cost.PropertyNameCost;
import org.dtshrink.cost.SubtreeCost;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.report.ProfileReport.CacheRow;
import org.dtshrink.report.ProfileReport.CategoryRow;
import org.dtshrink.report.ProfileReport.PropertyRow;
import org.dtshrink.report.ProfileReport.RemovalRow;
import org.dtshrink.report.ProfileReport.SubtreeRow;
import org.dtshrink.tree.Node;

/**
 * The before/after report of one input: per profile, the tree as is, pruned, and as a flash table. The unflatten
 * figures come from {@link UnflattenCost} and what the rest of boot spends from {@link BootCost}; the flash table's
 * .data and .rodata come from the emitter as given, and its boot figures from {@link BootCost} for the tree the
 * table was made of, as the patched kernel boots it.
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
        BootRam asIsBoot = BootCost.compute(asIs);
        PrunedTree pt = in.pruned();
        CostResult pruned = pt == null ? null : UnflattenCost.compute(pt.tree(), p);
        BootRam prunedBoot = pruned == null ? null : BootCost.compute(pruned);
        Map<Column, ColumnFigures> columns = new EnumMap<>(Column.class);
        Map<Column, String> missing = new EnumMap<>(Column.class);
        columns.put(Column.AS_IS, new ColumnFigures(asIs.allocation(), 0, in.dtbInFlash() ? 0 : in.dtbSize(), 0,
                p.pageSize(), asIsBoot));
        if (pruned != null) {
            columns.put(Column.PRUNED, new ColumnFigures(pruned.allocation(), 0,
                    in.dtbInFlash() ? 0 : pt.dtbSize(), 0, p.pageSize(), prunedBoot));
        } else {
            missing.put(Column.PRUNED, in.missingPruned());
        }
        FlashTable ft = in.flashTables().get(p.name());
        BootRam flashBoot = null;
        if (ft != null) {
            // the table is made of the pruned tree when there is one
            flashBoot = BootCost.compute(pruned != null ? pruned : asIs, true);
            columns.put(Column.FLASH_TABLE, new ColumnFigures(0, ft.ramBytes(),
                    in.dtbInFlash() ? 0 : ft.bootDtbSize(), ft.flashBytes(), p.pageSize(), flashBoot));
        } else {
            missing.put(Column.FLASH_TABLE, in.missingFlash());
        }

        List<CategoryRow> categories = new ArrayList<>();
        for (Category c : Category.values()) {
            categories.add(new CategoryRow(c, asIs.bytes(c), pruned == null ? null : pruned.bytes(c)));
        }

        // Paths are built only for the rows shown: all of them at once grow with the square of a deep tree.
        List<SubtreeCost> asIsSubtrees = CostBreakdowns.subtrees(asIs, asIsBoot);
        Map<Node, SubtreeCost> asIsByNode = byNode(asIsSubtrees);
        Map<Node, SubtreeCost> prunedByNode = pruned == null ? Map.of()
                : byNode(CostBreakdowns.subtrees(pruned, prunedBoot));
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
            for (PropertyNameCost c : CostBreakdowns.byProperty(pruned, prunedBoot)) {
                prunedByName.put(key(c), c.bytes());
            }
        }
        List<PropertyRow> names = new ArrayList<>();
        for (PropertyNameCost c : CostBreakdowns.byProperty(asIs, asIsBoot)) {
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
                long bytes = s == null ? 0 : r.isNode() ? s.bytes()
                        : propertyBytes(s.root(), r.property(), asIsBoot);
                removals.add(new RemovalRow(r, bytes));
            }
        }
        return new ProfileReport(p, asIs, pruned, columns, missing, categories, largest, topLevel, names,
                removals, caches(asIsBoot, prunedBoot, flashBoot, pruned != null, ft != null),
                ft == null ? null : ft.inRam());
    }

    /** The slab caches any column uses, in name order, with each column's objects. */
    private static List<CacheRow> caches(BootRam asIs, BootRam pruned, BootRam flash, boolean hasPruned,
            boolean hasFlash) {
        if (asIs == null) {
            return List.of();
        }
        Map<String, Integer> sizes = new TreeMap<>();
        Map<String, Long> a = objects(asIs, sizes);
        Map<String, Long> p = hasPruned ? objects(pruned, sizes) : Map.of();
        Map<String, Long> f = hasFlash ? objects(flash, sizes) : Map.of();
        List<CacheRow> rows = new ArrayList<>();
        sizes.forEach((cache, size) -> rows.add(new CacheRow(cache, size, a.getOrDefault(cache, 0L),
                hasPruned ? p.getOrDefault(cache, 0L) : null, hasFlash ? f.getOrDefault(cache, 0L) : null)));
        return rows;
    }

    private static Map<String, Long> objects(BootRam b, Map<String, Integer> sizes) {
        Map<String, Long> out = new HashMap<>();
        for (BootRam.CacheCount c : b.caches()) {
            out.put(c.cache(), c.objects());
            sizes.putIfAbsent(c.cache(), c.objectSize());
        }
        return out;
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

    /**
     * What one property of a node cost: its struct, and with boot figures its sysfs file and the links it made in
     * that node (a property pruning removes takes them all with it).
     */
    private static long propertyBytes(NodeCost node, String name, BootRam boot) {
        if (node == null) {
            return 0;
        }
        for (PropertyCost p : node.properties()) {
            if (!p.synthesized() && p.name().equals(name)) {
                return p.bytes() + (boot == null ? 0 : boot.nodePropertyBytes(node.node(), name));
            }
        }
        return 0;
    }
}
