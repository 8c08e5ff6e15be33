package org.dtshrink.cpp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the system's GNU cpp the way the kernel does, to compare against; absent cpp makes tests skip. */
final class GnuCpp {

    private GnuCpp() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "cpp"))) {
                return true;
            }
        }
        return false;
    }

    /** cpp's output for {@code file} (relative to {@code dir}, where cpp runs) with the kernel's flags. */
    static String run(Path dir, List<String> includeDirs, String file) {
        List<String> args = new ArrayList<>();
        for (String i : includeDirs) {
            args.add("-I");
            args.add(i);
        }
        return runWith(dir, args, file);
    }

    /** Like {@link #run} with any extra options (-I, -D, -U) before the kernel's flags. */
    static String runWith(Path dir, List<String> options, String file) {
        List<String> cmd = new ArrayList<>(List.of("cpp", "-nostdinc"));
        cmd.addAll(options);
        cmd.addAll(List.of("-undef", "-D__DTS__", "-x", "assembler-with-cpp", file));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = read(p.getInputStream());
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("cpp timed out on " + file);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("cpp failed on " + file);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    /**
     * The comparison form: line markers and empty lines dropped, nothing else touched. Markers and empty lines only
     * re-synchronise line numbers; everything a parser sees is compared as is, spacing included.
     */
    static String withoutLineMarkers(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.matches("# \\d+ \".*")) {
                continue;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }
}
