package org.dtshrink.scan;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.DtException;
import org.dtshrink.usage.UsageSet;

/**
 * Derives a usage set from a kernel source tree: the C files a configuration builds ({@link KbuildWalker}; every C
 * file without a configuration), the headers they include (inline code reads properties too), each read by
 * {@link CSourceScanner}. Every entry's origin is the file, relative to the source root.
 */
public final class KernelScan {

    /**
     * The usage set, how many C files and headers were read, where the walk guessed, how long it took, and the
     * source tree as it was given.
     */
    public record Result(UsageSet usage, int cFiles, int headers, List<String> notes, long millis, Path root) {
    }

    private final Path root;
    private final String arch;
    private final UsageSet usage = new UsageSet();
    private final Set<String> seen = new HashSet<>();
    private int headers;

    private KernelScan(Path root, String arch) {
        this.root = root;
        this.arch = arch;
    }

    /**
     * Scans {@code root}. With a configuration, only what it builds for {@code arch} (null: guessed from the
     * configuration); without one, every C file.
     */
    public static Result scan(Path source, KernelConfig config, String arch) {
        long t0 = System.nanoTime();
        // absolute, so that an include resolved from "." or "../linux" is still seen to lie inside the tree
        Path root = WorkingDirectory.resolve(source).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new DtException(root + ": error: kernel source is not a directory");
        }
        List<String> files;
        List<String> notes = new ArrayList<>();
        String a = arch;
        if (config != null) {
            if (a == null) {
                a = config.guessArch();
                if (a == null) {
                    throw new DtException("error: cannot tell the architecture from the configuration; give --arch");
                }
            }
            KbuildWalker.Result walk = KbuildWalker.walk(root, config, a);
            files = walk.files();
            notes.addAll(walk.notes());
        } else {
            files = KbuildWalker.allCFiles(root);
            notes.add("no configuration: every C file counts as built");
        }
        KernelScan s = new KernelScan(root, a);
        for (String f : files) {
            s.scanWithHeaders(f);
        }
        s.usage.markFromKernelScan();
        return new Result(s.usage, files.size(), s.headers, notes, (System.nanoTime() - t0) / 1_000_000, source);
    }

    private void scanWithHeaders(String file) {
        Deque<String> work = new ArrayDeque<>();
        work.push(file);
        seen.add(file);
        while (!work.isEmpty()) {
            String f = work.pop();
            CSourceScanner.FileUsage u = CSourceScanner.scan(read(f));
            for (Map.Entry<String, Integer> e : u.properties().entrySet()) {
                usage.addProperty(e.getKey(), f);
            }
            for (Map.Entry<String, Integer> e : u.compatibles().entrySet()) {
                usage.addCompatible(e.getKey(), f);
            }
            for (String inc : u.includes()) {
                String h = resolveInclude(f, inc);
                if (h != null && seen.add(h)) {
                    headers++;
                    work.push(h);
                }
            }
        }
    }

    private String resolveInclude(String from, String spec) {
        String name = spec.substring(1, spec.length() - 1);
        List<String> dirs = new ArrayList<>();
        if (spec.startsWith("\"")) {
            int slash = from.lastIndexOf('/');
            dirs.add(slash < 0 ? "" : from.substring(0, slash + 1));
        }
        dirs.add("include/");
        if (arch != null) {
            dirs.add("arch/" + arch + "/include/");
        }
        dirs.add("include/uapi/");
        if (arch != null) {
            dirs.add("arch/" + arch + "/include/uapi/");
        }
        for (String d : dirs) {
            Path p = root.resolve(d + name).normalize();
            if (p.startsWith(root.normalize()) && Files.isRegularFile(p)) {
                return root.normalize().relativize(p).toString().replace('\\', '/');
            }
        }
        return null;
    }

    private String read(String rel) {
        try {
            return new String(Files.readAllBytes(root.resolve(rel)), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new DtException(root.resolve(rel) + ": error: cannot read: " + e.getMessage());
        }
    }
}
