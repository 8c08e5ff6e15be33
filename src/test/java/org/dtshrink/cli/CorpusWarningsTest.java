package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.testutil.KernelDtc;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every corpus board, compiled by dtshrink and by the kernel's own dtc 1.7.0 with the kernel's flags (as
 * scripts/Makefile.dtbs gives them with no W=, with W=1 and with W=2, and the -b 0 of every kernel build): the same
 * warnings and errors, as multisets of lines, and the same exit status. The whole kernel tree, every architecture,
 * is bench/kernel-tree-parity's.
 */
class CorpusWarningsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "w1", "w2"})
    void everyCorpusBoardWarnsAsTheKernelsDtcDoes(String set) throws Exception {
        Corpus.assumePresent();
        compareAll(set, Corpus.kernelSources(), List.of("-b", "0"), ".dtb");
    }

    /** dtc checks a blob's tree too: each corpus blob decompiled, with the kernel's default flags. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default"})
    void everyCorpusBlobWarnsAsTheKernelsDtcDoes(String set) throws Exception {
        Corpus.assumePresent();
        compareAll(set, Corpus.kernelBlobs(), List.of("-I", "dtb", "-O", "dts"), ".dts");
    }

    private static void compareAll(String set, List<Path> inputs, List<String> mode, String outSuffix)
            throws Exception {
        KernelDtc.assumePresent();
        List<String> flags = List.of(KernelTreeParity.SETS.get(set).split(" "));
        Path out = Path.of("target", "corpus-warnings-" + set + outSuffix);
        Path err = Path.of("target", "corpus-warnings-" + set + ".err");
        List<String> differ = new ArrayList<>();
        int boards = 0;
        int lines = 0;
        for (Path board : inputs) {
            List<String> args = new ArrayList<>(mode);
            args.addAll(flags);
            args.addAll(List.of("-o", out.toString(), board.toString()));

            List<String> cmd = new ArrayList<>(List.of(KernelDtc.path().toString()));
            cmd.addAll(args);
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            List<String> theirs = Files.readString(err, StandardCharsets.ISO_8859_1).lines().toList();

            List<String> mine = new ArrayList<>(List.of("compile"));
            mine.addAll(args);
            CliRun r = CliRun.run(mine.toArray(new String[0]));
            boards++;
            lines += theirs.size();
            if (!count(r.err().lines().toList()).equals(count(theirs)) || r.code() != p.exitValue()) {
                differ.add(board + ": exit " + r.code() + " (dtc " + p.exitValue() + ")\n" + delta(r.err(), theirs));
            }
        }
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
        assertThat(boards).isEqualTo(inputs.size()).isGreaterThan(100);
        assertThat(lines).as("the kernel's dtc printed something to compare with").isGreaterThan(0);
        assertThat(differ).as(set + ": boards where dtshrink's messages differ from dtc's").isEmpty();
    }

    private static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }

    private static String delta(String mine, List<String> theirs) {
        Map<String, Integer> d = new TreeMap<>(count(mine.lines().toList()));
        count(theirs).forEach((k, v) -> d.merge(k, -v, Integer::sum));
        StringBuilder sb = new StringBuilder();
        d.forEach((k, v) -> {
            if (v != 0) {
                sb.append(v > 0 ? "  dtshrink only: " : "  dtc only: ").append(k).append('\n');
            }
        });
        return sb.toString();
    }
}
