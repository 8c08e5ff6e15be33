package org.dtshrink.cost;

import java.util.List;

/**
 * The figures of one kernel build that decide what the rest of boot spends on a device tree after unflattening it:
 * the slab it uses (kmalloc size classes, the object size of each cache) and the sizes of the structures the driver
 * core allocates, with the options that change the accounting. {@code note} says how each figure was obtained.
 *
 * @param sysfs CONFIG_SYSFS: /sys/firmware/devicetree and the devices' sysfs entries exist
 * @param fwDevlink the kernel's {@code fw_devlink} mode: {@code rpm} (the default), {@code on}, {@code permissive} or
 *     {@code off}
 * @param pm CONFIG_PM: every device has a {@code power} directory with the runtime PM attributes
 * @param amba CONFIG_ARM_AMBA: {@code arm,primecell} nodes become AMBA devices
 * @param kmallocClasses the kmalloc caches' object sizes, smallest first (the first is the kmalloc minimum)
 * @param slabMerge whether the kernel merges caches of the same size (informative: counts are given per cache as
 *     a kernel booted with {@code slab_nomerge} shows them)
 * @param kernfsNodeSlot the object size of {@code kernfs_node_cache} in /proc/slabinfo
 * @param radixTreeNodeSlot the object size of {@code radix_tree_node} in /proc/slabinfo
 * @param procDirEntrySlot the object size of {@code proc_dir_entry} in /proc/slabinfo
 * @param xarrayChunk the slots of one xarray node ({@code XA_CHUNK_SIZE}: 16 with BASE_SMALL, else 64)
 * @param earlyClocks compatibles of the kernel's {@code CLK_OF_DECLARE} table: of_clk_init() sets these nodes up
 *     before devices are populated and marks them populated, so they get no device
 * @param earlyIrqchips compatibles of the {@code IRQCHIP_DECLARE} table: the same for interrupt controllers
 * @param earlyClockDevices compatibles of {@code CLK_OF_DECLARE_DRIVER}: set up early, and given a device too
 * @param kernfsIds the kernfs ids of a booted reference kernel, which make the {@code radix_tree_node} figure exact,
 *     or null when the kernel was not booted and the figure is an estimate
 * @param kernfsIdsNote how the reference ids were recorded, or how the estimate is made
 */
public record BootFigures(
        String note,
        boolean sysfs,
        String fwDevlink,
        boolean pm,
        boolean amba,
        List<Integer> kmallocClasses,
        boolean slabMerge,
        int kernfsNodeSlot,
        int radixTreeNodeSlot,
        int procDirEntrySlot,
        int xarrayChunk,
        int aliasPropSize,
        int aliasPropAlign,
        int platformDeviceSize,
        int ambaDeviceSize,
        int devicePrivateSize,
        int resourceSize,
        int fwnodeLinkSize,
        int deviceLinkSize,
        int classDirSize,
        int ksetSize,
        List<String> earlyClocks,
        List<String> earlyIrqchips,
        List<String> earlyClockDevices,
        KernfsIds kernfsIds,
        String kernfsIdsNote) {

    public BootFigures {
        kmallocClasses = List.copyOf(kmallocClasses);
        earlyClocks = List.copyOf(earlyClocks);
        earlyIrqchips = List.copyOf(earlyIrqchips);
        earlyClockDevices = List.copyOf(earlyClockDevices);
    }

    /** The smallest kmalloc allocation. */
    public int kmallocMinimum() {
        return kmallocClasses.get(0);
    }

    /** The largest size kmalloc serves from a slab; beyond it kmalloc takes whole pages. */
    public int kmallocLargest() {
        return kmallocClasses.get(kmallocClasses.size() - 1);
    }

    /** The object size of the kmalloc cache that serves {@code size} bytes, or 0 beyond the largest class. */
    public int kmallocClass(long size) {
        for (int c : kmallocClasses) {
            if (size <= c) {
                return c;
            }
        }
        return 0;
    }

    /** fw_devlink parses the tree for suppliers (any mode but off). */
    public boolean fwDevlinkParses() {
        return !fwDevlink.equals("off");
    }

    /** Every device gets a {@code waiting_for_supplier} attribute (fw_devlink on, and not permissive). */
    public boolean waitingForSupplier() {
        return fwDevlink.equals("on") || fwDevlink.equals("rpm");
    }
}
