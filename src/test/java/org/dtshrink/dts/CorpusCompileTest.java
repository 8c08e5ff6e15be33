package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;

/** Every preprocessed kernel board compiles to exactly the blob dtc made from it. */
class CorpusCompileTest {

    @Test
    void everyKernelBoardIsByteIdenticalToDtc() throws Exception {
        List<Path> sources = Corpus.kernelSources();
        List<String> failures = new ArrayList<>();
        int same = 0;
        for (Path src : sources) {
            try {
                byte[] ours = FdtWriter.write(DtsReader.read(src, DtsOptions.defaults()), FdtOptions.DEFAULTS);
                byte[] dtc = Files.readAllBytes(Corpus.blobFor(src));
                if (Arrays.equals(ours, dtc)) {
                    same++;
                } else {
                    failures.add(Corpus.root().relativize(src) + ": blob differs (" + ours.length + " vs "
                            + dtc.length + " bytes)");
                }
            } catch (RuntimeException e) {
                failures.add(Corpus.root().relativize(src) + ": " + e);
            }
        }
        System.out.println("corpus: " + same + "/" + sources.size() + " byte-identical");
        assertThat(failures).isEmpty();
        assertThat(same).isEqualTo(183);
    }
}
