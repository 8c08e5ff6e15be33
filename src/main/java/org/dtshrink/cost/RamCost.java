package org.dtshrink.cost;

/**
 * The RAM a tree holds while it lives: the unflattened allocation plus the blob itself, which stays reserved because
 * property values point into it, unless the blob sits in flash.
 */
public record RamCost(CostResult result, long dtbSize, boolean dtbInFlash) {

    public long dtbInRam() {
        return dtbInFlash ? 0 : dtbSize;
    }

    public long total() {
        return result.allocation() + dtbInRam();
    }

    /** The total in whole pages of the profile's page size. */
    public long pages() {
        return CostResult.pagesOf(total(), result.profile().pageSize());
    }
}
