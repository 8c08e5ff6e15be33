package org.dtshrink.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A patch for Linux 6.12 that adds CONFIG_OF_STATIC_TREE: the Kconfig entry, the Makefile line, the declaration of
 * the root function and the hook in {@code unflatten_device_tree()}, which takes the static root instead of
 * unflattening the blob and keeps everything else it does (reserved memory, {@code of_alias_scan()}). The emitted
 * table goes in as a new file. The hunks for the existing files are a resource made with diff against Debian's
 * linux-source-6.12 (6.12.117).
 */
public final class KernelPatch {

    public static final String DEFAULT_PATH = "drivers/of/static_tree.c";
    private static final String DIR = "drivers/of/";

    private KernelPatch() {
    }

    /** Whether a path can hold the table: a C file under drivers/of/, which the patch's Makefile line builds. */
    public static boolean isValidPath(String path) {
        return path.startsWith(DIR) && path.matches("drivers/of/[A-Za-z0-9_][A-Za-z0-9_/-]*\\.c")
                && !path.contains("//");
    }

    /**
     * @param table the emitted C file, whose root function must be {@link CTableWriter#DEFAULT_ROOT_FUNCTION}
     * @param path where the table goes in the kernel tree
     */
    public static byte[] write(byte[] table, String path, Provenance provenance) {
        if (!isValidPath(path)) {
            throw new IllegalArgumentException("not a C file under drivers/of/: " + path);
        }
        String object = path.substring(DIR.length(), path.length() - 2) + ".o";
        StringBuilder sb = new StringBuilder();
        sb.append("of: add CONFIG_OF_STATIC_TREE, a device tree unflattened at build time\n\n");
        sb.append("Made by dtshrink ").append(provenance.toolVersion()).append(" emit-c --kernel-patch from ")
                .append(provenance.input()).append(" (sha256 ").append(provenance.sha256()).append(").\n");
        sb.append("Applies to Linux 6.12 with patch -p1; the table is ").append(path).append(".\n\n");
        sb.append(template().replace("@SOURCE@", path).replace("@OBJECT@", object));
        String c = new String(table, StandardCharsets.US_ASCII);
        String[] lines = c.split("\n", -1);
        int count = c.endsWith("\n") ? lines.length - 1 : lines.length;
        sb.append("--- /dev/null\n+++ b/").append(path).append('\n');
        sb.append("@@ -0,0 +1,").append(count).append(" @@\n");
        for (int i = 0; i < count; i++) {
            sb.append('+').append(lines[i]).append('\n');
        }
        if (!c.endsWith("\n")) {
            sb.append("\\ No newline at end of file\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String template() {
        try (InputStream in = KernelPatch.class.getResourceAsStream("linux-6.12-hook.patch")) {
            if (in == null) {
                throw new IllegalStateException("missing resource linux-6.12-hook.patch");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
