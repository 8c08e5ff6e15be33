package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.dtshrink.fdt.FdtReader;
import org.junit.jupiter.api.Test;

/**
 * What boot spends on the static table of dtshrink's kernel patch, worked out from the patched drivers/of/kobj.c and
 * base.c against the unflattened tree, on the trees scripts/e2e-qemu-ram boots: published, no name is copied (the
 * nodes' and properties' names are in .rodata); kept out of sysfs, /sys/firmware/devicetree and the devices'
 * {@code of_node} links are gone.
 */
class StaticTableBootCostTest {

    private static final KernelProfile MPS2 = KernelProfiles.find("linux-6.12-arm-mps2");
    private static final KernelProfile TINY = KernelProfiles.find("linux-6.12-arm-tiny");

    private static CostResult cost(String tree, KernelProfile p) throws IOException {
        try (InputStream in = StaticTableBootCostTest.class.getResourceAsStream("booted/" + tree + ".dtb")) {
            return UnflattenCost.compute(FdtReader.read(in.readAllBytes(), tree + ".dtb"), p);
        }
    }

    private static long objects(BootRam b, RamCategory c, String cache) {
        for (BootRam.CacheCount cc : b.caches(c)) {
            if (cc.cache().equals(cache)) {
                return cc.objects();
            }
        }
        return 0;
    }

    @Test
    void publishedTheStaticTreeCopiesNoName() throws IOException {
        CostResult c = cost("a", MPS2);
        BootRam unflattened = BootCost.compute(c);
        BootRam table = BootCost.compute(c, true, true);
        int nodes = c.nodesAllocated();
        int props = c.propertiesAllocated() + c.synthesizedNames();
        // a's names are all shorter than 32 bytes: two kmalloc-32 copies per node and per property go
        assertThat(objects(unflattened, RamCategory.SYSFS, "kmalloc-32") - objects(table, RamCategory.SYSFS,
                "kmalloc-32")).isEqualTo(2L * (nodes + props));
        assertThat(objects(table, RamCategory.SYSFS, "kernfs_node_cache"))
                .isEqualTo(objects(unflattened, RamCategory.SYSFS, "kernfs_node_cache"));
        assertThat(table.bytes(RamCategory.SYSFS)).isEqualTo(unflattened.bytes(RamCategory.SYSFS) - 2L * 32
                * (nodes + props));
        assertThat(table.bytes(RamCategory.UNFLATTEN)).isZero();
        assertThat(table.memblockAllocations()).containsExactly(27L);
    }

    @Test
    void aRenamedNodeIsStillCopied() throws IOException {
        // c has renamed@50303000 with a property "child" and a child node "child": sysfs names the node child#1,
        // safe_name()'s kasprintf(), which the kobject and kernfs copy
        CostResult c = cost("c", MPS2);
        long unflattened = kmallocs(BootCost.compute(c));
        long table = kmallocs(BootCost.compute(c, true, true));
        // the kset and the /proc/device-tree link's target stay, and the two copies of "child#1"
        assertThat(table).isEqualTo(2 + 2);
        // every node (the root's "base" too) and every property had two copies
        assertThat(unflattened).isEqualTo(2 + 2L * c.nodesAllocated()
                + 2L * (c.propertiesAllocated() + c.synthesizedNames()));
    }

    private static long kmallocs(BootRam b) {
        long n = 0;
        for (BootRam.CacheCount cc : b.caches(RamCategory.SYSFS)) {
            n += cc.cache().startsWith("kmalloc-") ? cc.objects() : 0;
        }
        return n;
    }

    @Test
    void keptOutOfSysfsTheTreeCostsNothingThereAndDevicesHaveNoOfNodeLink() throws IOException {
        CostResult c = cost("c", MPS2);
        BootRam published = BootCost.compute(c, true, true);
        BootRam hidden = BootCost.compute(c, true, false);
        assertThat(hidden.bytes(RamCategory.SYSFS)).isZero();
        int devices = published.counts().platformDevices() + published.counts().ambaDevices();
        assertThat(devices).isPositive();
        assertThat(objects(published, RamCategory.DEVICES, "kernfs_node_cache")
                - objects(hidden, RamCategory.DEVICES, "kernfs_node_cache")).isEqualTo(devices);
        // the device links are the same; only where their kernfs ids fall, so kernfs's id tree, moves
        assertThat(withoutIdTree(hidden.caches(RamCategory.FW_DEVLINK)))
                .isEqualTo(withoutIdTree(published.caches(RamCategory.FW_DEVLINK))).isNotEmpty();
    }

    private static java.util.List<BootRam.CacheCount> withoutIdTree(java.util.List<BootRam.CacheCount> caches) {
        return caches.stream().filter(cc -> !cc.cache().equals("radix_tree_node")).toList();
    }

    @Test
    void withoutSysfsTheStaticTreeHasNoKset() throws IOException {
        // unflattened, of_core_init() makes the kset and the /proc/device-tree link even without sysfs; the patch
        // makes neither when the tree is not published, which CONFIG_SYSFS=n implies
        CostResult c = cost("a", TINY);
        assertThat(BootCost.compute(c).bytes(RamCategory.SYSFS)).isEqualTo(64 + 128 + 32);
        assertThat(BootCost.compute(c, true, true).bytes(RamCategory.SYSFS)).isZero();
        assertThat(BootCost.compute(c, true, false).bytes(RamCategory.SYSFS)).isZero();
    }
}
