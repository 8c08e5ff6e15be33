package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.testutil.KernelDtc;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every one of dtc's checks, each with a source that triggers it (src/test/resources/checks/CHECK.dts), and the
 * flag combinations of flags_*.dts: dtshrink's compile prints exactly what the kernel's dtc 1.7.0 printed (the golden
 * NAME.golden, made by scripts/check-goldens), in the same order, exits as it did, and writes the same blob or none.
 * Where the kernel's dtc is built, it is run too, so the goldens cannot go stale.
 */
class CheckGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "checks");
    /** The output name dtc was given; messages about no node name it. */
    private static final String OUT = "target/checks-out.dtb";

    /** One case of one source: its flags and what dtc did. */
    record Case(Path source, String id, List<String> flags, int exit, String dtbSha256, String stderr) {
        @Override
        public String toString() {
            return DIR.relativize(source) + " " + id + (flags.isEmpty() ? "" : " " + String.join(" ", flags));
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path src : files.filter(p -> p.toString().endsWith(".dts")).sorted().toList()) {
                Map<String, List<String>> flags = flags(src);
                String name = src.getFileName().toString();
                Path golden = src.resolveSibling(name.substring(0, name.length() - 4) + ".golden");
                String text = Files.readString(golden, StandardCharsets.ISO_8859_1);
                for (String section : text.split("(?m)^== ", -1)) {
                    if (section.isEmpty()) {
                        continue;
                    }
                    int nl = section.indexOf('\n');
                    String head = section.substring(0, nl);
                    String id = head.substring(0, head.indexOf(':'));
                    String[] words = head.substring(head.indexOf(':') + 1).trim().split(" ");
                    int exit = Integer.parseInt(words[1]);
                    String sha = words.length > 3 ? words[3].substring("sha256:".length()) : null;
                    out.add(new Case(src, id, flags.get(id), exit, sha, section.substring(nl + 1)));
                }
            }
        }
        return out;
    }

    /** The "// case ID: FLAGS" lines of a source; none is one case, "default", without flags. */
    static Map<String, List<String>> flags(Path src) throws IOException {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String line : Files.readAllLines(src, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith("// case ")) {
                String rest = line.substring("// case ".length());
                String f = rest.substring(rest.indexOf(':') + 1).trim();
                m.put(rest.substring(0, rest.indexOf(':')), f.isEmpty() ? List.of() : List.of(f.split("\\s+")));
            }
        }
        if (m.isEmpty()) {
            m.put("default", List.of());
        }
        return m;
    }

    private static List<String> args(Case c) {
        List<String> a = new ArrayList<>(List.of("-I", "dts", "-O", "dtb", "-o", OUT));
        a.addAll(c.flags());
        a.add(c.source().toString());
        return a;
    }

    @TestFactory
    Stream<DynamicTest> compilePrintsWhatTheKernelsDtcPrints() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Files.deleteIfExists(Path.of(OUT));
            List<String> a = new ArrayList<>(List.of("compile"));
            a.addAll(args(c));
            CliRun r = CliRun.run(a.toArray(new String[0]));
            assertThat(r.err()).isEqualTo(c.stderr());
            assertThat(r.code()).isEqualTo(c.exit());
            assertBlob(c);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theGoldensAreWhatTheKernelsDtcPrintsNow() throws IOException {
        KernelDtc.assumePresent();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Files.deleteIfExists(Path.of(OUT));
            List<String> cmd = new ArrayList<>(List.of(KernelDtc.path().toString()));
            cmd.addAll(args(c));
            Path err = Files.createTempFile("dtc", ".err");
            try {
                Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(Files.readString(err, StandardCharsets.ISO_8859_1)).isEqualTo(c.stderr());
                assertThat(p.exitValue()).isEqualTo(c.exit());
                assertBlob(c);
            } finally {
                Files.deleteIfExists(err);
            }
        }));
    }

    private static void assertBlob(Case c) throws IOException, NoSuchAlgorithmException {
        Path out = Path.of(OUT);
        if (c.dtbSha256() == null) {
            assertThat(out).doesNotExist();
        } else {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out));
            assertThat(HexFormat.of().formatHex(sha)).isEqualTo(c.dtbSha256());
        }
    }

    @Test
    void everyCheckHasASourceThatTriggersIt() throws IOException {
        for (String name : CheckLevels.names()) {
            Path golden = DIR.resolve(name + ".golden");
            assertThat(DIR.resolve(name + ".dts")).as(name).exists();
            assertThat(Files.readString(golden, StandardCharsets.ISO_8859_1)).as(name).contains("(" + name + "): ");
        }
    }
}
