package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The figures measured on real kernels, and the accounting's invariants over every blob of the corpus under every
 * profile.
 */
class CorpusCostTest {

    private static Path board(String dir, String name) {
        Corpus.assumePresent();
        return Corpus.root().resolve("kernel/arch/arm/boot/dts/" + dir + "/" + name + ".dtb");
    }

    private static CostResult cost(Path blob, String profile) {
        CostInput.Loaded in = CostInput.load(blob);
        return UnflattenCost.compute(in.tree(), KernelProfiles.find(profile));
    }

    @Test
    void stm32f469DiscoMatchesTheKernel() {
        Path blob = board("st", "stm32f469-disco");
        assertThat(CostInput.load(blob).dtbSize()).isEqualTo(19761);

        CostResult stm32 = cost(blob, "linux-6.12-arm-stm32");
        assertThat(stm32.nodesInDtb()).isEqualTo(171);
        assertThat(stm32.nodesAllocated()).isEqualTo(171);
        assertThat(stm32.allocation()).isEqualTo(72064);
        assertThat(stm32.pages()).isEqualTo(18);

        assertThat(cost(blob, "linux-6.12-arm64").allocation()).isEqualTo(139720);

        CostResult tiny = cost(blob, "linux-6.12-arm-tiny");
        assertThat(tiny.allocation()).isEqualTo(18924);
        assertThat(tiny.nodesAllocated()).isEqualTo(115);
        assertThat(tiny.nodesSkipped()).isEqualTo(56);
        assertThat(tiny.nodes()).filteredOn(n -> !n.isAllocated())
                .allMatch(n -> n.skipped() == SkipReason.STATUS).hasSize(56);

        assertThat(cost(blob, "linux-4.13-arm-stm32").allocation()).isEqualTo(68504);
    }

    @Test
    void mps2An385MatchesTheBootedKernel() {
        Path blob = board("arm", "mps2-an385");
        assertThat(CostInput.load(blob).dtbSize()).isEqualTo(3756);
        CostResult r = cost(blob, "linux-6.12-arm-mps2");
        // The booted kernel printed "size is 12040" and memblock allocated 12044 bytes.
        assertThat(r.size()).isEqualTo(12040);
        assertThat(r.allocation()).isEqualTo(12044);
        // /proc/device-tree showed 29 nodes and 158 property files (synthesized names included).
        assertThat(r.nodesAllocated()).isEqualTo(29);
        assertThat(r.propertiesAllocated() + r.synthesizedNames()).isEqualTo(158);
        assertThat(r.synthesizedNames()).isEqualTo(29);
    }

    @Test
    void aTreeIsMeasuredAsTheBlobDtshrinkWrites() throws Exception {
        Path blob = board("st", "stm32f469-disco");
        org.dtshrink.tree.DeviceTree tree = org.dtshrink.fdt.FdtReader.read(java.nio.file.Files.readAllBytes(blob),
                "x.dtb");
        CostInput.Loaded written = CostInput.fromTree(tree, "x.dts");
        assertThat(written.dtbSize()).isEqualTo(19761);
        assertThat(UnflattenCost.compute(written.tree(), KernelProfiles.find("linux-6.12-arm-stm32")).allocation())
                .isEqualTo(72064);
        // A node deleted in source is not in the blob, so it costs nothing.
        tree.root().children().get(0).setDeleted(true);
        CostInput.Loaded smaller = CostInput.fromTree(tree, "x.dts");
        assertThat(UnflattenCost.compute(smaller.tree(), KernelProfiles.find("linux-6.12-arm-stm32")).nodesInDtb())
                .isLessThan(171);
        assertThat(smaller.dtbSize()).isLessThan(19761);
    }

    @Test
    void everyBlobUnderEveryProfileAddsUp() {
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        List<KernelProfile> profiles = KernelProfiles.all();
        int checked = 0;
        for (Path blob : blobs) {
            CostInput.Loaded in = CostInput.load(blob);
            for (KernelProfile p : profiles) {
                CostResult r = UnflattenCost.compute(in.tree(), p);
                String where = blob.getFileName() + " " + p.name();
                long categories = 0;
                for (Category c : Category.values()) {
                    categories += r.bytes(c);
                }
                assertThat(categories).as(where).isEqualTo(r.allocation());
                long perNode = r.nodes().stream().mapToLong(NodeCost::bytes).sum();
                assertThat(perNode + r.tailPadding() + r.bytes(Category.END_MARKER)).as(where)
                        .isEqualTo(r.allocation());
                assertThat(r.nodesAllocated() + r.nodesSkipped()).as(where).isEqualTo(r.nodes().size());
                assertThat(r.bytes(Category.NODE_STRUCTS)).as(where)
                        .isEqualTo((long) p.nodeSize() * r.nodesAllocated());
                assertThat(r.bytes(Category.PROPERTY_STRUCTS)).as(where)
                        .isEqualTo((long) p.propertySize() * (r.propertiesAllocated() + r.synthesizedNames()));
                long byProperty = CostBreakdowns.byProperty(r).stream().mapToLong(PropertyNameCost::bytes).sum();
                long nodeOwn = r.nodes().stream().mapToLong(n -> n.bytes() - n.properties().stream()
                        .mapToLong(PropertyCost::bytes).sum()).sum();
                assertThat(byProperty + nodeOwn).as(where).isEqualTo(perNode);
                if (!p.skipDisabled()) {
                    assertThat(r.nodesSkipped()).as(where).isZero();
                }
                checked++;
            }
        }
        assertThat(checked).isEqualTo(blobs.size() * profiles.size());
    }
}
