package org.dtshrink.dtsout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtTestFiles;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Trees compiled from the language-feature sources (src/test/resources/dts/lang, each with the blob dtc made of it)
 * carry labels, references and typed values; printed, they compile back, with dtshrink and with the live dtc, to
 * dtc's blob.
 */
class DtsPrinterSourceRoundTripTest {

    @TempDir
    Path tmp;

    static Stream<Path> sources() throws IOException, URISyntaxException {
        Path dir = Paths.get(DtsPrinterSourceRoundTripTest.class.getResource("/dts/lang").toURI());
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".dts") && !p.toString().endsWith(".dtc16.dts"))
                    .filter(p -> Files.exists(golden(p))).sorted().collect(Collectors.toList());
            return all.stream();
        }
    }

    private static Path golden(Path source) {
        String name = source.getFileName().toString();
        return source.resolveSibling(name.substring(0, name.length() - 4) + ".dtb");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sources")
    void printedSourceCompilesBackToDtcsBlob(Path source) throws Exception {
        byte[] expected = Files.readAllBytes(golden(source));
        DeviceTree tree = DtsReader.read(source, DtsOptions.defaults());
        assertThat(FdtWriter.write(tree)).as("the source itself compiles to dtc's blob").isEqualTo(expected);
        String text = DtsPrinter.print(tree);

        DeviceTree again = DtsReader.read(text, "printed.dts", DtsOptions.defaults());
        assertThat(FdtWriter.write(again)).as("dtshrink on the printed source:\n" + text).isEqualTo(expected);

        Assumptions.assumeTrue(FdtTestFiles.dtcPresent(), "dtc not on PATH");
        Path src = tmp.resolve("printed.dts");
        Path out = tmp.resolve("printed.dtb");
        Files.write(src, text.getBytes(StandardCharsets.ISO_8859_1));
        Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor()).as(log + "\n" + text).isZero();
        assertThat(Files.readAllBytes(out)).as("dtc on the printed source:\n" + text).isEqualTo(expected);
    }
}
