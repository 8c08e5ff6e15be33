package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patch against a real Linux 6.12 tree: Debian's linux-source-6.12 unpacked at {@code ../linux-6.12} (or
 * {@code -Ddtshrink.kernel-src=DIR}); those tests are skipped, and say so, without it.
 */
class KernelPatchTest {

    static final List<String> TOUCHED = List.of("Kconfig", "Makefile", "of_private.h", "fdt.c");

    @TempDir
    Path work;

    static Path kernelSource() {
        String p = System.getProperty("dtshrink.kernel-src", System.getenv("DTSHRINK_KERNEL_SRC"));
        return (p != null ? Path.of(p) : Path.of("..", "linux-6.12")).toAbsolutePath().normalize();
    }

    static byte[] table(String path) throws IOException {
        Path blob = Corpus.root().resolve("kernel/arch/arm/boot/dts/arm/mps2-an385.dtb");
        Corpus.assumePresent();
        UnflattenedTree t = UnflattenedTree.of(FdtReader.read(Files.readAllBytes(blob), blob.toString()),
                KernelProfiles.find("linux-6.12-arm-mps2"), blob.toString());
        return CTableWriter.write(new StaticTable(t), new Provenance("test", "mps2-an385.dtb", "0".repeat(64),
                "the file", List.of()), CTableWriter.DEFAULT_ROOT_FUNCTION);
    }

    private static Provenance provenance() {
        return new Provenance("test", "mps2-an385.dtb", "ab".repeat(32), "the file", List.of());
    }

    @Test
    void theTableIsANewFileOfThePatchLineForLine() throws IOException {
        byte[] c = table(KernelPatch.DEFAULT_PATH);
        String patch = new String(KernelPatch.write(c, "drivers/of/board/tree.c", provenance()),
                StandardCharsets.US_ASCII);
        String cText = new String(c, StandardCharsets.US_ASCII);
        int lines = cText.split("\n", -1).length - 1;
        String newFile = "--- /dev/null\n+++ b/drivers/of/board/tree.c\n@@ -0,0 +1," + lines + " @@\n";
        assertThat(patch).contains(newFile, "+obj-$(CONFIG_OF_STATIC_TREE) += board/tree.o\n",
                "+\t  Link in the device tree as the static C table drivers/of/board/tree.c\n");
        String body = patch.substring(patch.indexOf(newFile) + newFile.length());
        assertThat(body.replaceAll("(?m)^\\+", "")).isEqualTo(cText);
    }

    @Test
    void appliesToLinux612AndLeavesTheTableInPlace() throws Exception {
        Path src = kernelSource();
        Assumptions.assumeTrue(Files.isRegularFile(src.resolve("drivers/of/fdt.c")),
                "Linux 6.12 source not found at " + src);
        Path of = Files.createDirectories(work.resolve("drivers/of"));
        for (String f : TOUCHED) {
            Files.copy(src.resolve("drivers/of").resolve(f), of.resolve(f));
        }
        byte[] c = table(KernelPatch.DEFAULT_PATH);
        Path patch = work.resolve("static-tree.patch");
        Files.write(patch, KernelPatch.write(c, KernelPatch.DEFAULT_PATH, provenance()));
        CTableCheck.Run r = CTableCheck.run(work, List.of("patch", "-p1", "--no-backup-if-mismatch", "-i",
                patch.toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).doesNotContain("offset", "fuzz");
        assertThat(Files.readAllBytes(of.resolve("static_tree.c"))).isEqualTo(c);
        assertThat(Files.readString(of.resolve("fdt.c"))).contains("\tif (IS_ENABLED(CONFIG_OF_STATIC_TREE)) {\n",
                "\t\tof_root = of_static_tree_root();\n", "\t\t__unflatten_device_tree(fdt, NULL, &of_root,\n",
                "\tof_alias_scan(early_init_dt_alloc_memory_arch);\n");
        assertThat(Files.readString(of.resolve("Makefile")))
                .contains("obj-$(CONFIG_OF_STATIC_TREE) += static_tree.o\n");
        assertThat(Files.readString(of.resolve("Kconfig"))).contains("config OF_STATIC_TREE\n\tbool ");
        assertThat(Files.readString(of.resolve("of_private.h")))
                .contains("extern struct device_node *of_static_tree_root(void);\n");
    }

    @Test
    void pathsOutsideDriversOfAreRefused() {
        assertThat(KernelPatch.isValidPath("drivers/of/static_tree.c")).isTrue();
        assertThat(KernelPatch.isValidPath("drivers/of/x/y.c")).isTrue();
        assertThat(KernelPatch.isValidPath("drivers/of/../x.c")).isFalse();
        assertThat(KernelPatch.isValidPath("arch/arm/x.c")).isFalse();
        assertThat(KernelPatch.isValidPath("drivers/of/x.h")).isFalse();
    }
}
