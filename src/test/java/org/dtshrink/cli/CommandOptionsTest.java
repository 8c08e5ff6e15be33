package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What every command offers and how it fails: its help lists only the options it acts on, a usage error is one line
 * and a hint (exit 2) before any input is read, and bad input is one line naming the file (exit 1).
 */
class CommandOptionsTest {

    private static final String SAMPLE = "dts-samples/stm32f4-mini.dts";
    private static final String USAGE = "dts-samples/linux-6.12-stm32_defconfig.usage";
    /** The options of every command that reads a tree: each shapes the tree read. */
    private static final List<String> READING = List.of("-I", "-i", "--kernel-src", "-D", "--cpp", "-H", "-@");
    private static final List<String> USAGE_SET = List.of("--kernel-config", "--arch", "--scan-src", "--usage",
            "--keep", "--drop");
    private static final List<String> PROFILES = List.of("--profile", "--profile-file", "--all-profiles");
    private static final List<String> HELP = List.of("-h", "--help", "-V", "--version");

    @TempDir
    Path dir;

    private static Set<String> options(String command) {
        CommandLine cl = Cli.commandLine().getSubcommands().get(command);
        Set<String> names = new TreeSet<>();
        for (CommandLine.Model.OptionSpec o : cl.getCommandSpec().options()) {
            names.addAll(List.of(o.names()));
        }
        return names;
    }

    @SafeVarargs
    private static Set<String> of(List<String>... groups) {
        Set<String> out = new TreeSet<>();
        for (List<String> g : groups) {
            out.addAll(g);
        }
        return out;
    }

    @Test
    void eachCommandOffersOnlyWhatItActsOn() {
        assertThat(options("compile")).isEqualTo(of(READING, List.of("-E", "-d", "-O", "-o", "-V", "-R", "-S", "-p",
                "-a", "-b", "-q", "-W", "-f", "--batch", "-j", "--jobs", "-h", "--help", "-v", "--version"),
                // dtc's long names
                List.of("--out-format", "--out", "--out-version", "--reserve", "--space", "--pad", "--align",
                        "--boot-cpu", "--quiet", "--warning", "--force")));
        assertThat(options("decompile")).isEqualTo(of(READING, List.of("-o"), HELP));
        assertThat(options("cost")).isEqualTo(of(READING, PROFILES, List.of("--dtb-in-flash", "--per-node", "--top",
                "--by-property", "--format"), HELP));
        assertThat(options("prune")).isEqualTo(of(READING, USAGE_SET, PROFILES, List.of("--prune-nodes", "-o",
                "--explain", "--format"), HELP));
        assertThat(options("usage")).isEqualTo(of(USAGE_SET, List.of("--kernel-src", "--format", "-o"), HELP));
        assertThat(options("emit-c")).isEqualTo(of(READING, USAGE_SET, List.of("--prune-nodes", "--profile",
                "--profile-file", "-o", "--out", "--sizes", "--root-function", "--kernel-patch", "--patch-path",
                "--signoff", "--boot-dtb", "--dump"), HELP));
        assertThat(options("report")).isEqualTo(of(READING, USAGE_SET, PROFILES, List.of("--prune-nodes",
                "--compare", "--max-growth", "--dtb-in-flash", "--top", "--format", "-o"), HELP));
    }

    @Test
    void theHelpListsWhatTheCommandOffers() {
        for (String command : List.of("compile", "decompile", "cost", "prune", "usage", "emit-c", "report")) {
            CliRun r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            for (String o : options(command)) {
                assertThat(r.out()).as(command + " " + o).contains(o);
            }
            if (!command.equals("compile")) {
                assertThat(r.out()).as(command).doesNotContain("-d=FILE").doesNotContain("  -E ")
                        .doesNotContain("--batch");
            }
        }
    }

    /** The tree-shaping options are acted on outside compile too: -H legacy adds linux,phandle, which costs RAM. */
    @Test
    void theReadingOptionsShapeWhatIsPriced() {
        CliRun epapr = run("cost", SAMPLE, "--format", "json");
        CliRun legacy = run("cost", SAMPLE, "-H", "both", "--format", "json");
        assertThat(epapr.code()).isZero();
        assertThat(legacy.code()).isZero();
        assertThat(legacy.out()).isNotEqualTo(epapr.out());
    }

    private static void usageError(String command, String message, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(command);
        argv.addAll(List.of(args));
        CliRun r = run(argv.toArray(new String[0]));
        assertThat(r.code()).as(String.join(" ", argv)).isEqualTo(2);
        assertThat(r.err()).as(String.join(" ", argv))
                .isEqualTo(message + "\ntry 'dtshrink " + command + " --help'\n");
        assertThat(r.out()).isEmpty();
    }

    private static void badInput(String file, String... args) {
        CliRun r = run(args);
        assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(r.err()).as(String.join(" ", args)).startsWith(file + ":").contains("error: ").hasLineCount(1);
    }

    private Path truncatedBlob() throws IOException {
        Path blob = dir.resolve("cut.dtb");
        byte[] whole = Files.readAllBytes(Path.of("dts-samples/stm32f4-mini.dtb"));
        Files.write(blob, java.util.Arrays.copyOf(whole, 100));
        return blob;
    }

    @Test
    void compileUsageAndInput() throws IOException {
        // the input does not exist: the bad -H must be reported before anything is read
        usageError("compile", "Invalid value for option '-H': expected legacy, epapr or both but was 'x'",
                "-H", "x", "no/such.dts");
        usageError("compile", "unknown device tree blob version 4 (supported: 1, 2, 3, 16, 17)", "-V", "4",
                "no/such.dts");
        Path cut = truncatedBlob();
        badInput(cut.toString(), "compile", cut.toString(), "-o", dir.resolve("x.dts").toString());
    }

    @Test
    void decompileUsageAndInput() throws IOException {
        usageError("decompile", "Unknown option: '-E'", "-E", "no/such.dtb");
        Path cut = truncatedBlob();
        badInput(cut.toString(), "decompile", cut.toString());
    }

    @Test
    void costUsageAndInput() throws IOException {
        usageError("cost", "Unknown option: '-d'", "no/such.dtb", "-d");
        usageError("cost", "Invalid value for option '-H': expected legacy, epapr or both but was 'x'", "-H", "x",
                "no/such.dtb");
        Path cut = truncatedBlob();
        badInput(cut.toString(), "cost", cut.toString());
    }

    @Test
    void pruneUsageAndInput() throws IOException {
        usageError("prune", "Missing required option: '-o=OUT'", "no/such.dtb", "--usage", USAGE);
        Path cut = truncatedBlob();
        badInput(cut.toString(), "prune", cut.toString(), "--usage", USAGE, "-o", dir.resolve("p.dtb").toString());
    }

    @Test
    void usageUsageAndInput() throws IOException {
        usageError("usage", "Invalid value for option '--format': expected one of [text, json, list]"
                + " (case-sensitive) but was 'xml'", "--format", "xml", "--usage", "no/such.usage");
        Path bad = dir.resolve("bad.usage");
        Files.writeString(bad, "two words\n");
        badInput(bad.toString(), "usage", "--usage", bad.toString());
    }

    @Test
    void emitUsageAndInput() throws IOException {
        usageError("emit-c", "Unknown option: '-E'", "-E", "no/such.dtb");
        usageError("emit-c", "--root-function must be a C identifier: 1x", "--root-function", "1x", "no/such.dtb");
        Path cut = truncatedBlob();
        badInput(cut.toString(), "emit-c", cut.toString(), "--sizes");
    }

    @Test
    void reportUsageAndInput() throws IOException {
        usageError("report", "--top must not be negative: -1", "--top", "-1", "no/such.dtb");
        usageError("report", "Unknown option: '-d'", "no/such.dtb", "-d");
        Path cut = truncatedBlob();
        badInput(cut.toString(), "report", cut.toString());
    }
}
