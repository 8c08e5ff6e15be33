package org.dtshrink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading an input: blob or source by content, and an input the parser cannot hold named in the error. */
class InputsTest {

    @TempDir
    Path dir;

    @Test
    void aBlobAndItsSourceLoadToTheSameTree() {
        Loaded source = Inputs.load("dts-samples/stm32f4-mini.dts", SourceOptions.defaults());
        Loaded blob = Inputs.load("dts-samples/stm32f4-mini.dtb", SourceOptions.defaults());
        assertThat(source.fromSource()).isTrue();
        assertThat(blob.fromSource()).isFalse();
        assertThat(blob.dtbSize()).isEqualTo(source.dtbSize());
        assertThat(blob.dependencies()).containsExactly(Path.of("dts-samples/stm32f4-mini.dtb"));
    }

    /** On a thread with a small stack the parser runs out of it well inside the nesting the guard allows. */
    @Test
    void anInputTooDeepForTheStackIsBadInputNamingTheFile() throws Exception {
        Path deep = dir.resolve("deep.dts");
        Files.writeString(deep, "/dts-v1/;\n/ {" + " a {".repeat(250) + " };".repeat(250) + " };\n");
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                Inputs.load(deep.toString(), SourceOptions.defaults());
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertThat(thrown.get()).isInstanceOf(DtException.class)
                .hasMessage(deep + ": error: input too large or too deeply nested");
    }
}
