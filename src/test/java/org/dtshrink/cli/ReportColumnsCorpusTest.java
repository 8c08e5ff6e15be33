package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.BootCost;
import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.emit.BootDtb;
import org.dtshrink.emit.StaticTable;
import org.dtshrink.emit.UnflattenedTree;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.json.Json;
import org.dtshrink.prune.Pruner;
import org.dtshrink.report.ReportTrees;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.testutil.SchemaValidator;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.usage.CoreUsage;
import org.dtshrink.usage.UsageFile;
import org.dtshrink.usage.UsageSet;
import org.junit.jupiter.api.Test;

/**
 * Every corpus board under every profile, pruned against the sample usage list: the report's pruned column is the
 * cost model on the pruned tree, its flash-table column the emitter's sizes of that tree's table (which the emit
 * tests hold to gcc's sizes) with what boot spends on it, and the JSON is valid against its schema.
 */
class ReportColumnsCorpusTest {

    private static final String USAGE = "dts-samples/linux-6.12-stm32_defconfig.usage";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    @Test
    void prunedAndFlashColumnsOfEveryBoard() throws Exception {
        Corpus.assumePresent();
        UsageSet usage = CoreUsage.load();
        usage.addAll(UsageFile.read(Path.of(USAGE)));
        SchemaValidator schema = ReportTrees.schema();
        List<KernelProfile> profiles = KernelProfiles.all();
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        int tables = 0;
        int refused = 0;
        for (Path blob : blobs) {
            CliRun r = run("report", blob.toString(), "--usage", USAGE, "--all-profiles", "--format", "json");
            assertThat(r.code()).as(blob + ": " + r.err()).isZero();
            Object parsed = Json.read(blob.toString(), r.out());
            assertThat(schema.validate(parsed)).as(blob.toString()).isEmpty();
            Map<String, Object> json = obj(parsed);

            DeviceTree pruned = FdtReader.read(Files.readAllBytes(blob), blob.toString());
            Pruner.pruneVerified(pruned, usage, false);
            long prunedBlob = FdtWriter.write(pruned, FdtOptions.DEFAULTS).length;
            long bootBlob = FdtWriter.write(BootDtb.of(pruned), FdtOptions.DEFAULTS).length;
            assertThat(json.get("pruned_dtb_size")).as(blob.toString()).isEqualTo(prunedBlob);

            List<Object> ps = list(json.get("profiles"));
            assertThat(ps).hasSameSizeAs(profiles);
            for (int i = 0; i < profiles.size(); i++) {
                KernelProfile p = profiles.get(i);
                String what = blob + " " + p.name();
                Map<String, Object> columns = obj(obj(ps.get(i)).get("columns"));
                Map<String, Object> prunedColumn = obj(columns.get("pruned"));
                assertThat(prunedColumn.get("available")).as(what).isEqualTo(true);
                CostResult prunedCost = UnflattenCost.compute(pruned, p);
                long alloc = prunedCost.allocation();
                BootRam prunedBoot = BootCost.compute(prunedCost);
                long boot = prunedBoot == null ? 0 : prunedBoot.total() - alloc;
                assertThat(prunedColumn.get("unflatten")).as(what).isEqualTo(alloc);
                assertThat(prunedColumn.get("ram")).as(what).isEqualTo(alloc + prunedBlob + boot);

                Map<String, Object> flash = obj(columns.get("flash_table"));
                StaticTable table;
                try {
                    table = new StaticTable(UnflattenedTree.of(pruned, p, blob.toString()));
                } catch (DtException e) {
                    assertThat(flash.get("available")).as(what).isEqualTo(false);
                    refused++;
                    continue;
                }
                tables++;
                assertThat(flash.get("available")).as(what).isEqualTo(true);
                assertThat(flash.get("table_ram")).as(what).isEqualTo(table.ramBytes());
                assertThat(flash.get("flash")).as(what).isEqualTo(table.flashBytes());
                assertThat(flash.get("dtb_in_ram")).as(what).isEqualTo(bootBlob);
                // the table's tree boots with the same sysfs and links, and its devices' names in .rodata
                BootRam tableBoot = BootCost.compute(prunedCost, true);
                assertThat(flash.get("ram")).as(what)
                        .isEqualTo(table.ramBytes() + bootBlob + (tableBoot == null ? 0 : tableBoot.total()));
            }
        }
        assertThat(tables + refused).isEqualTo(blobs.size() * profiles.size());
        // the refusals are the few trees whose unflattening the kernel leaves undefined (docs/emit.md)
        assertThat(refused).isLessThan(blobs.size() * profiles.size() / 50);
    }
}
