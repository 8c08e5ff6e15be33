package org.dtshrink.prune;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.usage.CoreUsage;
import org.dtshrink.usage.UsageSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A pruned blob is one dtc accepts with no error and no warning it did not already give for the original, and every
 * reference in it resolves. The core set alone with driverless node pruning is the harshest usage set there is.
 */
class PrunedBlobAcceptanceTest {

    @Test
    void sampleStaysValidForDtc() throws Exception {
        Assumptions.assumeTrue(Dtc.present(), "dtc not installed");
        for (boolean driverless : new boolean[] {false, true}) {
            byte[] blob = FdtWriter.write(PrunerTest.sampleTree(), FdtOptions.DEFAULTS);
            checkBlob("sample.dtb", blob, PrunerTest.kernelUsage(), driverless, true);
            checkBlob("sample.dtb", blob, CoreUsage.load(), driverless, true);
        }
    }

    @Test
    void stm32f469DiscoStaysValidForDtc() throws Exception {
        Assumptions.assumeTrue(Dtc.present(), "dtc not installed");
        Corpus.assumePresent();
        Path dtb = Corpus.root().resolve("kernel/arch/arm/boot/dts/st/stm32f469-disco.dtb");
        byte[] blob = Files.readAllBytes(dtb);
        List<String> before = Dtc.messages(blob);
        assertThat(before).hasSize(13).allMatch(l -> l.contains("Warning (interrupt_provider)"));
        checkBlob("stm32f469-disco.dtb", blob, CoreUsage.load(), false, true);
        PruneResult r = checkBlob("stm32f469-disco.dtb", blob, CoreUsage.load(), true, true);
        assertThat(r.nodesRemoved()).isEqualTo(103);
    }

    /** Every board of the corpus, pruned as hard as the core set allows: references whole, dtc content. */
    @Test
    void everyCorpusBoardStaysWhole() throws Exception {
        boolean dtc = Dtc.present();
        int boards = 0;
        for (Path dtb : Corpus.kernelBlobs()) {
            checkBlob(dtb.toString(), Files.readAllBytes(dtb), CoreUsage.load(), true, dtc);
            boards++;
        }
        assertThat(boards).isEqualTo(183);
    }

    private static PruneResult checkBlob(String name, byte[] blob, UsageSet usage, boolean driverless, boolean dtc)
            throws Exception {
        DeviceTree before = FdtReader.read(blob, name);
        DeviceTree after = FdtReader.read(blob, name);
        PruneResult r = Pruner.prune(after, usage, driverless);
        assertThat(Integrity.check(before, after)).as(name).isEmpty();
        assertThat(allPhandleCellsResolve(after)).as(name).isEmpty();
        if (dtc) {
            byte[] pruned = FdtWriter.write(after, FdtOptions.DEFAULTS);
            List<String> was = Dtc.messages(FdtWriter.write(before, FdtOptions.DEFAULTS));
            List<String> now = Dtc.messages(pruned);
            assertThat(now).as(name + " dtc").noneMatch(l -> l.contains("ERROR") || l.startsWith("exit status"))
                    .isSubsetOf(was);
        }
        return r;
    }

    /** Every cell a known layout says is a phandle names a node of the pruned tree. */
    private static List<String> allPhandleCellsResolve(DeviceTree tree) {
        References refs = new References(tree);
        List<String> bad = new ArrayList<>();
        tree.forEachNode(n -> n.properties().forEach(p -> {
            String name = p.name();
            if (PhandleSpecs.isPhandleList(name) && p.value().length() % 4 == 0) {
                for (int off = 0; off < p.value().length(); off += 4) {
                    long ph = p.value().cellAt(off);
                    if (ph != 0 && ph != 0xffffffffL && refs.nodeWithPhandle(ph) == null) {
                        bad.add(n.path() + ":" + name + " names phandle " + ph + ", which no node has");
                    }
                }
            } else if (PhandleSpecs.withArgs(name) != null && p.value().length() >= 4) {
                long ph = p.value().cellAt(0);
                if (ph != 0 && ph != 0xffffffffL && refs.nodeWithPhandle(ph) == null) {
                    bad.add(n.path() + ":" + name + " names phandle " + ph + ", which no node has");
                }
            }
        }));
        return bad;
    }
}
