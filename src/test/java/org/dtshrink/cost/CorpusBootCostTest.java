package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/**
 * The boot accounting's invariants over every blob of the corpus under every profile with boot figures: the
 * categories add up to the totals, the caches to their categories, the nodes to everything but the allocation's
 * tail, and the flash table never costs more than unflattening in any slab category.
 */
class CorpusBootCostTest {

    @Test
    void categoriesAddUpOnEveryBoardUnderEveryProfile() throws IOException {
        Corpus.assumePresent();
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        int checked = 0;
        for (Path blob : blobs) {
            DeviceTree tree = FdtReader.read(Files.readAllBytes(blob), blob.toString());
            for (KernelProfile p : KernelProfiles.all()) {
                CostResult cost = UnflattenCost.compute(tree, p);
                BootRam b = BootCost.compute(cost);
                if (!p.hasBoot()) {
                    assertThat(b).isNull();
                    continue;
                }
                String what = blob.getFileName() + " under " + p.name();
                check(what, cost, b);
                BootRam table = BootCost.compute(cost, true);
                assertThat(table.bytes(RamCategory.UNFLATTEN)).as(what).isZero();
                assertThat(table.memblockAllocations()).as(what)
                        .isEqualTo(b.memblockAllocations().subList(1, b.memblockAllocations().size()));
                for (RamCategory c : RamCategory.values()) {
                    if (!c.isMemblock()) {
                        assertThat(table.bytes(c)).as(what + ", " + c.key()).isLessThanOrEqualTo(b.bytes(c));
                    }
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(183 * 4);
    }

    private static void check(String what, CostResult cost, BootRam b) {
        long total = 0;
        for (RamCategory c : RamCategory.values()) {
            total += b.bytes(c);
            if (!c.isMemblock()) {
                long caches = 0;
                for (BootRam.CacheCount cc : b.caches(c)) {
                    caches += cc.bytes();
                }
                assertThat(caches).as(what + ", " + c.key()).isEqualTo(b.bytes(c));
            } else {
                assertThat(b.caches(c)).isEmpty();
            }
        }
        assertThat(total).as(what).isEqualTo(b.total());
        assertThat(b.memblock() + b.slab()).as(what).isEqualTo(b.total());
        assertThat(b.bytes(RamCategory.UNFLATTEN)).as(what).isEqualTo(cost.allocation());
        long memblock = 0;
        for (long m : b.memblockAllocations()) {
            memblock += m;
        }
        assertThat(memblock).as(what).isEqualTo(b.memblock());
        assertThat(b.memblockAllocations().get(0)).isEqualTo(cost.allocation());
        assertThat(b.memblockAllocations()).hasSize(1 + b.counts().aliases());

        // every byte but the allocation's tail (its rounding and end marker) belongs to a node
        long nodes = 0;
        for (NodeCost n : cost.nodes()) {
            nodes += b.nodeBytes(n.node());
        }
        assertThat(nodes + cost.tailPadding() + cost.bytes(Category.END_MARKER)).as(what).isEqualTo(b.total());

        // what property names are charged is part of what their nodes are
        long props = 0;
        for (Map.Entry<BootRam.PropertyKey, long[]> e : b.propertyBytes().entrySet()) {
            for (long x : e.getValue()) {
                props += x;
            }
        }
        assertThat(props).as(what).isLessThanOrEqualTo(nodes);

        long kernfs = 0;
        for (BootRam.CacheCount cc : b.caches()) {
            if (cc.cache().equals("kernfs_node_cache")) {
                kernfs = cc.objects();
            }
        }
        assertThat(kernfs).as(what).isEqualTo(b.counts().kernfsNodes());
        if (!cost.profile().boot().sysfs()) {
            assertThat(kernfs).as(what).isZero();
        }
    }
}
