package org.dtshrink.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The directory relative file names are read from and written to. A process has one, and Java cannot change it; the
 * server runs each request as if started in its client's directory, so every place that touches the file system
 * resolves through here, at the moment it opens, while the names kept for messages and depfiles stay as given.
 * Threads a request starts (the batch's workers) inherit its directory; outside a request nothing changes.
 */
public final class WorkingDirectory {

    private static final InheritableThreadLocal<Path> CURRENT = new InheritableThreadLocal<>();

    private WorkingDirectory() {
    }

    /** Runs {@code job} on this thread, and on the threads it starts, with {@code dir} as the working directory. */
    public static <T> T callIn(Path dir, Callable<T> job) throws Exception {
        Path before = CURRENT.get();
        CURRENT.set(dir.toAbsolutePath().normalize());
        try {
            return job.call();
        } finally {
            CURRENT.set(before);
        }
    }

    /** The path to open for {@code p}: {@code p} itself, or, inside a request, resolved against its directory. */
    public static Path resolve(Path p) {
        Path dir = CURRENT.get();
        return dir == null || p.isAbsolute() ? p : dir.resolve(p);
    }

    public static Path resolve(String name) {
        return resolve(Path.of(name));
    }

    /** The working directory for a child process: null (the process's own) outside a request. */
    public static File forProcess() {
        Path dir = CURRENT.get();
        return dir == null ? null : dir.toFile();
    }

    /** The message of an I/O error about {@code opened}, naming the file as it was given ({@code given}). */
    public static String message(IOException e, Path opened, Path given) {
        String m = e.getMessage();
        if (m == null || opened.equals(given)) {
            return m;
        }
        return m.replace(opened.toString(), given.toString());
    }
}
