package org.dtshrink.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server and its C client against a fresh JVM: the same bytes, messages, depfiles and exit codes, from a
 * directory the server was not started in; a changed jar, concurrent clients, and a server killed during a request.
 * The server runs in a JVM of its own as the launcher starts it, with a stand-in file as its "jar" (the client and
 * server go by the file's identity only), and the sockets live under a temporary XDG_RUNTIME_DIR.
 */
class ServerTest {

    @TempDir
    static Path tmp;
    static Path client;
    static Path jar;
    static Path runtime;
    static Process server;

    record Run(int code, byte[] out, String err) {
    }

    @BeforeAll
    static void start() throws Exception {
        Path source = Path.of("src/main/c/dtshrink-client.c");
        Assumptions.assumeTrue(Files.isRegularFile(source), "src/main/c/dtshrink-client.c not found (run from the checkout)");
        client = tmp.resolve("client");
        Process cc;
        try {
            cc = new ProcessBuilder("cc", "-O2", "-Wall", "-Werror", "-o", client.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("no C compiler (cc): the launcher uses the plain JVM then, and so is there nothing to test");
            return;
        }
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cc.waitFor()).as("cc: " + ccOut).isZero();
        runtime = Files.createDirectory(tmp.resolve("run"));
        jar = Files.writeString(tmp.resolve("stand-in.jar"), "v1");
        server = startServer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    static Process startServer() throws Exception {
        String sock = socketPath();
        Files.deleteIfExists(Path.of(sock)); // a killed server's, so that the wait below waits for the new one
        Process p = new ProcessBuilder(java(), "-Xss16m", "-cp", System.getProperty("java.class.path"),
                Server.class.getName(), sock, jar.toString(), "60")
                .directory(new File("/")).redirectErrorStream(true).redirectOutput(tmp.resolve("server.log").toFile())
                .start();
        for (int i = 0; i < 300 && !Files.exists(Path.of(sock)); i++) {
            Thread.sleep(100);
        }
        assertThat(Path.of(sock)).as("server socket").exists();
        return p;
    }

    static String socketPath() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(client.toString(), "--socket", jar.toString());
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return s;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Run exec(List<String> cmd, Path dir, byte[] stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        Path err = Files.createTempFile(tmp, "err", "");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin);
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    static Run viaServer(Path dir, byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(client.toString(), jar.toString()));
        cmd.addAll(Arrays.asList(args));
        return exec(cmd, dir, stdin);
    }

    static Run fresh(Path dir, byte[] stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xss16m", "-cp", System.getProperty("java.class.path"),
                "org.dtshrink.cli.Main"));
        cmd.addAll(Arrays.asList(args));
        return exec(cmd, dir, stdin);
    }

    /**
     * Runs {@code args} both ways in one directory, the fresh JVM first, and checks that everything they did is the
     * same: exit status, standard output and error, and the files named in {@code outputs} (removed between runs).
     */
    static void same(Path dir, byte[] stdin, List<String> outputs, String... args) throws Exception {
        Run f = fresh(dir, stdin, args);
        List<byte[]> made = new ArrayList<>();
        for (String o : outputs) {
            assertThat(dir.resolve(o)).as(o).exists();
            made.add(Files.readAllBytes(dir.resolve(o)));
            Files.delete(dir.resolve(o));
        }
        Run s = viaServer(dir, stdin, args);
        assertThat(s.code()).as("exit status of " + List.of(args) + serverLog()).isEqualTo(f.code());
        assertThat(s.err()).as("standard error of " + List.of(args)).isEqualTo(f.err());
        assertThat(s.out()).as("standard output of " + List.of(args)).isEqualTo(f.out());
        for (int i = 0; i < outputs.size(); i++) {
            assertThat(Files.readAllBytes(dir.resolve(outputs.get(i)))).as(outputs.get(i)).isEqualTo(made.get(i));
        }
    }

    static String serverLog() throws IOException {
        Path log = tmp.resolve("server.log");
        return Files.exists(log) ? " (server log: " + Files.readString(log) + ")" : "";
    }

    static Path board(String name) throws IOException {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.createDirectories(d.resolve("sub/inc"));
        Files.createDirectories(d.resolve("out"));
        Files.writeString(d.resolve("sub/inc/part.dtsi"), "/ { part: part { compatible = \"x,part\"; }; };\n");
        Files.write(d.resolve("sub/blob.bin"), new byte[] {1, 2, 3, 4});
        Files.writeString(d.resolve("sub/board.dts"), "/dts-v1/;\n/include/ \"inc/part.dtsi\"\n"
                + "/ { model = \"m\"; data = /incbin/(\"blob.bin\"); ref = <&part>; };\n");
        Files.writeString(d.resolve("sub/bad.dts"), "/dts-v1/;\n/ { a = <1>;\n  b = ; };\n");
        Files.writeString(d.resolve("sub/cpp.dts"), "/dts-v1/;\n#include \"inc/part.dtsi\"\n#define N 7\n"
                + "/ { n = <N>; };\n");
        return d;
    }

    @Test
    void compileFromAnotherDirectoryIsAFreshProcessRun() throws Exception {
        Path d = board("relative");
        same(d, null, List.of("out/board.dtb", "out/board.d"), "compile", "-O", "dtb", "-o", "out/board.dtb",
                "-d", "out/board.d", "sub/board.dts");
        same(d, null, List.of("cpp.dtb", "cpp.d"), "compile", "-O", "dtb", "-o", "cpp.dtb", "-d", "cpp.d", "-i",
                "sub", "sub/cpp.dts");
        same(d, null, List.of(), "compile", "-O", "dts", "sub/board.dts");
        same(d, null, List.of(), "compile", "sub/bad.dts");
        same(d, null, List.of(), "compile", "no/such.dts");
        same(d, null, List.of(), "compile", "--no-such-option", "sub/board.dts");
        same(d, null, List.of(), "compile", "-o", "no/such/dir/x.dtb", "sub/board.dts");
    }

    @Test
    void otherCommandsAndStandardInput() throws Exception {
        Path d = board("commands");
        byte[] source = Files.readAllBytes(d.resolve("sub/bad.dts"));
        same(d, source, List.of(), "compile", "-O", "dtb", "-");
        byte[] good = "/dts-v1/;\n/ { a = <1 2>; b { c; }; };\n".getBytes(StandardCharsets.UTF_8);
        same(d, good, List.of(), "compile", "-O", "dtb", "-");
        same(d, good, List.of("x.dtb"), "compile", "-O", "dtb", "-o", "x.dtb", "-");
        Run blob = fresh(d, good, "compile", "-O", "dtb", "-");
        Files.write(d.resolve("x.dtb"), blob.out());
        same(d, null, List.of(), "decompile", "x.dtb");
        same(d, null, List.of(), "cost", "x.dtb");
        same(d, null, List.of(), "report", "x.dtb");
        same(d, null, List.of(), "--version");
        same(d, null, List.of(), "--help");
    }

    @Test
    void concurrentClients() throws Exception {
        Path d = board("concurrent");
        Run expected = fresh(d, null, "compile", "-O", "dts", "sub/board.dts");
        List<Thread> threads = new ArrayList<>();
        List<Run> runs = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    for (int k = 0; k < 5; k++) {
                        runs.add(viaServer(d, null, "compile", "-O", "dts", "sub/board.dts"));
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(runs).hasSize(20);
        for (Run r : runs) {
            assertThat(r.code()).isEqualTo(expected.code());
            assertThat(r.out()).isEqualTo(expected.out());
            assertThat(r.err()).isEqualTo(expected.err());
        }
    }

    @Test
    void aChangedJarIsNeverServedAndAKilledServerLeavesTheCommandToTheCaller() throws Exception {
        Path d = board("stale");
        assertThat(viaServer(d, null, "compile", "-O", "dts", "sub/board.dts").code()).as(serverLog()).isZero();
        // a large input, so that the server is killed while it works on it
        StringBuilder big = new StringBuilder("/dts-v1/;\n/ {\n");
        for (int i = 0; i < 400_000; i++) {
            big.append("  p").append(i).append(" = <").append(i).append(">;\n");
        }
        big.append("};\n");
        Files.writeString(d.resolve("big.dts"), big);
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(700);
            } catch (InterruptedException e) {
                return;
            }
            server.destroyForcibly();
        });
        killer.start();
        Run killed = viaServer(d, null, "compile", "-O", "dtb", "-o", "big.dtb", "big.dts");
        killer.join();
        assertThat(killed.code()).as("a request whose server died: left to the caller").isEqualTo(199);
        assertThat(killed.out()).isEmpty();
        assertThat(killed.err()).isEmpty();
        assertThat(d.resolve("big.dtb")).doesNotExist();
        assertThat(viaServer(d, null, "compile", "-O", "dts", "sub/board.dts").code()).as("no server").isEqualTo(199);

        server = startServer();
        String oldSocket = socketPath();
        assertThat(viaServer(d, null, "compile", "-O", "dts", "sub/board.dts").code()).isZero();
        // the jar changes: the client asks another socket (none there), the old server exits by itself
        Files.writeString(jar, "v2");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(socketPath()).isNotEqualTo(oldSocket);
        assertThat(viaServer(d, null, "compile", "-O", "dts", "sub/board.dts").code()).isEqualTo(199);
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("the old server exits when its jar changes").isTrue();
        assertThat(Path.of(oldSocket)).doesNotExist();
        server = startServer();
        same(d, null, List.of(), "compile", "-O", "dts", "sub/board.dts");
    }
}
