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
 * One small input per directive or macro feature under src/test/resources/cpp/. Each must give exactly GNU cpp's
 * output, line markers and spacing included: the checked-in {@code .expected} file (made by GNU cpp 12 with the
 * options below) and, when cpp is on PATH, a live run.
 */
class PreprocessorFeatureTest {

    static final Path DIR = Path.of("src", "test", "resources", "cpp");

    private static final List<String> INCLUDES = List.of("-I", "include", "-I", "include/next");
    private static final List<String> COMMAND_LINE = List.of("-DVALUE=7", "-DFLAG", "-DSQ(x)=((x)*(x))",
            "-DREMOVED", "-UREMOVED");

    static Preprocessor.Options options(String feature) {
        Preprocessor.Options o = Preprocessor.Options.kernel().workingDirectory(DIR).includeDir(Path.of("include"))
                .includeDir(Path.of("include/next"));
        if (feature.equals("command-line")) {
            o.define("VALUE=7").define("FLAG").define("SQ(x)=((x)*(x))").define("REMOVED").undefine("REMOVED");
        }
        return o;
    }

    @ParameterizedTest
    @ValueSource(strings = {"object-macro", "function-macro", "stringify", "paste", "variadic", "undef",
        "conditionals", "expressions", "includes", "builtins", "line", "comments", "asm-mode", "recursion", "warning",
        "spacing", "pragma", "command-line", "has-include", "include-extra-tokens"})
    void matchesGnuCpp(String feature) throws IOException {
        String file = feature + ".dts";
        String actual = new Preprocessor(options(feature)).run(Path.of(file)).text();
        String expected = Files.readString(DIR.resolve(feature + ".expected"), StandardCharsets.UTF_8);
        assertThat(actual).as("against the checked-in cpp output").isEqualTo(expected);
        if (GnuCpp.available()) {
            List<String> opts = new java.util.ArrayList<>(INCLUDES);
            if (feature.equals("command-line")) {
                opts.addAll(COMMAND_LINE);
            }
            assertThat(actual).as("against live GNU cpp").isEqualTo(GnuCpp.runWith(DIR, opts, file));
        }
    }
}
