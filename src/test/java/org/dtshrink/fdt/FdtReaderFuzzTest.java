package org.dtshrink.fdt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * Corrupted corpus blobs: any byte input either reads into a tree (which then writes and prints without error) or
 * fails with a {@link DtException}; nothing else may escape.
 */
class FdtReaderFuzzTest {

    private static List<byte[]> blobs;

    private static synchronized List<byte[]> blobs() {
        if (blobs == null) {
            List<byte[]> out = new ArrayList<>();
            if (Corpus.present()) {
                List<Path> all = Corpus.kernelBlobs();
                // a spread of boards is enough; every one costs memory for the whole run
                for (int i = 0; i < all.size(); i += 6) {
                    try {
                        out.add(Files.readAllBytes(all.get(i)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            out.add(FdtTestFiles.resource("small-default.dtb"));
            out.add(FdtTestFiles.resource("small-v1.dtb"));
            out.add(FdtTestFiles.resource("small-v3.dtb"));
            blobs = out;
        }
        return blobs;
    }

    /** A mutation: which blob, how many bytes to change (mostly in the header and first tokens), and a cut. */
    record Mutation(int blob, List<Integer> positions, List<Integer> values, int cutFromEnd) {
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> blob = Arbitraries.integers().between(0, blobs().size() - 1);
        Arbitrary<Integer> pos = Arbitraries.oneOf(Arbitraries.integers().between(0, 0x60),
                Arbitraries.integers().between(0, Integer.MAX_VALUE));
        Arbitrary<List<Integer>> positions = pos.list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<Integer>> values = Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 3, 4, 9, 0xff, 0x80),
                Arbitraries.integers().between(0, 255)).list().ofSize(6);
        Arbitrary<Integer> cut = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 64));
        return Combinators.combine(blob, positions, values, cut).as(Mutation::new);
    }

    @Property(tries = 1000)
    void corruptedBlobReadsOrFailsWithDtException(@ForAll("mutations") Mutation m) {
        byte[] original = blobs().get(m.blob());
        Assume.that(original.length > 0);
        byte[] b = original.clone();
        for (int i = 0; i < m.positions().size(); i++) {
            b[m.positions().get(i) % b.length] = (byte) (int) m.values().get(i);
        }
        b = java.util.Arrays.copyOf(b, Math.max(0, b.length - m.cutFromEnd()));
        DeviceTree t;
        try {
            t = FdtReader.read(b, "fuzz.dtb");
        } catch (DtException expected) {
            return;
        }
        FdtWriter.write(t);
        DtsPrinter.print(t);
    }
}
