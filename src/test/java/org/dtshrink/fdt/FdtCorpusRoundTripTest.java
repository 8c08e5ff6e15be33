package org.dtshrink.fdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kernel blob dtc made reads into a tree that writes back to the identical bytes. */
class FdtCorpusRoundTripTest {

    static Stream<Path> blobs() {
        return Corpus.kernelBlobs().stream();
    }

    @ParameterizedTest
    @MethodSource("blobs")
    void readThenWriteIsByteIdentical(Path blob) throws IOException {
        byte[] original = Files.readAllBytes(blob);
        DeviceTree tree = FdtReader.read(original, blob.toString());
        byte[] written = FdtWriter.write(tree);
        assertThat(written).as(blob.toString()).isEqualTo(original);
    }
}
