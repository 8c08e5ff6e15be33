package org.dtshrink.prune;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the live dtc on a blob, {@code dtc -I dtb -O dtb}, and returns what it says on stderr, line by line. */
final class Dtc {

    private Dtc() {
    }

    static boolean present() {
        try {
            Process p = new ProcessBuilder("dtc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** dtc's messages for the blob; the exit status is appended as a last line when it is not 0. */
    static List<String> messages(byte[] blob) throws IOException, InterruptedException {
        Path in = Files.createTempFile("dtshrink-prune", ".dtb");
        Path out = Files.createTempFile("dtshrink-prune", ".out.dtb");
        try {
            Files.write(in, blob);
            Process p = new ProcessBuilder("dtc", "-I", "dtb", "-O", "dtb", "-o", out.toString(), in.toString())
                    .redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            List<String> lines = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.replace(in.toString(), "<in>").replace(out.toString(), "<out>"));
                }
            }
            if (p.exitValue() != 0) {
                lines.add("exit status " + p.exitValue());
            }
            return lines;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }
}
