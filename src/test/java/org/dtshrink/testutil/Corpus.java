package org.dtshrink.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared corpus of real kernel device trees, beside the project as {@code ../shared/corpus} (override with the
 * system property {@code dtshrink.corpus} or the environment variable {@code DTSHRINK_CORPUS}). Tests that need it are
 * skipped, loudly, when it is absent; CI always has it.
 */
public final class Corpus {

    private Corpus() {
    }

    public static Path root() {
        String p = System.getProperty("dtshrink.corpus", System.getenv("DTSHRINK_CORPUS"));
        return (p != null ? Paths.get(p) : Paths.get("..", "shared", "corpus")).toAbsolutePath().normalize();
    }

    public static boolean present() {
        return Files.isDirectory(root().resolve("kernel"));
    }

    public static void assumePresent() {
        Assumptions.assumeTrue(present(), "device-tree corpus not found at " + root());
    }

    /** Every preprocessed board source under kernel/, sorted. */
    public static List<Path> kernelSources() {
        return list(root().resolve("kernel"), ".dts");
    }

    /** Every dtc-made blob under kernel/, sorted. */
    public static List<Path> kernelBlobs() {
        return list(root().resolve("kernel"), ".dtb");
    }

    /** The blob dtc made from a preprocessed source under kernel/. */
    public static Path blobFor(Path kernelSource) {
        String name = kernelSource.getFileName().toString();
        return kernelSource.resolveSibling(name.substring(0, name.length() - 4) + ".dtb");
    }

    public static List<Path> list(Path dir, String suffix) {
        assumePresent();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
