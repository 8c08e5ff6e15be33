package org.dtshrink.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.Category;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;

/**
 * The report under one kernel profile: the columns (a missing one has a reason instead of figures), what the
 * unflattened RAM is made of, the largest subtrees, the costliest property names and what pruning removed. Rows
 * carry the pruned figure as null when there is no pruned tree. {@code tableInRam} says what of the static table
 * stays in RAM and why (null without a flash-table column).
 */
public record ProfileReport(
        KernelProfile profile,
        CostResult asIsCost,
        CostResult prunedCost,
        Map<Column, ColumnFigures> columns,
        Map<Column, String> missing,
        List<CategoryRow> categories,
        List<SubtreeRow> largestSubtrees,
        List<SubtreeRow> topLevel,
        List<PropertyRow> propertyNames,
        List<RemovalRow> removals,
        List<CacheRow> caches,
        String tableInRam) {

    public ProfileReport {
        columns = new EnumMap<>(columns);
        missing = new EnumMap<>(missing);
    }

    /** The figures of a column, or null when it is not available. */
    public ColumnFigures column(Column c) {
        return columns.get(c);
    }

    /** Why a column is not available, or null when it is. */
    public String missing(Column c) {
        return missing.get(c);
    }

    public ColumnFigures asIs() {
        return columns.get(Column.AS_IS);
    }

    /** Bytes of one category of the unflattened allocation. */
    public record CategoryRow(Category category, long asIs, Long pruned) {
    }

    /** A node and everything below it: allocated nodes and bytes, as is and pruned (0 when pruning removed it). */
    public record SubtreeRow(String path, int nodes, long asIs, Long pruned) {
    }

    /** All allocations of one property name ({@code synthesized}: the names the kernel makes up). */
    public record PropertyRow(String name, boolean synthesized, int count, long asIs, Long pruned) {
    }

    /** A removal with the bytes it cost in the tree as it was (all its RAM, with boot figures). */
    public record RemovalRow(Removal removal, long bytes) {
    }

    /** The objects of one slab cache in each column (null where the column is not available). */
    public record CacheRow(String cache, int objectSize, long asIs, Long pruned, Long flashTable) {
    }

    /** Whether the profile models the rest of boot, so the rows count all RAM and not only the allocation. */
    public boolean hasBoot() {
        return profile.hasBoot();
    }
}
