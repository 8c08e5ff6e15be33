package org.dtshrink.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Corner cases where cpp's behaviour is easy to get subtly wrong (rescanning, placemarkers, spacing after
 * expansions, __LINE__ inside macro calls, include guards, calls across lines and files), including the examples of
 * the C standard's macro section. Each must give exactly GNU cpp's output: the checked-in one and a live run.
 */
class PreprocessorCornerCaseTest {

    private static final Path DIR = PreprocessorFeatureTest.DIR.resolve("corner");

    @ParameterizedTest
    @ValueSource(strings = {"directive-lookalikes", "line-in-arguments", "defined-via-macro-and-stringify",
        "punctuators", "invocation-forms", "blank-lines-and-columns", "chars-splices-skipped-elif",
        "c-standard-examples", "placemarkers", "variadic-examples", "rescanning", "plain-dts", "deferred-calls",
        "line-in-macros", "call-across-include", "include-guards", "comments-spacing", "hash-after-macro"})
    void matchesGnuCpp(String name) throws IOException {
        String file = name + ".dts";
        String actual = new Preprocessor(Preprocessor.Options.kernel().workingDirectory(DIR)).run(Path.of(file))
                .text();
        assertThat(actual).as("against the checked-in cpp output")
                .isEqualTo(Files.readString(DIR.resolve(name + ".expected"), StandardCharsets.UTF_8));
        if (GnuCpp.available()) {
            assertThat(actual).as("against live GNU cpp").isEqualTo(GnuCpp.runWith(DIR, List.of(), file));
        }
    }
}
