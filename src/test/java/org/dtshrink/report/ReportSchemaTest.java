package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.json.Json;
import org.dtshrink.testutil.SchemaValidator;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/** The JSON Schema of docs/report-json.md holds the writer's output, and rejects what it does not describe. */
class ReportSchemaTest {

    @Test
    void theSchemaRejectsAReportThatBreaksIt() throws Exception {
        DeviceTree tree = ReportTrees.sample();
        SizeReport report = SizeReport.build(ReportInput.asIs("mini.dtb", tree, ReportTrees.blobSize(tree), false,
                "none", "none"), List.of(KernelProfiles.find("linux-6.12-arm-tiny")), 5);
        SchemaValidator schema = ReportTrees.schema();
        Object doc = Json.read("report.json", JsonReportWriter.write(report));
        assertThat(schema.validate(doc)).isEmpty();

        Map<String, Object> missing = ReportTrees.obj(Json.read("report.json", JsonReportWriter.write(report)));
        missing.remove("top");
        assertThat(schema.validate(missing)).isNotEmpty();

        Map<String, Object> wrongType = ReportTrees.obj(Json.read("report.json", JsonReportWriter.write(report)));
        wrongType.put("dtb_size", "many");
        assertThat(schema.validate(wrongType)).isNotEmpty();

        Map<String, Object> extra = ReportTrees.obj(Json.read("report.json", JsonReportWriter.write(report)));
        extra.put("surprise", 1L);
        assertThat(schema.validate(extra)).isNotEmpty();
    }
}
