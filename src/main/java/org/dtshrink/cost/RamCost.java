package org.dtshrink.cost;

/**
 * The RAM a tree holds once the kernel has booted: the unflattened allocation, the blob itself (which stays reserved
 * because property values point into it, unless the blob sits in flash) and, for profiles with boot figures, the
 * rest of what boot spends on the tree ({@code boot}, null otherwise).
 */
public record RamCost(CostResult result, long dtbSize, boolean dtbInFlash, BootRam boot) {

    public RamCost(CostResult result, long dtbSize, boolean dtbInFlash) {
        this(result, dtbSize, dtbInFlash, null);
    }

    public long dtbInRam() {
        return dtbInFlash ? 0 : dtbSize;
    }

    /** What memblock reserves for the tree: the allocation, the alias table and the blob kept in RAM. */
    public long memblock() {
        return (boot == null ? result.allocation() : boot.memblock()) + dtbInRam();
    }

    /** The slab objects boot makes for the tree (0 without boot figures). */
    public long slab() {
        return boot == null ? 0 : boot.slab();
    }

    /** All of it: memblock and slab. */
    public long total() {
        return memblock() + slab();
    }

    /** The total in whole pages of the profile's page size. */
    public long pages() {
        return CostResult.pagesOf(total(), result.profile().pageSize());
    }
}
