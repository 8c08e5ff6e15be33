package org.dtshrink.fdt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Test data under src/test/resources/fdt, and whether a live dtc is there to compare with. */
public final class FdtTestFiles {

    private FdtTestFiles() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = FdtTestFiles.class.getResourceAsStream("/fdt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fdt/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path resourcePath(String name) {
        try {
            return Paths.get(FdtTestFiles.class.getResource("/fdt/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource fdt/" + name, e);
        }
    }

    public static boolean dtcPresent() {
        try {
            Process p = new ProcessBuilder("dtc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
