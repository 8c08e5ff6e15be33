package org.dtshrink.cpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input gives one line, {@code file:line:col: error: what}. Messages and lines are GNU cpp's; columns count
 * bytes (a tab is one column, where cpp's diagnostics expand tabs to 8). A missing include names the include chain
 * on the same line, an unterminated {@code #if} points at its directive name and an unterminated argument list at
 * the macro's name (cpp gives no column, or the end of the file).
 */
class PreprocessorErrorTest {

    private static final Path DIR = PreprocessorFeatureTest.DIR.resolve("errors");

    private static Preprocessor.Result run(Path dir, String file) {
        return new Preprocessor(Preprocessor.Options.kernel().workingDirectory(dir)).run(Path.of(file));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        missing-a.dts            | b.dtsi:5:10: error: 'c.h' file not found (included from missing-a.dts:3)
        unterminated-if.dts      | unterminated-if.dts:2:2: error: unterminated #if
        else-after-else.dts      | else-after-else.dts:3:2: error: #else after #else
        endif-without-if.dts     | endif-without-if.dts:2:2: error: #endif without #if
        error.dts                | error.dts:3:6: error: #error board not supported
        unterminated-comment.dts | unterminated-comment.dts:2:11: error: unterminated comment
        unterminated-args.dts    | unterminated-args.dts:3:7: error: unterminated argument list invoking macro "F"
        division-by-zero.dts     | division-by-zero.dts:2:7: error: division by zero in #if
        missing-operator.dts     | missing-operator.dts:1:7: error: missing binary operator before token "x"
        missing-paren.dts        | missing-paren.dts:1:5: error: missing ')' in expression
        no-expression.dts        | no-expression.dts:1:4: error: #if with no expression
        include-loop.dts         | self.dtsi:1:10: error: #include nested depth 200 exceeds maximum of 200
        too-few-args.dts         | too-few-args.dts:2:4: error: macro "F" requires 2 arguments, but only 1 given
        bad-macro-name.dts       | bad-macro-name.dts:1:9: error: macro names must be identifiers
        has-include-outside.dts  | has-include-outside.dts:2:7: error: "__has_include" used outside of preprocessing directive
        include-extra-call.dts   | include-extra-call.dts:2:19: error: unterminated argument list invoking macro "F"
        """)
    void reportsOneLineWithPosition(String file, String message) {
        assertThatThrownBy(() -> run(DIR, file)).isInstanceOf(DtException.class).hasMessage(message);
    }

    @Test
    void missingMainFile() {
        assertThatThrownBy(() -> run(DIR, "no-such.dts")).isInstanceOf(DtException.class)
                .hasMessage("no-such.dts: error: file not found");
    }

    @Test
    void warningIsReportedAndPreprocessingContinues() {
        Preprocessor.Result r = run(PreprocessorFeatureTest.DIR, "warning.dts");
        assertThat(r.warnings()).containsExactly("warning.dts:2:2: warning: #warning this board is deprecated");
        assertThat(r.text()).contains("still-here;");
    }

    @Test
    void selfReferentialMacrosTerminate() {
        String text = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> run(PreprocessorFeatureTest.DIR, "recursion.dts").text());
        assertThat(text).contains(" ab = <a b>;").contains(" fcall = <1 f(2)>;");
    }

    @Test
    void deeplyNestedExpressionIsAnErrorNotAStackOverflow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("deep.dts"), "#if " + "(".repeat(100_000) + "1" + ")".repeat(100_000)
                + "\n#endif\n");
        assertThatThrownBy(() -> run(dir, "deep.dts")).isInstanceOf(DtException.class)
                .hasMessage("deep.dts:1:261: error: #if expression nested more than 256 deep");
    }

    @Test
    void deeplyNestedMacroArgumentsAreAnErrorNotAStackOverflow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("deep.dts"), "#define F(x) x\n" + "F(".repeat(10_000) + "1"
                + ")".repeat(10_000) + "\n");
        assertThatThrownBy(() -> run(dir, "deep.dts")).isInstanceOf(DtException.class)
                .hasMessage("deep.dts:2:513: error: macro arguments nested more than 256 deep");
    }

    @Test
    void deepConditionalsAndLongMacroChainsNeedNoRecursion(@TempDir Path dir) throws IOException {
        StringBuilder b = new StringBuilder("#define M0 done\n");
        for (int i = 1; i <= 20_000; i++) {
            b.append("#define M").append(i).append(" M").append(i - 1).append('\n');
        }
        b.append("#if 1\n".repeat(20_000)).append("M20000\n").append("#endif\n".repeat(20_000));
        Files.writeString(dir.resolve("long.dts"), b.toString());
        assertThat(GnuCpp.withoutLineMarkers(run(dir, "long.dts").text())).isEqualTo("done\n");
    }
}
