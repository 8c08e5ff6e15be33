package org.dtshrink.emit;

import org.dtshrink.files.WorkingDirectory;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What made an emitted file, for its header comment: the tool version, the input and its checksum, and the options
 * that shaped the output. Nothing time-, machine- or directory-dependent, so the same input gives the same bytes
 * wherever it is emitted: files are named by {@link #name(Path, Path)}.
 *
 * @param input the input's name as {@link #name(Path, Path)} gives it
 * @param checksumOf what the checksum covers, e.g. "of the file" or "of the blob dtshrink writes for it"
 */
public record Provenance(String toolVersion, String input, String sha256, String checksumOf, List<String> options) {

    public Provenance {
        options = List.copyOf(options);
    }

    /** The input's file name, without its directory. */
    public String inputFileName() {
        int slash = input.lastIndexOf('/');
        return slash < 0 ? input : input.substring(slash + 1);
    }

    /**
     * A file or directory as an emitted file names it: relative to the kernel tree when it is inside it ("." for
     * the tree itself); else as given when that is a path below the current directory (as a kernel build, run
     * from its tree, names its files); else by its file name alone. None of these depends on where the tree is or
     * on the directory a path spelled absolute is given from, so two machines name the same file alike. Paths are
     * compared as spelled, made absolute and normalized, not resolved through links.
     *
     * @param kernelTree the kernel source tree (--kernel-src), or null when there is none
     */
    public static String name(Path file, Path kernelTree) {
        Path f = WorkingDirectory.resolve(file).toAbsolutePath().normalize();
        if (kernelTree != null) {
            Path k = WorkingDirectory.resolve(kernelTree).toAbsolutePath().normalize();
            if (f.startsWith(k)) {
                String rel = slashes(k.relativize(f));
                return rel.isEmpty() ? "." : rel;
            }
        }
        Path given = file.normalize();
        if (!given.isAbsolute() && !given.toString().isEmpty() && !given.startsWith("..")) {
            return slashes(given);
        }
        Path name = f.getFileName();
        return name == null ? "/" : name.toString();
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
