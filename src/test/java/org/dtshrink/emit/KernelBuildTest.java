package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The patch and the tables inside configured Linux 6.12 trees, compiled by Debian's cross compilers against the
 * real headers: arm {@code mps2_defconfig} with mps2-an385, arm64 {@code defconfig} with sun50i-h6-beelink-gs1. In
 * each, the kernel build itself makes the table (CONFIG_OF_STATIC_TREE_SOURCE: its dtc compiles the board, its probe
 * measures the structs, {@code $(DTSHRINK) emit-c} writes the table) and compiles it; then the patch's checked-in
 * table, made with the built-in profile, compiles too, so the built-in profile is the real headers' layout. Both
 * objects' {@code size -A} equals what emit-c computes. Only {@code make prepare} and drivers/of are built (about a
 * minute and a half per architecture on two cores). Needs the whole kernel source (run-tests unpacks it into its
 * cache, ~/.cache/dtshrink), make, and the cross compilers; skipped, and says so, without them.
 */
class KernelBuildTest {

    private record Arch(String arch, String cross, String defconfig, String board, String profile) {
    }

    private static final List<Arch> ARCHES = List.of(
            new Arch("arm", "arm-linux-gnueabihf-", "mps2_defconfig", "arm/mps2-an385", "linux-6.12-arm-mps2"),
            new Arch("arm64", "aarch64-linux-gnu-", "defconfig", "allwinner/sun50i-h6-beelink-gs1",
                    "linux-6.12-arm64"));

    /**
     * Where the patched tree and the builds go: beside the kernel source in run-tests' cache, outside the project,
     * so that nothing walking the project directory walks them; one directory per checkout, as checkouts on one
     * machine share the cache.
     */
    private static final Path WORK = cache().resolve("kernel-build-" + Integer.toHexString(
            Path.of("").toAbsolutePath().toString().hashCode()));

    static Path cache() {
        String c = System.getenv("DTSHRINK_CACHE");
        if (c != null) {
            return Path.of(c).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("dtshrink");
    }

    @Test
    void tablesCompileInConfiguredKernelTreesAndSizeAsComputed() throws Exception {
        Path src = KernelPatchTest.kernelSource();
        Assumptions.assumeTrue(Files.isRegularFile(src.resolve("Makefile"))
                && Files.isDirectory(src.resolve("arch/arm64")), "the whole Linux 6.12 source not found at " + src);
        for (String tool : List.of("make", "flex", "bison", "patch", "arm-linux-gnueabihf-gcc",
                "aarch64-linux-gnu-gcc")) {
            Assumptions.assumeTrue(CTableCheck.run(Path.of("."), List.of("sh", "-c", "command -v " + tool))
                    .status() == 0, tool + " not found");
        }
        Corpus.assumePresent();
        if (Files.exists(WORK)) {
            CTableCheck.deleteTree(WORK);
        }
        Files.createDirectories(WORK);
        long t0 = System.nanoTime();
        Path tree = patchedTree(src);
        System.out.printf("kernel build: patched tree (hard links) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Path dtshrink = launcher();
        List<String> problems = new ArrayList<>();
        for (Arch a : ARCHES) {
            problems.addAll(build(tree, a, dtshrink));
        }
        assertThat(problems).isEmpty();
    }

    /** A hard-linked copy of the source with the patch applied (patch replaces the files it changes). */
    private static Path patchedTree(Path src) throws IOException {
        Path tree = WORK.resolve("linux");
        CTableCheck.Run cp = CTableCheck.run(WORK, List.of("cp", "-al", src.toString(), tree.toString()));
        if (cp.status() != 0) {
            // another file system: a real copy
            CTableCheck.deleteTree(tree);
            cp = CTableCheck.run(WORK, List.of("cp", "-a", src.toString(), tree.toString()));
        }
        assertThat(cp.status()).as(cp.err()).isZero();
        Path patch = WORK.resolve("static-tree.patch");
        Files.write(patch, emit(ARCHES.get(0)).patch);
        CTableCheck.Run p = CTableCheck.run(tree, List.of("patch", "-s", "-p1", "-i", patch.toString()));
        assertThat(p.status()).as(p.out() + p.err()).isZero();
        assertThat(Files.readString(src.resolve("drivers/of/Makefile"))).doesNotContain("static-tree");
        return tree;
    }

    private record Emitted(byte[] table, byte[] patch, StaticTable sizes) {
    }

    /** The patch (with its checked-in table) for the board under the built-in profile of the architecture. */
    private static Emitted emit(Arch a) throws IOException {
        Path blob = Corpus.root().resolve("kernel/arch/" + a.arch() + "/boot/dts/" + a.board() + ".dtb");
        byte[] bytes = Files.readAllBytes(blob);
        StaticTable t = new StaticTable(UnflattenedTree.of(FdtReader.read(bytes, blob.toString()),
                KernelProfiles.find(a.profile()), blob.toString()));
        Provenance prov = new Provenance("test", blob.getFileName().toString(), Provenance.sha256(bytes),
                "of the file", List.of("--profile " + a.profile()));
        byte[] c = CTableWriter.write(t, prov, CTableWriter.DEFAULT_ROOT_FUNCTION);
        byte[] patch = KernelPatch.write(c, KernelPatch.DEFAULT_PATH, prov, KernelPatchTest.SIGNOFF,
                new KernelPatch.Figures(t, bytes.length, -1));
        return new Emitted(c, patch, t);
    }

    /** dtshrink as the kernel build runs it: this test's classes, through a script. */
    private static Path launcher() throws IOException {
        Path script = WORK.resolve("dtshrink");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '"
                + System.getProperty("java.class.path") + "' org.dtshrink.cli.Main \"$@\"\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private static List<String> build(Path tree, Arch a, Path dtshrink) throws Exception {
        List<String> problems = new ArrayList<>();
        Path out = WORK.resolve("build-" + a.arch());
        Files.createDirectories(out);
        List<String> make = List.of("make", "-C", tree.toString(), "O=" + out, "ARCH=" + a.arch(),
                "CROSS_COMPILE=" + a.cross(), "DTSHRINK=" + dtshrink);
        long t0 = System.nanoTime();
        make(out, make, a.defconfig());
        CTableCheck.Run cfg = CTableCheck.run(out, List.of(tree.resolve("scripts/config").toString(), "--file",
                ".config", "-e", "OF_STATIC_TREE", "--set-str", "OF_STATIC_TREE_SOURCE", a.board()));
        assertThat(cfg.status()).as(cfg.err()).isZero();
        make(out, make, "olddefconfig");
        assertThat(Files.readString(out.resolve(".config"))).contains("CONFIG_OF_STATIC_TREE=y\n",
                "CONFIG_OF_STATIC_TREE_SOURCE=\"" + a.board() + "\"\n");
        String log = make(out, make, "-j2", "drivers/of/");
        System.out.printf("kernel build: %s %s, make prepare and drivers/of/ in %.0f s%n", a.arch(), a.defconfig(),
                (System.nanoTime() - t0) / 1e9);
        assertThat(log).contains("DTSHRINK drivers/of/static_tree_gen.c", "CC      drivers/of/static_tree_gen.o");
        assertThat(log).doesNotContainIgnoringCase("warning:");

        // what the build made: its dtc's blob, its probe's profile, the table from both, the boot blob
        String name = a.board().substring(a.board().lastIndexOf('/') + 1);
        Path dtb = out.resolve("drivers/of/" + name + ".dtb");
        KernelProfile measured = KernelProfiles.load(out.resolve("drivers/of/static_tree.profile"));
        assertThat(measured.nodeSize()).isEqualTo(KernelProfiles.find(a.profile()).nodeSize());
        StaticTable expected = new StaticTable(UnflattenedTree.of(FdtReader.read(Files.readAllBytes(dtb),
                dtb.toString()), measured, dtb.toString()));
        assertThat(out.resolve("arch/" + a.arch() + "/boot/" + name + "-boot.dtb")).isRegularFile();
        problems.addAll(sizes(out, a, "drivers/of/static_tree_gen.o", expected));

        // the patch's checked-in table of the board, under the built-in profile, against the same headers
        Emitted checkedIn = emit(a);
        Files.write(tree.resolve("drivers/of/static_tree.c"), checkedIn.table());
        String one = make(out, make, "drivers/of/static_tree.o");
        assertThat(one).contains("CC      drivers/of/static_tree.o").doesNotContainIgnoringCase("warning:");
        problems.addAll(sizes(out, a, "drivers/of/static_tree.o", checkedIn.sizes()));

        if (a.arch().equals("arm")) {
            // a table made for another configuration does not build: its static_asserts stop it
            Emitted other = emit(new Arch(a.arch(), a.cross(), a.defconfig(), a.board(), "linux-6.12-arm-stm32"));
            Files.write(tree.resolve("drivers/of/static_tree.c"), other.table());
            List<String> cmd = new ArrayList<>(make);
            cmd.add("drivers/of/static_tree.o");
            CTableCheck.Run refused = CTableCheck.run(out, cmd);
            assertThat(refused.status()).isNotZero();
            assertThat(refused.out() + refused.err()).contains("static assertion failed: \"struct property is not as"
                    + " in profile linux-6.12-arm-stm32\"");
            Files.write(tree.resolve("drivers/of/static_tree.c"), checkedIn.table());
            // made again when the board's source changes, and only then
            assertThat(make(out, make, "drivers/of/")).doesNotContain("DTSHRINK");
            // touched as a new file, not through the hard link to the source tree
            Path dts = tree.resolve("arch/arm/boot/dts/" + a.board() + ".dts");
            Path copy = dts.resolveSibling(name + ".dts.new");
            Files.copy(dts, copy);
            Files.move(copy, dts, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertThat(make(out, make, "drivers/of/")).contains("DTC     drivers/of/" + name + ".dtb",
                    "DTSHRINK drivers/of/static_tree_gen.c");
        }
        return problems;
    }

    /** {@code size -A} of the object against the table's own figures; prints both for the CI log. */
    private static List<String> sizes(Path out, Arch a, String object, StaticTable t) throws IOException {
        CTableCheck.Run sz = CTableCheck.run(out, List.of(a.cross() + "size", "-A", object));
        assertThat(sz.status()).as(sz.err()).isZero();
        Map<String, Long> s = CTableCheck.parseSizeA(sz.out()).values().iterator().next();
        long data = s.getOrDefault(".data", 0L);
        long rodata = s.getOrDefault(".rodata", 0L);
        System.out.printf("kernel build: %s %s: size -A .data %d .rodata %d; emit-c --sizes: table RAM %d, flash %d"
                + " (%s)%n", a.arch(), object, data, rodata, t.ramBytes(), t.flashBytes(),
                t.tree().profile().name());
        List<String> problems = new ArrayList<>();
        if (data != t.ramBytes() || rodata != t.flashBytes() || s.getOrDefault(".bss", 0L) != 0) {
            problems.add(a.arch() + " " + object + ": size -A " + s + ", emit-c " + t.ramBytes() + "/"
                    + t.flashBytes());
        }
        return problems;
    }

    private static String make(Path out, List<String> make, String... targets) throws IOException {
        List<String> cmd = new ArrayList<>(make);
        cmd.addAll(List.of(targets));
        CTableCheck.Run r = CTableCheck.run(out, cmd);
        String log = r.out() + r.err();
        Files.writeString(out.resolve("make-" + String.join("-", targets).replace('/', '_') + ".log"), log,
                StandardCharsets.UTF_8);
        assertThat(r.status()).as(String.join(" ", targets) + ": " + tail(log)).isZero();
        return log;
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 20), lines.length));
    }
}
