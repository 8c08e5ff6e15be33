package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.tree.DeviceTree;
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

    private static DeviceTree read(Path blob) {
        try {
            return FdtReader.read(Files.readAllBytes(blob), blob.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path blob) throws IOException {
        return Files.size(blob);
    }

    private static CostResult cost(Path blob, String profile) {
        return UnflattenCost.compute(read(blob), KernelProfiles.find(profile));
    }

    @Test
    void stm32f469DiscoMatchesTheKernel() throws IOException {
        Path blob = board("st", "stm32f469-disco");
        assertThat(size(blob)).isEqualTo(19761);

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
    void mps2An385MatchesTheBootedKernel() throws IOException {
        Path blob = board("arm", "mps2-an385");
        assertThat(size(blob)).isEqualTo(3756);
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
    void aDeletedNodeCostsNothing() throws Exception {
        Path blob = board("st", "stm32f469-disco");
        DeviceTree tree = read(blob);
        assertThat(FdtWriter.write(tree, FdtOptions.DEFAULTS)).hasSize(19761);
        tree.root().removeChild(tree.root().children().get(0));
        assertThat(UnflattenCost.compute(tree, KernelProfiles.find("linux-6.12-arm-stm32")).nodesInDtb())
                .isLessThan(171);
    }

    @Test
    void everyBlobUnderEveryProfileAddsUp() {
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        List<KernelProfile> profiles = KernelProfiles.all();
        int checked = 0;
        for (Path blob : blobs) {
            DeviceTree tree = read(blob);
            for (KernelProfile p : profiles) {
                CostResult r = UnflattenCost.compute(tree, p);
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
