package org.dtshrink.pipeline;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import org.dtshrink.tree.DtException;

/**
 * Writes an output file so that a reader never sees it half-written: into a temporary file beside it, then renamed
 * over it. "-" means standard output.
 */
public final class AtomicOutput {

    private AtomicOutput() {
    }

    public static void write(String target, byte[] data, OutputStream stdout) {
        try {
            if (target == null || target.equals("-")) {
                stdout.write(data);
                stdout.flush();
                return;
            }
            Path out = WorkingDirectory.resolve(target).toAbsolutePath();
            if (Files.exists(out)) {
                // Write through a symbolic link rather than replace it, and into a device or pipe (/dev/null,
                // /dev/stdout) directly: renaming a file over those would replace them, as dtc never does.
                out = out.toRealPath();
                if (!Files.isRegularFile(out)) {
                    try (OutputStream direct = Files.newOutputStream(out, StandardOpenOption.WRITE)) {
                        direct.write(data);
                    }
                    return;
                }
            }
            Path tmp = newTemporary(out, data);
            boolean moved = false;
            try {
                try {
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } finally {
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (NoSuchFileException e) {
            Path dir = WorkingDirectory.resolve(target).toAbsolutePath().getParent();
            throw new DtException(target + ": error: cannot write: no such directory " + dir);
        } catch (AccessDeniedException e) {
            throw new DtException(target + ": error: cannot write: permission denied");
        } catch (IOException e) {
            throw new DtException(target + ": error: cannot write: " + e.getMessage());
        }
    }

    /**
     * A new file beside {@code out} holding {@code data}, made with the permissions the user's umask gives a new file
     * (as dtc's output gets), not the owner-only ones of {@link Files#createTempFile}. It is created and written
     * through one descriptor: opening it a second time to write would truncate it, and on ext4 a file truncated to
     * nothing is flushed to disk when it is closed, which made writing the outputs of a batch cost more than
     * compiling them.
     */
    private static Path newTemporary(Path out, byte[] data) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = out.resolveSibling("." + out.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            OutputStream stream;
            try {
                stream = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 100) {
                    throw e;
                }
                continue;
            }
            try (OutputStream o = stream) {
                o.write(data);
            } catch (IOException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return tmp;
        }
    }
}
