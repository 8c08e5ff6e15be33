package org.dtshrink.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dtshrink.tree.DtException;

/**
 * Finds the C files a configuration builds by following Kbuild from the top: the architecture makefile's
 * {@code core-y}/{@code libs-y}/{@code drivers-y}, the top-level Kbuild's {@code obj-y}, and in each directory its
 * Kbuild (or Makefile) {@code obj-y}, {@code obj-m} and {@code lib-y}: {@code x.o} is x.c or the parts of a composite
 * object ({@code x-y}, {@code x-objs}), {@code dir/} is followed. Modules count as built. An entry that cannot be
 * evaluated makes the whole directory below it count as built.
 */
public final class KbuildWalker {

    /** The C files found (relative to the source root, sorted) and notes on where the walk had to guess. */
    public record Result(List<String> files, List<String> notes) {
    }

    private final Path root;
    private final KernelConfig config;
    private final String arch;
    private final Set<String> files = new TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> visited = new HashSet<>();
    private final Deque<String> queue = new ArrayDeque<>();
    /** Upper-case variables the architecture makefile sets (MMUEXT, BITS): Kbuild exports them to every directory. */
    private final Map<String, String> archExports = new HashMap<>();

    private KbuildWalker(Path root, KernelConfig config, String arch) {
        this.root = root;
        this.config = config;
        this.arch = arch;
    }

    public static Result walk(Path root, KernelConfig config, String arch) {
        if (!Files.isDirectory(root.resolve("arch").resolve(arch))) {
            throw new DtException(root + ": error: no arch/" + arch + " in the kernel source");
        }
        return new KbuildWalker(root, config, arch).run();
    }

    /** Every C file under the source root, for a scan without a configuration. */
    public static List<String> allCFiles(Path root) {
        return cFilesUnder(root, "");
    }

    private Result run() {
        KbuildMakefile archMake = new KbuildMakefile(config, base(""));
        archMake.evaluate(read("arch/" + arch + "/Makefile"));
        for (String name : archMake.names()) {
            if (name.equals(name.toUpperCase(java.util.Locale.ROOT)) && !name.startsWith("CONFIG_")) {
                String v = String.join(" ", archMake.words(name));
                if (!v.contains(KbuildMakefile.UNRESOLVED)) {
                    archExports.put(name, v);
                }
            }
        }
        Map<String, String> top = base("");
        top.put("ARCH_CORE", String.join(" ", archMake.words("core-y")));
        List<String> libs = new ArrayList<>();
        for (String w : archMake.words("libs-y")) {
            if (w.endsWith("/")) {
                libs.add(w);
            }
        }
        top.put("ARCH_LIB", String.join(" ", libs));
        List<String> drivers = new ArrayList<>(archMake.words("drivers-y"));
        drivers.addAll(archMake.words("drivers-m"));
        top.put("ARCH_DRIVERS", String.join(" ", drivers));
        KbuildMakefile topKbuild = new KbuildMakefile(config, top);
        topKbuild.evaluate(read("Kbuild"));
        // The top Makefile builds lib/ as libs-y before the architecture adds its own; lib/ is not in Kbuild's obj-y.
        List<String> topDirs = new ArrayList<>(builtWords(topKbuild));
        topDirs.add("lib/");
        resolve("", topDirs, topKbuild, new HashSet<>());
        while (!queue.isEmpty()) {
            walkDir(queue.poll());
        }
        return new Result(List.copyOf(files), notes);
    }

    private Map<String, String> base(String dir) {
        Map<String, String> m = new HashMap<>(archExports);
        m.put("SRCARCH", arch);
        m.put("ARCH", arch);
        m.put("srctree", ".");
        m.put("objtree", ".");
        String d = dir.isEmpty() ? "." : dir.substring(0, dir.length() - 1);
        m.put("src", d);
        m.put("obj", d);
        m.put("libs-y", "lib/");
        return m;
    }

    private void walkDir(String dir) {
        if (!Files.isDirectory(root.resolve(dir))) {
            notes.add(dir + ": named by a makefile but not in the source tree");
            return;
        }
        String makefile = Files.isRegularFile(root.resolve(dir + "Kbuild")) ? dir + "Kbuild" : dir + "Makefile";
        if (!Files.isRegularFile(root.resolve(makefile))) {
            notes.add(dir + ": no Kbuild or Makefile; every C file below counts as built");
            files.addAll(cFilesUnder(root, dir));
            return;
        }
        Map<String, String> initial = base(dir);
        initial.remove("libs-y");
        KbuildMakefile mk = new KbuildMakefile(config, initial);
        mk.evaluate(read(makefile));
        resolve(dir, builtWords(mk), mk, new HashSet<>());
    }

    /** The words of every list that builds something: obj-y, obj-m, lib-y, lib-m, and obj-? for unknown options. */
    private static List<String> builtWords(KbuildMakefile mk) {
        List<String> out = new ArrayList<>();
        for (String list : new String[] {"obj-y", "obj-m", "lib-y", "lib-m"}) {
            out.addAll(mk.words(list));
        }
        for (String name : mk.names()) {
            if ((name.startsWith("obj-") || name.startsWith("lib-")) && name.contains(KbuildMakefile.UNRESOLVED)) {
                out.addAll(mk.words(name));
            }
        }
        return out;
    }

    private void resolve(String dir, List<String> words, KbuildMakefile mk, Set<String> seenComposites) {
        for (String w : words) {
            if (w.contains(KbuildMakefile.UNRESOLVED)) {
                String where = dir.isEmpty() ? "the top level" : dir;
                notes.add(where + ": an object list entry could not be evaluated; every C file below " + where
                        + " counts as built");
                files.addAll(cFilesUnder(root, dir));
                continue;
            }
            if (w.endsWith("/")) {
                String sub = normalize(dir + w);
                if (sub != null && visited.add(sub)) {
                    queue.add(sub);
                }
            } else if (w.endsWith(".o")) {
                String base = w.substring(0, w.length() - 2);
                List<String> parts = new ArrayList<>();
                boolean composite = false;
                for (String suffix : new String[] {"-y", "-objs", "-m"}) {
                    if (mk.isSet(base + suffix)) {
                        composite = true;
                        parts.addAll(mk.words(base + suffix));
                    }
                }
                if (composite && seenComposites.add(dir + base)) {
                    resolve(dir, parts, mk, seenComposites);
                } else if (!composite) {
                    String c = normalize(dir + base + ".c");
                    if (c != null && Files.isRegularFile(root.resolve(c))) {
                        files.add(c);
                    }
                }
            }
        }
    }

    private static String normalize(String rel) {
        Path p = Path.of(rel.isEmpty() ? "." : rel).normalize();
        String s = p.toString().replace('\\', '/');
        if (s.startsWith("..")) {
            return null;
        }
        if (s.isEmpty()) {
            return "";
        }
        return rel.endsWith("/") ? s + "/" : s;
    }

    private String read(String rel) {
        try {
            return Files.readString(root.resolve(rel), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new DtException(root.resolve(rel) + ": error: cannot read: " + e.getMessage());
        }
    }

    private static List<String> cFilesUnder(Path root, String dir) {
        Path start = root.resolve(dir.isEmpty() ? "." : dir);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(start)) {
            List<String> out = new ArrayList<>();
            s.filter(p -> p.toString().endsWith(".c") && Files.isRegularFile(p))
                    .forEach(p -> out.add(root.relativize(p).normalize().toString().replace('\\', '/')));
            out.sort(null);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
