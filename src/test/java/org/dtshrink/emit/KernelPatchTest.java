package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patch against a real Linux 6.12 tree: Debian's linux-source-6.12, which run-tests unpacks into its cache (or
 * {@code ../linux-6.12}, or {@code -Ddtshrink.kernel-src=DIR}); those tests are skipped, and say so, without it.
 * The kernel's own scripts/checkpatch.pl --strict finds nothing to say about it, and git am applies it.
 */
class KernelPatchTest {

    static final List<String> TOUCHED = List.of("Kconfig", "Makefile", "of_private.h", "fdt.c", "base.c", "kobj.c");
    static final String SIGNOFF = "A U Thor <author@example.org>";

    @TempDir
    Path work;

    static Path kernelSource() {
        String p = System.getProperty("dtshrink.kernel-src", System.getenv("DTSHRINK_KERNEL_SRC"));
        return (p != null ? Path.of(p) : Path.of("..", "linux-6.12")).toAbsolutePath().normalize();
    }

    private record Emitted(byte[] table, byte[] patch) {
    }

    /** The table and patch of a corpus board under a profile, as emit-c --kernel-patch writes them. */
    private static Emitted emit(String board, String profile) throws IOException {
        Corpus.assumePresent();
        Path blob = Corpus.root().resolve("kernel").resolve(board);
        byte[] bytes = Files.readAllBytes(blob);
        UnflattenedTree t = UnflattenedTree.of(FdtReader.read(bytes, blob.toString()), KernelProfiles.find(profile),
                blob.toString());
        StaticTable table = new StaticTable(t);
        Provenance prov = new Provenance("test", Provenance.name(blob, Corpus.root().resolve("kernel")),
                Provenance.sha256(bytes), "of the file", List.of("--profile " + profile));
        byte[] c = CTableWriter.write(table, prov, CTableWriter.DEFAULT_ROOT_FUNCTION);
        byte[] patch = KernelPatch.write(c, KernelPatch.DEFAULT_PATH, prov, SIGNOFF,
                new KernelPatch.Figures(table, bytes.length, 753));
        return new Emitted(c, patch);
    }

    private static Emitted mps2() throws IOException {
        return emit("arch/arm/boot/dts/arm/mps2-an385.dtb", "linux-6.12-arm-mps2");
    }

    @Test
    void theTableIsANewFileOfThePatchLineForLine() throws IOException {
        Emitted e = mps2();
        Path blob = Corpus.root().resolve("kernel/arch/arm/boot/dts/arm/mps2-an385.dtb");
        UnflattenedTree t = UnflattenedTree.of(FdtReader.read(Files.readAllBytes(blob), "b"),
                KernelProfiles.find("linux-6.12-arm-mps2"), "b");
        String patch = new String(KernelPatch.write(e.table(), "drivers/of/board_tree.c", new Provenance("test",
                "mps2-an385.dtb", "ab".repeat(32), "of the file", List.of()), SIGNOFF,
                new KernelPatch.Figures(new StaticTable(t), 3756, 753)), StandardCharsets.UTF_8);
        String cText = new String(e.table(), StandardCharsets.US_ASCII);
        int lines = cText.split("\n", -1).length - 1;
        String newFile = "--- /dev/null\n+++ b/drivers/of/board_tree.c\n@@ -0,0 +1," + lines + " @@\n";
        assertThat(patch).startsWith("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n"
                + "From: " + SIGNOFF + "\nSubject: [PATCH] of: add a device tree unflattened at build time\n\n");
        assertThat(patch).contains("\n\nSigned-off-by: " + SIGNOFF + "\n---\n", newFile,
                "+obj-$(CONFIG_OF_STATIC_TREE) += $(if $(static-tree-source),static_tree_gen.o,board_tree.o)\n",
                "+\t  The table is drivers/of/board_tree.c, or the one the build makes from\n",
                "For this tree: 29 nodes and 158 properties, 3132 bytes of .data and 9952\nbytes of .rodata");
        String body = patch.substring(patch.indexOf(newFile) + newFile.length());
        assertThat(body.replaceAll("(?m)^\\+", "")).isEqualTo(cText);
    }

    @Test
    void gitAmAppliesItToLinux612() throws Exception {
        Path src = kernelSource();
        Assumptions.assumeTrue(Files.isRegularFile(src.resolve("drivers/of/fdt.c")),
                "Linux 6.12 source not found at " + src);
        Assumptions.assumeTrue(CTableCheck.run(work, List.of("git", "--version")).status() == 0, "git not found");
        // drivers/of and drivers/base/core.c as a git tree: all the patch touches
        Path repo = work.resolve("linux");
        Path of = Files.createDirectories(repo.resolve("drivers/of"));
        try (var files = Files.list(src.resolve("drivers/of"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, of.resolve(f.getFileName()));
                }
            }
        }
        Files.copy(src.resolve("drivers/base/core.c"), Files.createDirectories(repo.resolve("drivers/base"))
                .resolve("core.c"));
        List<String> git = List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.org");
        run(repo, git, "init", "-q");
        run(repo, git, "add", "-A");
        run(repo, git, "commit", "-q", "-m", "Linux 6.12");
        Emitted e = mps2();
        Path patch = work.resolve("static-tree.patch");
        Files.write(patch, e.patch());
        CTableCheck.Run am = run(repo, git, "am", patch.toString());
        assertThat(am.out()).contains("Applying: of: add a device tree unflattened at build time");
        assertThat(Files.readAllBytes(of.resolve("static_tree.c"))).isEqualTo(e.table());
        assertThat(Files.readString(of.resolve("fdt.c"))).contains("\tif (IS_ENABLED(CONFIG_OF_STATIC_TREE)) {\n",
                "\t\tof_root = of_static_tree_root();\n", "\t\t__unflatten_device_tree(fdt, NULL, &of_root,\n",
                "\tof_alias_scan(early_init_dt_alloc_memory_arch);\n");
        assertThat(Files.readString(of.resolve("Makefile"))).contains("obj-$(CONFIG_OF_STATIC_TREE) += ",
                "$(obj)/static_tree_gen.c: ");
        assertThat(Files.readString(of.resolve("Kconfig"))).contains("config OF_STATIC_TREE\n\tbool ",
                "config OF_STATIC_TREE_SOURCE\n\tstring ", "config OF_STATIC_TREE_PRUNE\n\tbool ");
        assertThat(Files.readString(of.resolve("of_private.h")))
                .contains("\nstruct device_node *of_static_tree_root(void);\n",
                        "static inline bool of_property_is_const(const struct property *pp)\n");
        assertThat(of.resolve("static_tree_profile.c")).isRegularFile();
        // the run-time side: sysfs takes the table's attributes, changes copy first, the tree can stay out of sysfs
        assertThat(of.resolve("static.c")).isRegularFile();
        assertThat(Files.readString(of.resolve("kobj.c"))).contains("\tif (!of_property_is_const(pp)) {\n",
                "\t\tname = kstrdup_const(orig_name, GFP_KERNEL);\n");
        assertThat(Files.readString(of.resolve("base.c"))).contains("\trc = of_static_prepare_add(np, &prop);\n",
                "\trc = of_static_prepare_remove(np, &prop);\n", "\trc = of_static_prepare_add(np, &newprop);\n",
                "IS_ENABLED(CONFIG_OF_STATIC_TREE_SYSFS)");
        assertThat(Files.readString(of.resolve("Kconfig"))).contains("config OF_STATIC_TREE_SYSFS\n\tbool ",
                "config OF_STATIC_TREE_DIGEST\n\tbool ", "config OF_STATIC_TREE_SELFTEST\n\tbool ");
        assertThat(Files.readString(repo.resolve("drivers/base/core.c")))
                .contains("IS_ENABLED(CONFIG_OF_STATIC_TREE_SYSFS)");
        CTableCheck.Run log = run(repo, git, "log", "-1", "--format=%an <%ae>%n%B");
        assertThat(log.out()).startsWith(SIGNOFF + "\nof: add a device tree unflattened at build time\n")
                .endsWith("\nSigned-off-by: " + SIGNOFF + "\n\n");
    }

    private static CTableCheck.Run run(Path dir, List<String> git, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(git);
        cmd.addAll(List.of(args));
        CTableCheck.Run r = CTableCheck.run(dir, cmd);
        assertThat(r.status()).as(String.join(" ", cmd) + ": " + r.err()).isZero();
        return r;
    }

    /**
     * scripts/checkpatch.pl --strict, as a kernel maintainer runs it, on the patch of each sample board under the
     * profile of its kernel, and under one with const properties: no error, no warning, no check.
     */
    @Test
    void checkpatchStrictFindsNothing() throws Exception {
        Path src = kernelSource();
        Assumptions.assumeTrue(Files.isRegularFile(src.resolve("scripts/checkpatch.pl")),
                "the kernel's scripts/checkpatch.pl not found under " + src);
        Assumptions.assumeTrue(CTableCheck.run(work, List.of("perl", "-v")).status() == 0, "perl not found");
        List<String> problems = new ArrayList<>();
        String[][] cases = {
            {"arch/arm/boot/dts/arm/mps2-an385.dtb", "linux-6.12-arm-mps2"},
            {"arch/arm/boot/dts/arm/mps2-an385.dtb", "linux-6.12-arm-tiny"},
            {"arch/arm/boot/dts/st/stm32f469-disco.dtb", "linux-6.12-arm-stm32"},
        };
        for (String[] c : cases) {
            Path patch = work.resolve(Path.of(c[0]).getFileName() + "-" + c[1] + ".patch");
            Files.write(patch, emit(c[0], c[1]).patch());
            CTableCheck.Run r = CTableCheck.run(src, List.of("perl", "scripts/checkpatch.pl", "--strict",
                    patch.toString()));
            String total = r.out().lines().filter(l -> l.startsWith("total: ")).findFirst().orElse(r.out() + r.err());
            System.out.println("checkpatch.pl --strict " + patch.getFileName() + ": " + total);
            if (!total.startsWith("total: 0 errors, 0 warnings, 0 checks,")) {
                problems.add(patch.getFileName() + ": " + r.out());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void pathsOutsideDriversOfAreRefused() {
        assertThat(KernelPatch.isValidPath("drivers/of/static_tree.c")).isTrue();
        assertThat(KernelPatch.isValidPath("drivers/of/board-tree.c")).isTrue();
        assertThat(KernelPatch.isValidPath("drivers/of/x/y.c")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/../x.c")).isFalse();
        assertThat(KernelPatch.isValidPath("arch/arm/x.c")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/x.h")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/static_tree_gen.c")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/static_tree_profile.c")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/static.c")).isFalse();
        assertThat(KernelPatch.isValidSignoff("A U Thor <a@example.org>")).isTrue();
        assertThat(KernelPatch.isValidSignoff("a@example.org")).isFalse();
        assertThat(KernelPatch.isValidSignoff("A <a@b> <c@d>")).isFalse();
    }
}
