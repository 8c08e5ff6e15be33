package org.dtshrink.report;

import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.RamCategory;

/**
 * The figures of one column under one profile; null fields of {@link ProfileReport} mark a column that is not
 * available.
 *
 * @param unflatten bytes unflatten_device_tree() allocates (0 for the flash table, which needs none)
 * @param tableRam the static table's {@code .data} (0 for the unflattening columns)
 * @param dtbInRam the blob kept in RAM (the boot blob for the flash table); 0 with the blob in flash
 * @param flash the static table's {@code .rodata} (0 for the unflattening columns)
 * @param boot what the rest of boot spends on the tree, or null when the profile has no boot figures
 */
public record ColumnFigures(long unflatten, long tableRam, long dtbInRam, long flash, int pageSize, BootRam boot) {

    /** A column of the unflatten figures only. */
    public ColumnFigures(long unflatten, long tableRam, long dtbInRam, long flash, int pageSize) {
        this(unflatten, tableRam, dtbInRam, flash, pageSize, null);
    }

    public boolean hasBoot() {
        return boot != null;
    }

    /** Bytes of one boot category (0 without boot figures). */
    public long bytes(RamCategory c) {
        if (c == RamCategory.UNFLATTEN) {
            return unflatten;
        }
        return boot == null ? 0 : boot.bytes(c);
    }

    /** What memblock reserves: the allocation, the alias table and the blob in RAM (the Memory: line's reserved). */
    public long memblock() {
        return unflatten + bytes(RamCategory.ALIASES) + dtbInRam;
    }

    /** The slab objects boot makes for the tree (the Slab: of /proc/meminfo). */
    public long slab() {
        return boot == null ? 0 : boot.slab();
    }

    /** All the RAM this way of holding the tree takes: memblock, slab and the static table's .data. */
    public long ram() {
        return memblock() + slab() + tableRam;
    }

    /** {@link #ram()} in whole pages. */
    public long pages() {
        return (ram() + pageSize - 1) / pageSize;
    }

    /** The RAM saved against {@code base}; negative for growth. */
    public long savedAgainst(ColumnFigures base) {
        return base.ram() - ram();
    }

    /** The saving as tenths of a percent of {@code base}'s RAM, rounded half up. */
    public long savedTenthsOfPercent(ColumnFigures base) {
        if (base.ram() == 0) {
            return 0;
        }
        return Math.round(savedAgainst(base) * 1000.0 / base.ram());
    }
}
