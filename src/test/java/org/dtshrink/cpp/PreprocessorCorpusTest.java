package org.dtshrink.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every raw ST and ARM board preprocessed in-process gives GNU cpp's text. */
class PreprocessorCorpusTest {

    private static List<Path> boards(Path raw) {
        List<Path> boards = new ArrayList<>();
        boards.addAll(Corpus.list(raw.resolve("arch/arm/boot/dts/st"), ".dts"));
        boards.addAll(Corpus.list(raw.resolve("arch/arm/boot/dts/arm"), ".dts"));
        return boards;
    }

    @Test
    void everyRawBoardMatchesGnuCpp() {
        Corpus.assumePresent();
        Assumptions.assumeTrue(GnuCpp.available(), "GNU cpp not on PATH");
        Path raw = Corpus.root().resolve("raw");
        List<Path> boards = boards(raw);
        assertThat(boards).hasSize(98);
        List<String> textDiffers = new ArrayList<>();
        List<String> markersDiffer = new ArrayList<>();
        for (Path board : boards) {
            String name = raw.relativize(board).toString();
            String dir = raw.relativize(board.getParent()).toString();
            String expected = GnuCpp.run(raw, List.of("include", dir), name);
            String actual = new Preprocessor(Preprocessor.Options.kernel().workingDirectory(raw)
                    .includeDir(Path.of("include")).includeDir(Path.of(dir))).run(Path.of(name)).text();
            if (!GnuCpp.withoutLineMarkers(actual).equals(GnuCpp.withoutLineMarkers(expected))) {
                textDiffers.add(name);
            } else if (!actual.equals(expected)) {
                markersDiffer.add(name);
            }
        }
        System.out.printf("cpp corpus: %d/%d equal without line markers and empty lines, %d/%d byte-identical%n",
                boards.size() - textDiffers.size(), boards.size(),
                boards.size() - textDiffers.size() - markersDiffer.size(), boards.size());
        assertThat(textDiffers).as("boards whose text differs from GNU cpp").isEmpty();
        assertThat(markersDiffer).as("boards whose line markers or empty lines differ from GNU cpp").isEmpty();
    }

    /** All 98 boards in one JVM, after a warm-up pass: a few seconds at most even on a busy machine. */
    @Test
    void preprocessesTheRawBoardsQuickly() {
        Corpus.assumePresent();
        Path raw = Corpus.root().resolve("raw");
        List<Path> boards = boards(raw);
        long nanos = 0;
        for (int pass = 0; pass < 2; pass++) {
            long start = System.nanoTime();
            for (Path board : boards) {
                String dir = raw.relativize(board.getParent()).toString();
                new Preprocessor(Preprocessor.Options.kernel().workingDirectory(raw).includeDir(Path.of("include"))
                        .includeDir(Path.of(dir))).run(raw.relativize(board));
            }
            nanos = System.nanoTime() - start;
        }
        System.out.printf("cpp corpus: %d boards in %d ms after warm-up%n", boards.size(), nanos / 1_000_000);
        assertThat(nanos / 1_000_000).as("milliseconds for %d boards", boards.size()).isLessThan(5_000);
    }
}
