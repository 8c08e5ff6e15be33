package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tree and options give the same bytes from any directory, on any machine: dtshrink runs as a separate
 * process (its own working directory) on two copies of a kernel tree at different places, with the input spelled
 * absolute and relative and the outputs written to different paths; the table, the patch and the boot blob come out
 * byte for byte the same, and name no directory of the machine.
 */
class EmitReproducibilityTest {

    private static final String BOARD = "arch/arm/boot/dts/arm/mps2-an385.dts";

    @TempDir
    Path work;

    private record Outputs(byte[] table, byte[] patch, byte[] bootDtb) {
    }

    /** Runs dtshrink emit-c in {@code cwd} and reads back what it wrote under {@code out} (made here). */
    private static Outputs emit(Path cwd, Path out, String... args) throws Exception {
        Files.createDirectories(out);
        // as the launcher runs it: a quick start matters more than peak speed for one small tree
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "emit-c"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--profile", "linux-6.12-arm-mps2", "--signoff", "A U Thor <author@example.org>",
                "-o", out.resolve("table.c").toString(), "--kernel-patch", out.resolve("tree.patch").toString(),
                "--boot-dtb", out.resolve("boot.dtb").toString()));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        byte[] printed = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(printed, StandardCharsets.UTF_8)).isZero();
        return new Outputs(Files.readAllBytes(out.resolve("table.c")), Files.readAllBytes(out.resolve("tree.patch")),
                Files.readAllBytes(out.resolve("boot.dtb")));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            s.forEach(p -> {
                try {
                    Path t = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void twoTreesThreeDirectoriesOneTable() throws Exception {
        Corpus.assumePresent();
        Path raw = Corpus.root().resolve("raw");
        Path treeA = work.resolve("a/linux");
        Path treeB = work.resolve("elsewhere/deeper/linux-6.12.117");
        copyTree(raw, treeA);
        copyTree(raw, treeB);
        Outputs absolute = emit(work, work.resolve("out1"), treeA.resolve(BOARD).toString(), "--kernel-src",
                treeA.toString());
        Outputs inTree = emit(treeB, work.resolve("out2/x/y"), BOARD, "--kernel-src", ".");
        Outputs below = emit(treeB.resolve("arch/arm"), work.resolve("out3"), "boot/dts/arm/mps2-an385.dts",
                "--kernel-src", "../..");
        for (Outputs o : List.of(inTree, below)) {
            assertThat(o.table()).isEqualTo(absolute.table());
            assertThat(o.patch()).isEqualTo(absolute.patch());
            assertThat(o.bootDtb()).isEqualTo(absolute.bootDtb());
        }
        String table = new String(absolute.table(), StandardCharsets.US_ASCII);
        assertThat(table).contains(" * Input:   " + BOARD + "\n", " * Options: --kernel-src . --profile"
                + " linux-6.12-arm-mps2\n").doesNotContain(work.toString(), "out1", "table.c", "tree.patch");
        assertThat(new String(absolute.patch(), StandardCharsets.UTF_8)).doesNotContain(work.toString());
    }

    @Test
    void aBlobOutsideAKernelTreeIsNamedByItsFileName() throws Exception {
        Corpus.assumePresent();
        Path blob = work.resolve("boards/mps2-an385.dtb");
        Files.createDirectories(blob.getParent());
        Files.copy(Corpus.root().resolve("kernel").resolve(BOARD.replace(".dts", ".dtb")), blob);
        Outputs fromOutside = emit(work, work.resolve("o1"), blob.toString());
        Outputs fromItsDirectory = emit(blob.getParent(), work.resolve("o2/deep"), "mps2-an385.dtb");
        Outputs fromAbove = emit(work.resolve("o2"), work.resolve("o3"), "../boards/mps2-an385.dtb");
        assertThat(fromItsDirectory.table()).isEqualTo(fromOutside.table());
        assertThat(fromAbove.table()).isEqualTo(fromOutside.table());
        assertThat(fromAbove.patch()).isEqualTo(fromOutside.patch());
        assertThat(new String(fromOutside.table(), StandardCharsets.US_ASCII))
                .contains(" * Input:   mps2-an385.dtb\n").doesNotContain(work.toString());
    }

    @Test
    void aPatchWithoutSignoffNeedsGitsIdentity() throws Exception {
        Corpus.assumePresent();
        Path home = Files.createDirectories(work.resolve("home"));
        Path patch = work.resolve("p.patch");
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "emit-c",
                Corpus.root().resolve("kernel").resolve(BOARD.replace(".dts", ".dtb")).toString(),
                "--kernel-patch", patch.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile());
        // no git identity anywhere: not in the system's, the user's or a repository's configuration
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.toString());
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        pb.environment().put("GIT_CEILING_DIRECTORIES", work.getParent().toString());
        pb.environment().remove("GIT_AUTHOR_NAME");
        pb.environment().remove("GIT_AUTHOR_EMAIL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out + err).isEqualTo(2);
        assertThat(err).startsWith("--kernel-patch needs a Signed-off-by: give --signoff 'Name <address>' or set"
                + " git's user.name and user.email");
        assertThat(patch).doesNotExist();
    }
}
