package org.dtshrink.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.testutil.SchemaValidator;
import org.dtshrink.tree.DeviceTree;

/** The boards the report tests use, and the JSON Schema of docs/report-json.md. */
public final class ReportTrees {

    static final Path SAMPLE = Path.of("dts-samples/stm32f4-mini.dts");

    private ReportTrees() {
    }

    static Path disco() {
        Corpus.assumePresent();
        return Corpus.root().resolve("kernel/arch/arm/boot/dts/st/stm32f469-disco.dtb");
    }

    static DeviceTree readBlob(Path p) throws IOException {
        return FdtReader.read(Files.readAllBytes(p), p.toString());
    }

    static DeviceTree sample() {
        return DtsReader.read(SAMPLE, DtsOptions.defaults());
    }

    static long blobSize(DeviceTree t) {
        return FdtWriter.write(t, FdtOptions.DEFAULTS).length;
    }

    public static SchemaValidator schema() throws IOException {
        return SchemaValidator.fromDoc(Path.of("docs/report-json.md"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }
}
