package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A compile command line reused by later runs in the same JVM (as the server reuses them) gives each run what a new
 * command line gives it: nothing one run's options collected reaches the next.
 */
class ReusedCommandLinesTest {

    @TempDir
    Path tmp;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private record Outcome(int code, String out, String err, byte[] blob) {
    }

    /** A run through Main.run, which takes a kept command line when there is one, with what it printed and wrote. */
    private Outcome reused(Path blob, String... args) throws Exception {
        out.reset();
        err.reset();
        Files.deleteIfExists(blob);
        int code = Main.run(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.exists(blob) ? Files.readAllBytes(blob) : null);
    }

    /** The same run on a command line of its own. */
    private static Outcome fresh(Path blob, String... args) throws Exception {
        Files.deleteIfExists(blob);
        CliRun r = CliRun.run(args);
        return new Outcome(r.code(), r.out(), r.err(), Files.exists(blob) ? Files.readAllBytes(blob) : null);
    }

    @Test
    void aKeptCommandLineIsTakenAgainWhileTheStreamsAreTheSame() {
        String[] args = {"compile", "-q", "x.dts"};
        CommandLine first = ReusedCommandLines.take(args);
        first.parseArgs(args);
        ReusedCommandLines.give(args, first);
        assertThat(ReusedCommandLines.take(args)).isSameAs(first);
        ReusedCommandLines.give(args, first);
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(ReusedCommandLines.take(args)).isNotSameAs(first);
    }

    @Test
    void eachRunOfAReusedCommandLineGivesWhatANewOneGives() throws Exception {
        Path dts = tmp.resolve("warns.dts");
        // a unit address without reg warns (unit_address_vs_reg); /include/ needs -i to find its file
        Files.writeString(dts, "/dts-v1/;\n/ {\n\tfoo@1 {\n\t\t/include/ \"part.dtsi\"\n\t};\n};\n");
        Path dir = Files.createDirectory(tmp.resolve("inc"));
        Files.writeString(dir.resolve("part.dtsi"), "x = <1>;\n");
        Path blob = tmp.resolve("out.dtb");
        Path cppDir = Files.createDirectory(tmp.resolve("cpp"));
        String i = dir.toString();
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"compile", "-i", i, "-W", "no-unit_address_vs_reg", "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-i", i, "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-E", "-I", cppDir.toString(), "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-i", i, "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-I", "dtb", "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-i", i, "-E", "unit_address_vs_reg", "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-o", blob.toString(), dts.toString()});
        runs.add(new String[] {"compile", "-i", i, "-qq", "-E", "unit_address_vs_reg", "-o", blob.toString(),
            dts.toString()});
        runs.add(new String[] {"compile", "-i", i, "-o", blob.toString(), dts.toString()});
        for (String[] args : runs) {
            Outcome expected = fresh(blob, args);
            Outcome got = reused(blob, args);
            assertThat(got.code()).as(String.join(" ", args)).isEqualTo(expected.code());
            assertThat(got.out()).as(String.join(" ", args)).isEqualTo(expected.out());
            assertThat(got.err()).as(String.join(" ", args)).isEqualTo(expected.err());
            assertThat(got.blob()).as(String.join(" ", args)).isEqualTo(expected.blob());
        }
        // the runs differ, so a leak from one run into the next would have shown
        assertThat(fresh(blob, runs.get(0)).err()).isEmpty();
        assertThat(fresh(blob, runs.get(1)).err()).contains("unit_address_vs_reg");
        assertThat(fresh(blob, runs.get(5)).code()).isNotZero();
    }
}
