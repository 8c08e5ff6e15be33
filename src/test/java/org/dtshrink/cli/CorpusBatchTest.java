package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The whole corpus through the command line in one run, and decompiled sources read back by dtshrink itself. */
class CorpusBatchTest {

    @TempDir
    Path tmp;

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** Writes a batch list, runs it, and counts outputs identical to the blob dtc made. */
    private int batch(List<Path> sources, List<Path> expected, String... flags) throws Exception {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            list.append(sources.get(i)).append('\t').append(tmp.resolve(i + ".dtb")).append('\n');
        }
        Path jobs = tmp.resolve("jobs.txt");
        Files.writeString(jobs, list);
        List<String> args = new ArrayList<>(List.of("compile", "-q", "--batch", jobs.toString()));
        args.addAll(List.of(flags));
        StringWriter err = new StringWriter();
        int code = run(err, args.toArray(new String[0]));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        int same = 0;
        for (int i = 0; i < sources.size(); i++) {
            if (Arrays.equals(Files.readAllBytes(tmp.resolve(i + ".dtb")), Files.readAllBytes(expected.get(i)))) {
                same++;
            }
        }
        return same;
    }

    @Test
    void everyPreprocessedBoardInOneBatch() throws Exception {
        List<Path> sources = Corpus.kernelSources();
        List<Path> blobs = sources.stream().map(Corpus::blobFor).toList();
        int same = batch(sources, blobs);
        System.out.println("batch compile of the preprocessed corpus: " + same + "/" + sources.size());
        assertThat(same).isEqualTo(sources.size()).isEqualTo(183);
    }

    @Test
    void everyRawArmAndStBoardPreprocessedInOneBatch() throws Exception {
        Path raw = Corpus.root().resolve("raw");
        List<Path> sources = new ArrayList<>(Corpus.list(raw.resolve("arch/arm/boot/dts/st"), ".dts"));
        sources.addAll(Corpus.list(raw.resolve("arch/arm/boot/dts/arm"), ".dts"));
        List<Path> blobs = sources.stream()
                .map(s -> Corpus.blobFor(Corpus.root().resolve("kernel").resolve(raw.relativize(s)))).toList();
        int same = batch(sources, blobs, "--kernel-src", raw.toString());
        System.out.println("batch compile of the raw ARM and ST boards: " + same + "/" + sources.size());
        assertThat(same).isEqualTo(sources.size()).isEqualTo(98);
    }

    @Test
    void decompiledBlobsReadBackThroughDtshrink() throws Exception {
        List<Path> blobs = Corpus.kernelBlobs();
        List<String> differ = new ArrayList<>();
        for (Path blob : blobs) {
            byte[] original = Files.readAllBytes(blob);
            String dts = DtsPrinter.print(FdtReader.read(original, blob.toString()));
            byte[] back = FdtWriter.write(DtsReader.read(dts, blob + ".dts", DtsOptions.defaults()),
                    FdtOptions.DEFAULTS);
            if (!Arrays.equals(back, original)) {
                differ.add(blob.toString());
            }
        }
        System.out.println("decompile, then compile by dtshrink: " + (blobs.size() - differ.size()) + "/"
                + blobs.size());
        assertThat(differ).isEmpty();
        assertThat(blobs).hasSize(183);
    }
}
