package org.dtshrink.emit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.tree.DeviceTree;

/**
 * Compiles emitted tables with gcc against the test headers (src/test/resources/emit/include) and checks them from
 * outside: the compiler accepts them with -Wall -Wextra -Werror and their _Static_asserts, {@code size -A} finds
 * exactly the RAM and flash the table computed, and a C program that walks them as the kernel's iterators do prints
 * exactly {@link UnflattenedDump}'s dump. Many tables go through one gcc run: each gets its own root function.
 */
final class CTableCheck {

    static final Path RESOURCES = Path.of("src", "test", "resources", "emit").toAbsolutePath();

    /** One table to check: a name for messages and the tree. */
    record Input(String name, DeviceTree tree) {
    }

    private CTableCheck() {
    }

    /** gcc's switches for the profile's struct definitions in the test header. */
    static List<String> defines(StructLayout l) {
        List<String> d = new ArrayList<>();
        if (l.linux413()) {
            d.add("-DDT_LINUX_4_13");
        } else {
            if (l.ofKobj()) {
                d.add("-DCONFIG_OF_KOBJ");
            }
            if (l.ofDynamic()) {
                d.add("-DCONFIG_OF_DYNAMIC");
            }
        }
        return d;
    }

    static List<String> gcc(StructLayout l) {
        List<String> cmd = new ArrayList<>(List.of("gcc", "-std=gnu11", "-Wall", "-Wextra", "-Werror", "-O2",
                // the kernel is not position-independent; PIE would move const data with pointers to .data.rel.ro
                "-fno-pie", "-I", RESOURCES.resolve("include").toString()));
        if (l.pointerBytes() == 4) {
            cmd.add("-m32");
        }
        cmd.addAll(defines(l));
        return cmd;
    }

    /**
     * Emits, compiles, measures and walks every input under one profile; returns the problems found, one line each
     * (empty when all is well).
     */
    static List<String> check(KernelProfile profile, List<Input> inputs, Path work) throws IOException {
        return check(profile, inputs, work, new ArrayList<>());
    }

    /**
     * As {@link #check(KernelProfile, List, Path)}, but inputs the emitter refuses are left out and their errors
     * added to {@code refused} instead of failing the run.
     */
    static List<String> check(KernelProfile profile, List<Input> all, Path work, List<String> refused)
            throws IOException {
        List<Input> inputs = new ArrayList<>();
        for (Input in : all) {
            try {
                UnflattenedTree.of(in.tree(), profile, in.name());
                inputs.add(in);
            } catch (org.dtshrink.tree.DtException e) {
                refused.add(e.getMessage());
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<StaticTable> tables = new ArrayList<>();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        StringBuilder roots = new StringBuilder("struct device_node;\n");
        StructLayout layout = StructLayout.of(profile);
        for (int i = 0; i < inputs.size(); i++) {
            UnflattenedTree tree = UnflattenedTree.of(inputs.get(i).tree(), profile, inputs.get(i).name());
            StaticTable table = new StaticTable(tree);
            tables.add(table);
            Provenance prov = new Provenance("test", inputs.get(i).name(), "0".repeat(64), "of the file", List.of());
            Path c = work.resolve("t" + i + ".c");
            Files.write(c, CTableWriter.write(table, prov, "dt_root_" + i));
            sources.add(c.getFileName().toString());
            roots.append("struct device_node *dt_root_").append(i).append("(void);\n");
            expected.writeBytes(("== table " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            expected.writeBytes(UnflattenedDump.dump(tree));
        }
        roots.append("struct device_node *(*const dt_roots[])(void) = {");
        for (int i = 0; i < inputs.size(); i++) {
            roots.append(i == 0 ? " " : ", ").append("dt_root_").append(i);
        }
        roots.append(" };\nconst unsigned int dt_root_count = ").append(inputs.size()).append(";\n");
        Files.writeString(work.resolve("roots.c"), roots.toString());

        List<String> compile = gcc(layout);
        compile.add("-c");
        compile.addAll(sources);
        Run cc = run(work, compile);
        if (cc.status != 0) {
            problems.add(profile.name() + ": gcc failed: " + firstLines(cc.err, 5));
            return problems;
        }
        List<String> size = new ArrayList<>(List.of("size", "-A"));
        for (String s : sources) {
            size.add(s.replace(".c", ".o"));
        }
        Run sz = run(work, size);
        Map<String, Map<String, Long>> sections = parseSizeA(sz.out);
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Long> s = sections.getOrDefault("t" + i + ".o", Map.of());
            long ram = s.getOrDefault(".data", 0L) + s.getOrDefault(".bss", 0L);
            long flash = 0;
            for (Map.Entry<String, Long> e : s.entrySet()) {
                if (e.getKey().startsWith(".rodata") || e.getKey().startsWith(".data.rel.ro")) {
                    flash += e.getValue();
                }
            }
            StaticTable t = tables.get(i);
            if (ram != t.ramBytes() || flash != t.flashBytes()) {
                problems.add(profile.name() + " " + inputs.get(i).name() + ": size -A says RAM " + ram + ", flash "
                        + flash + "; the table says " + t.ramBytes() + ", " + t.flashBytes());
            }
        }

        List<String> link = gcc(layout);
        link.addAll(List.of("-no-pie", "-o", "walker", RESOURCES.resolve("walker.c").toString(), "roots.c"));
        for (String s : sources) {
            link.add(s.replace(".c", ".o"));
        }
        Run ld = run(work, link);
        if (ld.status != 0) {
            problems.add(profile.name() + ": linking the walker failed: " + firstLines(ld.err, 5));
            return problems;
        }
        List<String> exec = new ArrayList<>();
        if (layout.pointerBytes() == 4 && qemuI386() != null) {
            // 32-bit programs run through user-mode QEMU where the host kernel has no 32-bit support
            exec.add(qemuI386());
        }
        exec.add(work.resolve("walker").toString());
        Run walk = run(work, exec);
        if (walk.status != 0) {
            problems.add(profile.name() + ": the walker failed (" + walk.status + "): " + firstLines(walk.err, 3));
            return problems;
        }
        String diff = firstDifference(expected.toByteArray(), walk.outBytes);
        if (diff != null) {
            problems.add(profile.name() + ": the walker's dump differs from the Java dump: " + diff);
        }
        return problems;
    }

    private static String qemuCache;

    static synchronized String qemuI386() {
        if (qemuCache == null) {
            qemuCache = "";
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(dir, "qemu-i386"))) {
                    qemuCache = Path.of(dir, "qemu-i386").toString();
                    break;
                }
            }
        }
        return qemuCache.isEmpty() ? null : qemuCache;
    }

    /** {@code size -A} prints, per file, "NAME  :" then "section size addr" lines. */
    static Map<String, Map<String, Long>> parseSizeA(String text) {
        Map<String, Map<String, Long>> out = new HashMap<>();
        Map<String, Long> current = null;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.endsWith(":") && l.contains(".o")) {
                current = new HashMap<>();
                out.put(l.substring(0, l.indexOf(' ') < 0 ? l.length() - 1 : l.indexOf(' ')), current);
            } else if (current != null && l.startsWith(".")) {
                String[] f = l.split("\\s+");
                current.merge(f[0], Long.parseLong(f[1]), Long::sum);
            }
        }
        return out;
    }

    /** The first line where the two dumps part, with its line number; null when equal. */
    static String firstDifference(byte[] want, byte[] got) {
        String[] a = new String(want, StandardCharsets.ISO_8859_1).split("\n", -1);
        String[] b = new String(got, StandardCharsets.ISO_8859_1).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end>";
            String y = i < b.length ? b[i] : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": want [" + x + "] got [" + y + "]";
            }
        }
        return null;
    }

    record Run(int status, String out, byte[] outBytes, String err) {
    }

    static Run run(Path dir, List<String> cmd) throws IOException {
        Path outFile = Files.createTempFile(dir, "out", ".txt");
        Path errFile = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(outFile.toFile())
                .redirectError(errFile.toFile()).start();
        try {
            if (!p.waitFor(600, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        byte[] out = Files.readAllBytes(outFile);
        String err = Files.readString(errFile, StandardCharsets.ISO_8859_1);
        Files.delete(outFile);
        Files.delete(errFile);
        return new Run(p.exitValue(), new String(out, StandardCharsets.ISO_8859_1), out, err);
    }

    private static String firstLines(String s, int n) {
        String[] lines = s.split("\n");
        return String.join(" | ", java.util.Arrays.copyOf(lines, Math.min(n, lines.length)));
    }

    static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
