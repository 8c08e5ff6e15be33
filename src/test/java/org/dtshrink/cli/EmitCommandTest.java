package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmitCommandTest {

    @TempDir
    Path dir;

    private static String blob(String dir, String name) {
        Corpus.assumePresent();
        return Corpus.root().resolve("kernel/arch/arm/boot/dts/" + dir + "/" + name + ".dtb").toString();
    }

    @Test
    void sizesOfTheTalkBoardUnderTheTinyKernel() {
        String b = blob("st", "stm32f469-disco");
        CliRun r = run("emit-c", b, "--profile", "linux-6.12-arm-tiny", "--sizes");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(b + " under linux-6.12-arm-tiny (Linux 6.12, 32-bit, OF_KOBJ n, OF_DYNAMIC n)\n"
                + "  nodes               115 of 171 in the blob\n"
                + "  properties          517 (115 made-up names)\n"
                + "  table RAM          8280 bytes (.data: 115 struct device_node x 72)\n"
                + "  table flash       13456 bytes (.rodata: 517 struct property x 16, values 3187, strings 1813,"
                + " padding 184)\n"
                + "  unflattening      18924 bytes of RAM allocated at boot, plus the 19761-byte blob it keeps\n"
                + "  boot DTB            852 bytes (what early boot reads before the table takes over)\n"
                + "  in RAM         struct device_node only: the kernel writes its _flags, fwnode (device links) and\n"
                + "                 data. struct property, values and names are const: the patched kernel copies a\n"
                + "                 property to RAM before it changes one.\n"
                // sha256sum of the dump, and what the patched kernel prints with CONFIG_OF_STATIC_TREE_DIGEST
                + "  dump sha256    4b8c444de64783f37352dcfcf699b51428f9d8f16fc955798d03e8991fb7cb38\n"
                + "  boot RAM       (dtshrink cost's categories) unflattened       table\n"
                + "    unflatten allocation                         18924           0\n"
                + "    alias table                                     27          27\n"
                + "    /sys/firmware/devicetree                       224           0\n"
                + "    devices                                      18208       17920\n"
                + "    fw_devlink links                             16384       16384\n"
                + "    RAM total, with the table's .data            53767       42611\n"
                + "      pages of 4 KiB                                14          11\n"
                // the objects behind the slab figures (the clk core's names of the four fixed clocks among
                // kmalloc-32's: the table keeps them in .rodata)
                + "  slab objects   (cache, object size)       unflattened       table\n"
                + "    kmalloc-128 128                                 48          48\n"
                + "    kmalloc-32 32                                   78          68\n"
                + "    kmalloc-512 512                                 48          48\n"
                + "    kmalloc-64 64                                   23          22\n"
                + "    proc_dir_entry 128                               1           0\n");
    }

    @Test
    void theDumpsDigestIsSha256sumOfTheDump() throws Exception {
        String b = blob("arm", "mps2-an385");
        Path dump = dir.resolve("tree.txt");
        CliRun r = run("emit-c", b, "--profile", "linux-6.12-arm-mps2", "--dump", dump.toString(), "--sizes");
        assertThat(r.code()).isZero();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        String hex = java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(dump)));
        // the figure the booted kernel printed for this tree (docs/emit.md): "OF: static tree: sha256 98ec0a5c..."
        assertThat(hex).isEqualTo("98ec0a5c63f25e7f6fc4eeaed76cabb520c377251bffb410cf5403685a47fcb3");
        assertThat(r.out()).contains("\n  dump sha256    " + hex + "\n");
    }

    @Test
    void theSameInputGivesTheSameBytesAndTheHeaderSaysWhatMadeThem() throws Exception {
        String b = blob("arm", "mps2-an385");
        Path one = dir.resolve("one.c");
        Path two = dir.resolve("two.c");
        assertThat(run("emit-c", b, "--profile", "linux-6.12-arm-mps2", "-o", one.toString()).code()).isZero();
        assertThat(run("emit-c", "--profile", "linux-6.12-arm-mps2", b, "--out", two.toString()).code()).isZero();
        byte[] c = Files.readAllBytes(one);
        assertThat(Files.readAllBytes(two)).isEqualTo(c);
        String text = new String(c, java.nio.charset.StandardCharsets.US_ASCII);
        // the input outside a kernel tree is named by its file name: nothing depends on where it is
        assertThat(text).startsWith("// SPDX-License-Identifier: GPL-2.0\n/*\n * The device tree"
                + " unflatten_device_tree() would build from mps2-an385.dtb, as\n * static data. Generated by"
                + " dtshrink dev (dtshrink emit-c); do not edit.\n *\n"
                + " * Input:   mps2-an385.dtb\n"
                + " * SHA-256: e1dccb4deb7fd44e2d7e2bf1202e4e0d968ce2168782334150e94bf395abf7fd\n"
                + " * Profile: linux-6.12-arm-mps2: Linux 6.12.117, arm mps2_defconfig\n"
                + " * Options: --profile linux-6.12-arm-mps2\n");
        assertThat(text).doesNotContain(dir.toString(), Corpus.root().toString());
        assertThat(text).contains(" RAM 3132 bytes (.data), flash 9952 bytes (.rodata).\n",
                "static_assert(sizeof(struct device_node) == 108,\n");
    }

    /** The header's fields with their continuation lines joined. */
    static String header(String c) {
        return c.substring(0, c.indexOf(" */\n")).replace("\n *          ", " ");
    }

    /**
     * Everything after the header comment, the table itself, without the comments naming phandle references (a
     * blob has no labels for them).
     */
    private static String body(String c) {
        return c.substring(c.indexOf(" */\n") + 4).replaceAll(" /\\* &[^*]* \\*/", "");
    }

    @Test
    void pruningOptionsBuildTheTableOfThePrunedTree() throws Exception {
        String sample = "dts-samples/stm32f4-mini.dts";
        String usage = "dts-samples/linux-6.12-stm32_defconfig.usage";
        Path pruned = dir.resolve("pruned.dtb");
        assertThat(run("prune", sample, "--usage", usage, "-o", pruned.toString()).code()).isZero();
        Path direct = dir.resolve("direct.c");
        Path viaBlob = dir.resolve("via-blob.c");
        Path whole = dir.resolve("whole.c");
        assertThat(run("emit-c", sample, "--usage", usage, "-o", direct.toString(), "--dump",
                dir.resolve("direct.txt").toString()).code()).isZero();
        assertThat(run("emit-c", pruned.toString(), "-o", viaBlob.toString(), "--dump",
                dir.resolve("via-blob.txt").toString()).code()).isZero();
        assertThat(run("emit-c", sample, "-o", whole.toString(), "--dump", dir.resolve("whole.txt").toString())
                .code()).isZero();
        String c = Files.readString(direct);
        assertThat(header(c)).contains(" * Options: --profile linux-6.12-arm-stm32 (default) --usage " + usage + "\n");
        // the same tree, spelled by the source's types in one and by a blob's guesses in the other
        assertThat(Files.readString(dir.resolve("direct.txt"))).isEqualTo(Files.readString(dir.resolve("via-blob.txt")))
                .isNotEqualTo(Files.readString(dir.resolve("whole.txt")));
        assertThat(body(c)).isNotEqualTo(body(Files.readString(whole)));
        CliRun sizes = run("emit-c", sample, "--usage", usage, "--sizes");
        assertThat(sizes.out()).contains("\n  pruned first   1 properties and 9 nodes removed (blob 5828 -> 4640 bytes)\n",
                "\n  nodes                38 of 38 in the blob\n");
        assertThat(sizes.out().substring(sizes.out().indexOf("\n  nodes")))
                .isEqualTo(run("emit-c", pruned.toString(), "--sizes").out().replaceFirst("^[^\n]*", ""));
        // --keep alone says nothing of what the kernel reads
        CliRun keepOnly = run("emit-c", sample, "--keep", "st,*", "--sizes");
        assertThat(keepOnly.code()).isEqualTo(1);
        assertThat(keepOnly.err()).startsWith("error: nothing says what the kernel reads");
    }

    @Test
    void dumpIsTheUnflattenedTreeAsText() throws Exception {
        Path c = dir.resolve("t.c");
        Path dump = dir.resolve("t.txt");
        assertThat(run("emit-c", "dts-samples/stm32f4-mini.dtb", "--profile", "linux-6.12-arm-mps2", "-o",
                c.toString(), "--dump", dump.toString()).code()).isZero();
        assertThat(Files.readString(dump)).startsWith("node /\n full_name \n name \n phandle 0x0\n prop ")
                .doesNotContain("#include").contains("\nnode /soc\n full_name soc\n name soc\n");
        // where the dump went is not part of what made the table
        assertThat(Files.readString(c)).contains(" * Options: --profile linux-6.12-arm-mps2\n");
        Path only = dir.resolve("only.txt");
        assertThat(run("emit-c", "dts-samples/stm32f4-mini.dtb", "--profile", "linux-6.12-arm-mps2", "--dump",
                only.toString()).code()).isZero();
        assertThat(Files.readString(only)).isEqualTo(Files.readString(dump));
    }

    @Test
    void theDefaultProfileIsNamedInTheHeader() throws Exception {
        Path out = dir.resolve("t.c");
        assertThat(run("emit-c", blob("arm", "mps2-an385"), "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(out)).contains(" * Options: --profile linux-6.12-arm-stm32 (default)\n");
    }

    @Test
    void usageMistakesExitWithTwo() {
        String b = blob("arm", "mps2-an385");
        CliRun unknown = run("emit-c", b, "--profile", "nope", "--sizes");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown profile 'nope' (known: ");
        CliRun path = run("emit-c", b, "--kernel-patch", dir.resolve("p").toString(), "--patch-path", "kernel/x.c");
        assertThat(path.code()).isEqualTo(2);
        assertThat(path.err()).startsWith("--patch-path must name a new .c file in drivers/of/: kernel/x.c");
        CliRun signoff = run("emit-c", b, "--kernel-patch", dir.resolve("p").toString(), "--signoff", "nobody");
        assertThat(signoff.code()).isEqualTo(2);
        assertThat(signoff.err()).startsWith("--signoff must be 'Name <address>': nobody");
        assertThat(dir.resolve("p")).doesNotExist();
        CliRun fn = run("emit-c", b, "--root-function", "1x", "--sizes");
        assertThat(fn.code()).isEqualTo(2);
        assertThat(fn.err()).startsWith("--root-function must be a C identifier: 1x");
    }

    @Test
    void badInputIsOneLineAndExitsWithOne() throws Exception {
        Path bad = dir.resolve("bad.dtb");
        Files.write(bad, new byte[] {(byte) 0xd0, 0x0d, (byte) 0xfe, (byte) 0xed, 0, 0, 0, 8});
        CliRun r = run("emit-c", bad.toString(), "--sizes");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad + ": offset 0x").doesNotContain("Exception").hasLineCount(1);
    }
}
