package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One small source per language feature (src/test/resources/dts/lang), each with golden blobs made by dtc
 * (make-goldens.sh there). {@code NAME.dtb} is plain {@code dtc}; {@code NAME.at.dtb} adds {@code -@};
 * {@code NAME.H-legacy.dtb} / {@code NAME.H-both.dtb} add {@code -H}. When dtc is installed the same compile is also
 * checked against it live.
 */
class LanguageFeatureTest {

    static Path langDir() {
        try {
            return Path.of(LanguageFeatureTest.class.getResource("/dts/lang").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFeatureMatchesItsGolden() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(langDir())) {
            for (Path golden : files.filter(p -> p.toString().endsWith(".dtb")).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(golden.getFileName().toString(), () -> check(golden)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(27);
        return tests.stream();
    }

    @Test
    void everyFeatureSourceHasAGolden() throws IOException {
        try (Stream<Path> files = Files.list(langDir())) {
            for (Path src : files.filter(p -> p.toString().endsWith(".dts") && !p.toString().endsWith(".dtc16.dts"))
                    .toList()) {
                String base = src.getFileName().toString().replace(".dts", "");
                assertThat(langDir().resolve(base + ".dtb")).exists();
            }
        }
    }

    private static void check(Path golden) throws Exception {
        String name = golden.getFileName().toString();
        String[] parts = name.substring(0, name.length() - 4).split("\\.", 2);
        String base = parts[0];
        DtsOptions options = DtsOptions.defaults();
        List<String> dtcArgs = new ArrayList<>();
        if (parts.length > 1) {
            switch (parts[1]) {
                case "at" -> {
                    options = options.withSymbols(true);
                    dtcArgs.add("-@");
                }
                case "H-legacy" -> {
                    options = options.withPhandleFormat(DtsOptions.PhandleFormat.LEGACY);
                    dtcArgs.addAll(List.of("-H", "legacy"));
                }
                case "H-both" -> {
                    options = options.withPhandleFormat(DtsOptions.PhandleFormat.BOTH);
                    dtcArgs.addAll(List.of("-H", "both"));
                }
                default -> throw new IllegalArgumentException("unknown golden variant " + name);
            }
        }
        Path src = langDir().resolve(base + ".dts");
        byte[] ours = FdtWriter.write(DtsReader.read(src, options), FdtOptions.DEFAULTS);
        assertThat(ours).as("%s against golden %s", src.getFileName(), name).isEqualTo(Files.readAllBytes(golden));

        byte[] live = liveDtc(dtcArgs, base);
        if (live != null) {
            assertThat(ours).as("%s against live dtc", name).isEqualTo(live);
        }
    }

    /** dtc's output for the same input, or null when dtc is not installed. */
    private static byte[] liveDtc(List<String> args, String base) throws Exception {
        Path in = langDir().resolve(base + ".dtc16.dts");
        if (!Files.exists(in)) {
            in = langDir().resolve(base + ".dts");
        }
        Path out = Files.createTempFile("dtshrink-live", ".dtb");
        try {
            List<String> cmd = new ArrayList<>(List.of("dtc", "-I", "dts", "-O", "dtb", "-q", "-o", out.toString()));
            cmd.addAll(args);
            cmd.add(in.getFileName().toString());
            Process p;
            try {
                p = new ProcessBuilder(cmd).directory(langDir().toFile()).redirectErrorStream(true).start();
            } catch (IOException e) {
                return null;
            }
            p.getInputStream().readAllBytes();
            Assumptions.assumeTrue(p.waitFor(60, TimeUnit.SECONDS), "dtc did not finish");
            assertThat(p.exitValue()).as("dtc exit status").isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
