package org.dtshrink.cli;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** git's user.name and user.email, as {@code git commit -s} would sign off with them. */
final class GitIdentity {

    private GitIdentity() {
    }

    /** {@code Name <address>}, or null when git is missing or either is not set. */
    static String get() {
        String name = config("user.name");
        String email = config("user.email");
        return name == null || email == null ? null : name + " <" + email + ">";
    }

    private static String config(String key) {
        try {
            Process p = new ProcessBuilder("git", "config", "--get", key).directory(WorkingDirectory.forProcess())
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream in = p.getInputStream()) {
                out = in.readAllBytes();
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String v = new String(out, StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !v.isEmpty() ? v : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
