package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.report.ReportTrees.list;
import static org.dtshrink.report.ReportTrees.obj;

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
import org.dtshrink.json.Json;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.testutil.SchemaValidator;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/**
 * Every corpus board under every profile: a JSON report valid against its schema, with the cost model's totals; its
 * RAM is memblock and slab, and the slab caches add up to the slab.
 */
class CorpusReportTest {

    @Test
    void everyBoardUnderEveryProfile() throws Exception {
        Corpus.assumePresent();
        SchemaValidator schema = ReportTrees.schema();
        List<KernelProfile> profiles = KernelProfiles.all();
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        for (Path blob : blobs) {
            DeviceTree tree = ReportTrees.readBlob(blob);
            long size = Files.size(blob);
            SizeReport report = SizeReport.build(ReportInput.asIs(blob.getFileName().toString(), tree, size, false,
                    "none", "none"), profiles, 10);
            Object json = Json.read(blob.toString(), JsonReportWriter.write(report));
            assertThat(schema.validate(json)).as(blob.toString()).isEmpty();
            List<Object> ps = list(obj(json).get("profiles"));
            for (int i = 0; i < profiles.size(); i++) {
                CostResult c = UnflattenCost.compute(tree, profiles.get(i));
                BootRam b = BootCost.compute(c);
                Map<String, Object> asIs = obj(obj(obj(ps.get(i)).get("columns")).get("as_is"));
                assertThat(asIs.get("unflatten")).as(blob + " " + profiles.get(i).name()).isEqualTo(c.allocation());
                assertThat(asIs.get("memblock")).isEqualTo(b == null ? c.allocation() + size : b.memblock() + size);
                assertThat(asIs.get("slab")).isEqualTo(b == null ? 0L : b.slab());
                assertThat(asIs.get("ram")).isEqualTo((Long) asIs.get("memblock") + (Long) asIs.get("slab"));
                long caches = 0;
                for (Object row : list(obj(ps.get(i)).get("slab_caches"))) {
                    caches += (Long) obj(row).get("as_is") * (Long) obj(row).get("object_size");
                }
                assertThat(caches).isEqualTo(asIs.get("slab"));
            }
            for (String line : TextReportWriter.write(report).split("\n")) {
                assertThat(line.length()).as(blob + ": " + line).isLessThanOrEqualTo(80);
            }
        }
    }
}
