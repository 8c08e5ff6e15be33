package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.json.Json;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.testutil.SchemaValidator;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/** The JSON Schema of docs/cost-json.md holds what the writer makes of every corpus board, and rejects a bad one. */
class CostSchemaTest {

    private static SchemaValidator schema() throws Exception {
        return SchemaValidator.fromDoc(Path.of("docs/cost-json.md"));
    }

    @Test
    void everyCorpusBoardUnderEveryProfileMatchesTheSchema() throws Exception {
        Corpus.assumePresent();
        SchemaValidator schema = schema();
        List<Path> blobs = Corpus.kernelBlobs();
        assertThat(blobs).hasSizeGreaterThanOrEqualTo(183);
        for (Path blob : blobs) {
            byte[] bytes = Files.readAllBytes(blob);
            DeviceTree tree = FdtReader.read(bytes, blob.toString());
            CostReport report = CostReport.measure(blob.toString(), tree, bytes.length, false, KernelProfiles.all());
            String json = CostJsonWriter.write(report, new ReportOptions(true, 5, true));
            assertThat(schema.validate(Json.read(blob.toString(), json))).as(blob.toString()).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsADocumentThatBreaksIt() throws Exception {
        SchemaValidator schema = schema();
        String json = CostJsonWriter.write(CostWritersTest.report(true, "linux-6.12-arm-tiny"),
                new ReportOptions(true, 2, true));
        assertThat(schema.validate(Json.read("cost.json", json))).isEmpty();

        Map<String, Object> noResults = doc(json);
        noResults.remove("results");
        assertThat(schema.validate(noResults)).isNotEmpty();

        Map<String, Object> badReason = doc(json);
        result(badReason).put("skipped_nodes", List.of(Map.of("path", "/x", "reason", "bored", "nodes", 1L)));
        assertThat(schema.validate(badReason)).isNotEmpty();

        Map<String, Object> perNodeAlone = doc(json);
        result(perNodeAlone).remove("tail_bytes");
        assertThat(schema.validate(perNodeAlone)).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> doc(String json) {
        return (Map<String, Object>) Json.read("cost.json", json);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> doc) {
        return (Map<String, Object>) ((List<Object>) doc.get("results")).get(0);
    }
}
