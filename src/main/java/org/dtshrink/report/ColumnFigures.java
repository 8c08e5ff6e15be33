package org.dtshrink.report;

/**
 * The figures of one column under one profile; null fields of {@link ProfileReport} mark a column that is not
 * available.
 *
 * @param unflatten bytes unflatten_device_tree() allocates (0 for the flash table, which needs none)
 * @param tableRam the static table's {@code .data} (0 for the unflattening columns)
 * @param dtbInRam the blob kept in RAM (the boot blob for the flash table); 0 with the blob in flash
 * @param flash the static table's {@code .rodata} (0 for the unflattening columns)
 */
public record ColumnFigures(long unflatten, long tableRam, long dtbInRam, long flash, int pageSize) {

    /** All the RAM this way of holding the tree takes. */
    public long ram() {
        return unflatten + tableRam + dtbInRam;
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
