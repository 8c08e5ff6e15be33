package org.dtshrink.cpp;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dtshrink.tree.DtException;

/**
 * An external C preprocessor run in place of the built-in one ({@code --cpp cpp}), with the flags the kernel's build
 * gives cpp before dtc. Its first error line is the error; a missing or failing command is bad input naming the file.
 */
public final class ExternalCpp {

    private ExternalCpp() {
    }

    /** {@code command} (split at white space) over {@code file}, searching {@code dirs}, with {@code -D defines}. */
    public static String run(String command, Path file, List<Path> dirs, List<String> defines) {
        List<String> cmd = new ArrayList<>(List.of(command.trim().split("\\s+")));
        cmd.addAll(List.of("-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp"));
        for (Path d : dirs) {
            cmd.add("-I");
            cmd.add(d.toString());
        }
        for (String d : defines) {
            cmd.add("-D" + d);
        }
        cmd.add(file.toString());
        Path errFile = null;
        try {
            // stderr goes to a file so that neither pipe can fill up and stall the other
            errFile = Files.createTempFile("dtshrink-cpp", ".err");
            Process p = new ProcessBuilder(cmd).directory(WorkingDirectory.forProcess()).redirectError(errFile.toFile()).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String msg = Files.readString(errFile).strip();
                String first = msg.isEmpty() ? "exit status " + p.exitValue() : msg.lines().filter(
                        l -> l.contains("error")).findFirst().orElse(msg.lines().findFirst().orElse(""));
                throw new DtException(first.contains(": error") ? first : file + ": error: " + command
                        + " failed: " + first);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot run '" + command + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DtException(file + ": error: interrupted");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a stray temporary file is not worth failing the run for
                }
            }
        }
    }
}
