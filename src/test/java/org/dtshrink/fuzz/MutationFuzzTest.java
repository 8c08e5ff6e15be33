package org.dtshrink.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * Hostile input: 100,000 mutated blobs and sources, each either read or refused with dtshrink's own one-line error.
 * Anything else (another exception, a StackOverflowError, an OutOfMemoryError, a case that runs on for a second) is a
 * defect. Each case is derived from one random seed, which jqwik prints when a case fails.
 */
public class MutationFuzzTest {

    /** Far above any legitimate case here (they take well under a millisecond); only a hang or a blow-up trips it. */
    private static final long HANG_NANOS = 1_000_000_000L;

    private static final List<byte[]> BLOBS = new ArrayList<>();
    private static final List<String> SOURCES = new ArrayList<>();

    private static final String[] TOKENS = {
        "{", "}", ";", "<", ">", "[", "]", "(", ")", "=", ",", "&", "&lbl", "&{/", "&{/a/b}", "lbl:", "\"", "\\",
        "/delete-node/", "/delete-property/", "/omit-if-no-ref/", "/bits/ 8", "/bits/ 64", "/bits/ 7", "/memreserve/",
        "/plugin/;", "/dts-v1/;", "/incbin/(\"nowhere\")", "/include/ \"nowhere\"", "0x", "0xffffffffffffffff",
        "18446744073709551616", "(1/0)", "(5%0)", "(1<<63)", "(-1)", "'a'", "'\\x41'", "\"\\x4\"", "\"\\777\"",
        "/*", "*/", "//", "\n# 7 \"other.dtsi\" 1\n", "#address-cells", "@", "node@1 {", "};", "a = <1 2 3>;",
        "p = [00 11];", "q = \"s\";", "?", ":", "||", "&&", "~", "!", "-", "+", "*"
    };

    @BeforeContainer
    static void loadInputs() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/dts/lang"))) {
            s.filter(p -> p.toString().endsWith(".dts")).sorted().forEach(p -> SOURCES.add(read(p)));
        }
        try (Stream<Path> s = Files.list(Path.of("dts-samples"))) {
            s.sorted().forEach(p -> {
                if (p.toString().endsWith(".dts")) {
                    SOURCES.add(read(p));
                } else if (p.toString().endsWith(".dtb")) {
                    BLOBS.add(bytes(p));
                }
            });
        }
        if (Corpus.present()) {
            for (Path p : Corpus.kernelBlobs()) {
                BLOBS.add(bytes(p));
            }
        }
        assertThat(SOURCES).isNotEmpty();
        assertThat(BLOBS).isNotEmpty();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 70_000, shrinking = ShrinkingMode.OFF)
    void mutatedBlobsAreReadOrRefused(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        byte[] blob = mutateBlob(BLOBS.get(r.nextInt(BLOBS.size())), r);
        survive(() -> {
            DeviceTree t = FdtReader.read(blob, "fuzz.dtb");
            FdtWriter.write(t, FdtOptions.DEFAULTS);
            DtsPrinter.print(t);
        });
    }

    @Property(tries = 30_000, shrinking = ShrinkingMode.OFF)
    void mutatedSourcesAreReadOrRefused(@ForAll("seeds") long seed) {
        Random r = new Random(seed);
        String text = mutateSource(SOURCES.get(r.nextInt(SOURCES.size())), r);
        survive(() -> {
            DeviceTree t = DtsReader.read(text, "fuzz.dts", DtsOptions.defaults());
            FdtWriter.write(t, FdtOptions.DEFAULTS);
        });
    }

    private static void survive(Runnable job) {
        long t0 = System.nanoTime();
        try {
            job.run();
        } catch (DtException e) {
            assertThat(e.getMessage()).doesNotContain("\n").isNotBlank();
        }
        assertThat(System.nanoTime() - t0).as("case time (ns)").isLessThan(HANG_NANOS);
    }

    static byte[] mutateBlob(byte[] original, Random r) {
        byte[] b = original.clone();
        int edits = 1 + r.nextInt(6);
        for (int i = 0; i < edits && b.length > 8; i++) {
            switch (r.nextInt(6)) {
                case 0: // a random byte anywhere
                    b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                    break;
                case 1: { // a 32-bit field: header fields, lengths, name offsets and tokens are all aligned words
                    int at = r.nextInt(b.length / 4) * 4;
                    int[] interesting = {0, 1, 2, 3, 4, 9, 0x7fffffff, -1, -4, b.length, b.length + 4, 0x100000};
                    int v = r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextInt();
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (24 - 8 * k));
                    }
                    break;
                }
                case 2: // truncated
                    b = java.util.Arrays.copyOf(b, r.nextInt(b.length));
                    break;
                case 3: { // a chunk repeated in place
                    int from = r.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + r.nextInt(64));
                    byte[] n = new byte[b.length + len];
                    System.arraycopy(b, 0, n, 0, from + len);
                    System.arraycopy(b, from, n, from + len, b.length - from);
                    b = n;
                    break;
                }
                case 4: { // a header field only
                    int at = 4 * r.nextInt(Math.min(10, b.length / 4));
                    int v = r.nextInt(b.length * 2 + 1);
                    for (int k = 0; k < 4; k++) {
                        b[at + k] = (byte) (v >>> (24 - 8 * k));
                    }
                    break;
                }
                default: // bits flipped
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
            }
        }
        return b;
    }

    public static String mutateSource(String original, Random r) {
        StringBuilder sb = new StringBuilder(original);
        int edits = 1 + r.nextInt(5);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0:
                    sb.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
                    break;
                case 1:
                    sb.delete(at, Math.min(sb.length(), at + 1 + r.nextInt(40)));
                    break;
                case 2: {
                    int end = Math.min(sb.length(), at + 1 + r.nextInt(200));
                    sb.insert(end, sb.substring(at, end));
                    break;
                }
                case 3:
                    if (sb.length() > 0) {
                        sb.setCharAt(at, (char) (32 + r.nextInt(95)));
                    }
                    break;
                default:
                    sb.setLength(at);
            }
        }
        return sb.toString();
    }

    private static String read(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
