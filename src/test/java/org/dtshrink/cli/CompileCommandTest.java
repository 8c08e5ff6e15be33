package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCommandTest {

    private static final Path SAMPLE = Path.of("dts-samples/stm32f4-mini.dts");
    private static final Path SAMPLE_DTB = Path.of("dts-samples/stm32f4-mini.dtb");

    @TempDir
    Path tmp;

    @Test
    void theSampleCompilesToDtcsBlob() throws Exception {
        Path out = tmp.resolve("mini.dtb");
        CliRun r = run("compile", SAMPLE.toString(), "-o", out.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
    }

    @Test
    void anOutputThatIsASymbolicLinkIsWrittenThroughAndKept() throws Exception {
        Path real = tmp.resolve("real.dtb");
        Files.writeString(real, "previous");
        Path link = Files.createSymbolicLink(tmp.resolve("link.dtb"), real);
        assertThat(run("compile", SAMPLE.toString(), "-o", link.toString()).code()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
    }

    @Test
    void anOutputThatIsAPipeIsWrittenIntoNotReplaced() throws Exception {
        // the case of -o /dev/null or /dev/stdout: a file renamed over them would replace the device
        Path fifo = tmp.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        java.util.concurrent.CompletableFuture<byte[]> read = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(run("compile", SAMPLE.toString(), "-o", fifo.toString()).code()).isZero();
        assertThat(read.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void decompiledSourceCompilesBackToTheSameBlob() throws Exception {
        Path dts = tmp.resolve("back.dts");
        Path dtb = tmp.resolve("back.dtb");
        assertThat(run("decompile", SAMPLE_DTB.toString(), "-o", dts.toString()).code()).isZero();
        assertThat(Files.readString(dts)).startsWith("/dts-v1/;");
        assertThat(run("compile", "-I", "dts", "-O", "dtb", "-o", dtb.toString(), dts.toString()).code()).isZero();
        assertThat(Files.readAllBytes(dtb)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
    }

    @Test
    void outputFormatFollowsTheInputAndTheFileName() throws Exception {
        Path dts = tmp.resolve("x.dts");
        assertThat(run("compile", "-I", "dtb", SAMPLE_DTB.toString(), "-o", dts.toString()).code()).isZero();
        assertThat(Files.readString(dts)).startsWith("/dts-v1/;");
        Path other = tmp.resolve("x.out");
        assertThat(run("compile", "-O", "dtb", dts.toString(), "-o", other.toString()).code()).isZero();
        assertThat(Files.readAllBytes(other)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
    }

    @Test
    void aSyntaxErrorIsOneLineAndLeavesTheOldOutputAlone() throws Exception {
        Path bad = tmp.resolve("bad.dts");
        Files.writeString(bad, "/dts-v1/;\n/ {\n\tx = <1 2;\n};\n");
        Path out = tmp.resolve("out.dtb");
        Files.writeString(out, "previous");
        CliRun r = run("compile", bad.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad + ":3:").contains(": error: ").endsWith("\n");
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(Files.readString(out)).isEqualTo("previous");
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("bad.dts", "out.dtb");
        }
    }

    @Test
    void anOldOutputIsReplacedWholeWithANewFilesPermissionsAndNoTemporaryIsLeft() throws Exception {
        Path out = tmp.resolve("out.dtb");
        Files.writeString(out, "a previous output, longer than the new blob would be if it were only overwritten"
                .repeat(100));
        Path reference = tmp.resolve("reference");
        Files.newOutputStream(reference).close();
        assertThat(run("compile", SAMPLE.toString(), "-o", out.toString()).code()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out.dtb", "reference");
        }
    }

    @Test
    void aMissingInputIsBadInput() {
        CliRun r = run("compile", tmp.resolve("nope.dts").toString(), "-o", tmp.resolve("o.dtb").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(tmp.resolve("nope.dts") + ": error: cannot read: no such file\n");
    }

    @Test
    void aTruncatedBlobNamesTheOffset() throws Exception {
        Path cut = tmp.resolve("cut.dtb");
        byte[] b = Files.readAllBytes(SAMPLE_DTB);
        Files.write(cut, java.util.Arrays.copyOf(b, 100));
        CliRun r = run("decompile", cut.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(cut + ": offset 0x").contains(": error: ");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run("compile", "-V", "5", SAMPLE.toString()).code()).isEqualTo(2);
        assertThat(run("compile", "-a", "3", SAMPLE.toString()).code()).isEqualTo(2);
        assertThat(run("compile", "--no-such-flag").code()).isEqualTo(2);
        assertThat(run("compile", "-O", "asm", SAMPLE.toString(), "-o", tmp.resolve("x").toString()).code())
                .isEqualTo(2);
        // a bad output format is refused before the input is read: a missing input is not what is reported
        CliRun r = run("compile", "-O", "asm", tmp.resolve("missing.dts").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown output format 'asm'").doesNotContain("missing.dts");
    }

    @Test
    void dtcLayoutFlagsReachTheWriter() throws Exception {
        Path out = tmp.resolve("padded.dtb");
        assertThat(run("compile", "-p", "0x100", "-b", "3", "-R", "2", SAMPLE.toString(), "-o", out.toString())
                .code()).isZero();
        byte[] b = Files.readAllBytes(out);
        byte[] plain = Files.readAllBytes(SAMPLE_DTB);
        assertThat(b.length).isEqualTo(plain.length + 0x100 + 2 * 16);
        assertThat(b[0x1f]).isEqualTo((byte) 3);
    }

    @Test
    void batchCompilesEveryLineAndReportsEachFailureByName() throws Exception {
        Path bad = tmp.resolve("bad.dts");
        Files.writeString(bad, "/dts-v1/;\n/ { a = &nowhere; };\n");
        Path list = tmp.resolve("jobs.txt");
        Path out1 = tmp.resolve("one.dtb");
        Path out2 = tmp.resolve("two.dtb");
        Files.writeString(list, SAMPLE + "\t" + out1 + "\n" + bad + "\t" + tmp.resolve("bad.dtb") + "\n"
                + SAMPLE_DTB + "\t" + out2 + "\n");
        CliRun r = run("compile", "--batch", list.toString());
        // a check at error level refuses the output, as dtc does (exit 2)
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(bad + ":2.3-21: ERROR (path_references): /: Reference to non-existent node or"
                + " label \"nowhere\"\n").contains("ERROR: Input tree has errors").contains("1 of 3 failed");
        assertThat(Files.readAllBytes(out1)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
        assertThat(Files.readAllBytes(out2)).isEqualTo(Files.readAllBytes(SAMPLE_DTB));
        assertThat(tmp.resolve("bad.dtb")).doesNotExist();
    }

    @Test
    void rawKernelSourceIsPreprocessedWithKernelSrc() throws Exception {
        Corpus.assumePresent();
        Path raw = Corpus.root().resolve("raw");
        Path src = raw.resolve("arch/arm/boot/dts/st/stm32f469-disco.dts");
        Path out = tmp.resolve("disco.dtb");
        Path deps = tmp.resolve("disco.d");
        CliRun r = run("compile", src.toString(), "--kernel-src", raw.toString(), "-o", out.toString(), "-d",
                deps.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(
                Files.readAllBytes(Corpus.root().resolve("kernel/arch/arm/boot/dts/st/stm32f469-disco.dtb")));
        String d = Files.readString(deps);
        assertThat(d).startsWith(out + ":").contains("stm32f429.dtsi", "dt-bindings");
    }

    @Test
    void anExternalPreprocessorGivesTheSameBlob() throws Exception {
        Corpus.assumePresent();
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("cpp"), "cpp not on PATH");
        Path raw = Corpus.root().resolve("raw");
        Path src = raw.resolve("arch/arm/boot/dts/arm/mps2-an385.dts");
        Path out = tmp.resolve("an385.dtb");
        CliRun r = run("compile", "-q", src.toString(), "--kernel-src", raw.toString(), "--cpp", "cpp", "-o",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(Files.readAllBytes(out)).isEqualTo(
                Files.readAllBytes(Corpus.root().resolve("kernel/arch/arm/boot/dts/arm/mps2-an385.dtb")));
        CliRun bad = run("compile", src.toString(), "--cpp", "no-such-preprocessor", "-o", out.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith(src + ": error: cannot run 'no-such-preprocessor'");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aMissingIncludeNamesTheChain() throws Exception {
        Path top = tmp.resolve("top.dts");
        Files.writeString(tmp.resolve("mid.dtsi"), "#include \"gone.h\"\n");
        Files.writeString(top, "/dts-v1/;\n#include \"mid.dtsi\"\n/ { };\n");
        CliRun r = run("compile", top.toString(), "-o", tmp.resolve("t.dtb").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith(tmp.resolve("mid.dtsi") + ":1:").contains("gone.h")
                .contains(top + ":2").doesNotContain("\n");
        assertThat(tmp.resolve("t.dtb")).doesNotExist();
    }

    @Test
    void bareDashEPrintsThePreprocessedText() throws Exception {
        Path src = tmp.resolve("m.dts");
        Files.writeString(src, "#define N 3\n/dts-v1/;\n/ { n = <N>; #size-cells = <0>; };\n");
        Path out = tmp.resolve("m.i");
        assertThat(run("compile", "-E", src.toString(), "-o", out.toString()).code()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("/ { n = <3>; #size-cells = <0>; };")
                .doesNotContain("#define");
        assertThat(run("compile", "-E", "no-unit_address_vs_reg", src.toString(), "-o",
                tmp.resolve("m.dtb").toString()).code()).isZero();
    }

    @Test
    void outputFilesGetTheUmasksPermissionsLikeAnyNewFile() throws Exception {
        Path reference = tmp.resolve("reference");
        Files.newOutputStream(reference).close();
        Path out = tmp.resolve("mini.dtb");
        assertThat(run("compile", SAMPLE.toString(), "-o", out.toString()).code()).isZero();
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(reference));
        try (var left = Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("reference", "mini.dtb");
        }
    }

    @Test
    void anOutputInAMissingDirectoryIsOneLineAndNoFile() {
        Path out = tmp.resolve("no/such/dir/mini.dtb");
        CliRun r = run("compile", SAMPLE.toString(), "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(out + ": error: cannot write: no such directory " + out.getParent() + "\n");
        assertThat(tmp.resolve("no")).doesNotExist();
    }
}
