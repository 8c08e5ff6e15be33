package org.dtshrink.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.scan.KernelScan;
import org.dtshrink.scan.KernelScanTest;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.usage.CoreUsage;
import org.dtshrink.usage.UsageSet;
import org.junit.jupiter.api.Test;

/** The pruning rules on the sample tree, with the usage set the small kernel tree gives. */
class PrunerTest {

    static Path sample() {
        try {
            return Path.of(PrunerTest.class.getResource("/prune/sample.dts").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DeviceTree sampleTree() {
        try {
            return DtsReader.read(Files.readString(sample()), "sample.dts",
                    new DtsOptions(List.of(), DtsOptions.PhandleFormat.EPAPR, false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as a blob read back: no source markers, phandles are plain cells. */
    static DeviceTree sampleBlobTree() {
        return FdtReader.read(FdtWriter.write(sampleTree(), FdtOptions.DEFAULTS), "sample.dtb");
    }

    static UsageSet kernelUsage() {
        UsageSet u = CoreUsage.load();
        u.addAll(KernelScan.scan(KernelScanTest.kernel(), KernelScanTest.config(), "toy").usage());
        return u;
    }

    static List<String> lines(PruneResult r) {
        List<String> out = new ArrayList<>();
        for (Removal m : r.removals()) {
            out.add(m.isNode() ? "node " + m.nodePath() + " [" + m.nodes() + "/" + m.properties() + "]: " + m.reason()
                    : m.nodePath() + " " + m.property() + ": " + m.reason());
        }
        return out;
    }

    private static final String DISABLED = ": disabled (status = \"disabled\") and nothing kept refers to it or below it";
    private static final String[] CELLS_NOTES = {
        "kept /clocks/osc:#clock-cells, which /soc/serial@3000:clocks needs to be parsed",
        "kept /soc/gpio@2000:#gpio-cells, which /soc/serial@3000:rts-gpios needs to be parsed",
        "kept /soc/dma-controller@7000:#dma-cells, which /soc/serial@8000:dmas needs to be parsed"};
    private static final String UNREFERENCED = ": no kept property refers to this node";

    @Test
    void removesUnreadPropertiesUnreferencedDisabledNodesAndPhandles() {
        for (DeviceTree tree : List.of(sampleTree(), sampleBlobTree())) {
            PruneResult r = Pruner.prune(tree, kernelUsage(), false);
            assertThat(lines(r)).containsExactly(
                    // the toy kernel has no clock core: #clock-cells stays only where a kept clocks needs it
                    "/clocks/spare #clock-cells: never read: no built file names \"#clock-cells\"",
                    "/clocks/spare phandle" + UNREFERENCED,
                    "/interrupt-controller@1000 toy,vendor-magic: never read: no built file names \"toy,vendor-magic\"",
                    "/soc/gpio@2000 gpio-controller: never read: no built file names \"gpio-controller\"",
                    "/soc/serial@3000 toy,unused-knob: never read: no built file names \"toy,unused-knob\"",
                    "node /soc/serial@4000 [1/4]" + DISABLED,
                    "node /soc/spi@6000 [2/7]" + DISABLED,
                    "/regulator-3v3 regulator-name: never read: no built file names \"regulator-name\"",
                    "/regulator-unused regulator-name: never read: no built file names \"regulator-name\"");
            assertThat(r.propertiesRemoved()).isEqualTo(7);
            assertThat(r.nodesRemoved()).isEqualTo(3);
            assertThat(r.notes()).containsExactly(CELLS_NOTES);
            // kept: the aliased disabled i2c (and the regulator its vdd-supply names), the disabled dma controller
            // a kept dmas names, the companion a read property of unknown layout names (guessed)
            assertThat(tree.nodeAt("/soc/i2c@5000")).isNotNull();
            assertThat(tree.nodeAt("/regulator-3v3").property("phandle")).isNotNull();
            assertThat(tree.nodeAt("/soc/dma-controller@7000").property("phandle")).isNotNull();
            assertThat(tree.nodeAt("/soc/companion@a000").property("phandle")).isNotNull();
            assertThat(tree.nodeAt("/soc/serial@3000").property("toy,companion")).isNotNull();
        }
    }

    @Test
    void driverlessRemovesEnabledNodesNoBuiltCodeMatches() {
        DeviceTree tree = sampleTree();
        PruneResult r = Pruner.prune(tree, kernelUsage(), true);
        List<String> nodes = new ArrayList<>();
        for (String l : lines(r)) {
            if (l.startsWith("node ")) {
                nodes.add(l);
            }
        }
        assertThat(nodes).containsExactly(
                "node /clocks/spare [1/4]: driverless: no built code matches compatible \"fixed-clock\" and nothing"
                        + " kept refers to it",
                "node /soc/serial@4000 [1/4]" + DISABLED,
                "node /soc/spi@6000 [2/7]" + DISABLED,
                "node /soc/mystery@b000 [1/2]: driverless: no built code matches compatible \"toy,mystery\" and"
                        + " nothing kept refers to it",
                "node /regulator-unused [1/2]: driverless: no built code matches compatible \"regulator-fixed\" and"
                        + " nothing kept refers to it");
        // referenced driverless nodes stay: osc (clocks), gpio (rts-gpios), regulator-3v3 (vdd-supply)
        assertThat(tree.nodeAt("/clocks/osc")).isNotNull();
        assertThat(tree.nodeAt("/soc/gpio@2000")).isNotNull();
        assertThat(tree.nodeAt("/regulator-3v3")).isNotNull();
    }

    @Test
    void keepsTheCellsCountAKeptReferenceNeeds() {
        DeviceTree tree = sampleTree();
        UsageSet u = kernelUsage();
        u.addDrop("#gpio-cells");
        PruneResult r = Pruner.prune(tree, u, false);
        assertThat(tree.nodeAt("/soc/gpio@2000").property("#gpio-cells")).isNotNull();
        assertThat(r.notes()).containsExactly(CELLS_NOTES);
    }

    @Test
    void keepAndDropPatterns() {
        DeviceTree tree = sampleTree();
        UsageSet u = kernelUsage();
        u.addKeep("toy,*-knob");
        u.addDrop("toy,*");
        Pruner.prune(tree, u, false);
        assertThat(tree.nodeAt("/soc/serial@3000").property("toy,unused-knob")).isNotNull();
        assertThat(tree.nodeAt("/soc/serial@3000").property("toy,hw-flow")).isNull();
        // a dropped reference no longer keeps its target: the companion goes
        assertThat(tree.nodeAt("/soc/companion@a000")).isNull();
    }

    @Test
    void nothingReferencedIsEverRemoved() {
        for (boolean driverless : new boolean[] {false, true}) {
            DeviceTree before = sampleBlobTree();
            DeviceTree after = sampleBlobTree();
            Pruner.prune(after, CoreUsage.load(), driverless);
            assertThat(Integrity.check(before, after)).isEmpty();
        }
    }

    @Test
    void integrityCheckSeesABrokenReference() {
        DeviceTree before = sampleBlobTree();
        DeviceTree after = sampleBlobTree();
        after.nodeAt("/clocks/osc").properties().removeIf(p -> p.name().equals("phandle"));
        assertThat(Integrity.check(before, after)).containsExactly(
                "/soc/serial@3000:clocks refers to /clocks/osc, which no longer resolves");
    }

    @Test
    void symbolsOfRemovedNodesGoWithANote() {
        DeviceTree tree;
        try {
            tree = DtsReader.read(Files.readString(sample()), "sample.dts",
                    new DtsOptions(List.of(), DtsOptions.PhandleFormat.EPAPR, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PruneResult r = Pruner.prune(tree, kernelUsage(), true);
        assertThat(r.notes()).containsExactly(CELLS_NOTES[0], CELLS_NOTES[1], CELLS_NOTES[2],
                "dropped __symbols__ entry spare: its node /clocks/spare was removed",
                "dropped __symbols__ entry unused_reg: its node /regulator-unused was removed");
        // a node an overlay may name keeps its phandle even when nothing in the base tree refers to it
        assertThat(tree.nodeAt("/soc/serial@3000").property("phandle")).isNotNull();
        assertThat(tree.nodeAt("/__symbols__").property("uart0")).isNotNull();
        assertThat(tree.nodeAt("/__symbols__").property("spare")).isNull();
    }

    @Test
    void overlaysAreRefused() {
        DeviceTree tree = sampleTree();
        tree.setPlugin(true);
        assertThatThrownBy(() -> Pruner.prune(tree, kernelUsage(), false)).isInstanceOf(DtException.class)
                .hasMessage("error: pruning an overlay is not supported (its references are resolved only when it is"
                        + " applied)");
    }
}
