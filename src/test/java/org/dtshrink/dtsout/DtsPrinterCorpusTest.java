package org.dtshrink.dtsout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtTestFiles;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel blob, read and printed as DTS, compiles back to the identical blob: with dtshrink's own DTS reader,
 * and with the live dtc (two at a time, started for all blobs up front).
 */
class DtsPrinterCorpusTest {

    private static ExecutorService pool;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    /** Compiles the printed source of one blob; returns the blob dtc makes of it. */
    static byte[] recompile(Path blob, int index) throws IOException, InterruptedException {
        byte[] original = Files.readAllBytes(blob);
        String dts = DtsPrinter.print(FdtReader.read(original, blob.toString()));
        Path src = tmp.resolve(index + ".dts");
        Path out = tmp.resolve(index + ".dtb");
        Files.write(src, dts.getBytes(StandardCharsets.ISO_8859_1));
        Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (p.waitFor() != 0) {
            throw new AssertionError("dtc failed on the printed " + blob + ": " + log);
        }
        return Files.readAllBytes(out);
    }

    @ParameterizedTest
    @MethodSource("org.dtshrink.fdt.FdtCorpusRoundTripTest#blobs")
    void printedSourceReadByDtshrinkWritesTheIdenticalBlob(Path blob) throws IOException {
        byte[] original = Files.readAllBytes(blob);
        String dts = DtsPrinter.print(FdtReader.read(original, blob.toString()));
        DeviceTree again = DtsReader.read(dts, blob + ".printed.dts", DtsOptions.defaults());
        assertThat(FdtWriter.write(again)).isEqualTo(original);
    }

    @TestFactory
    Stream<DynamicTest> printedSourceCompiledByDtcIsTheIdenticalBlob() {
        Assumptions.assumeTrue(FdtTestFiles.dtcPresent(), "dtc not on PATH");
        List<Path> blobs = Corpus.kernelBlobs();
        List<Future<byte[]>> results = new ArrayList<>();
        for (int i = 0; i < blobs.size(); i++) {
            Path blob = blobs.get(i);
            int index = i;
            results.add(pool.submit(() -> recompile(blob, index)));
        }
        return Stream.iterate(0, i -> i < blobs.size(), i -> i + 1).map(i -> DynamicTest.dynamicTest(
                Corpus.root().relativize(blobs.get(i)).toString(),
                () -> assertThat(results.get(i).get()).isEqualTo(Files.readAllBytes(blobs.get(i)))));
    }
}
