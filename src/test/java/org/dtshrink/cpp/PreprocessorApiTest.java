package org.dtshrink.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PreprocessorApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"#include <dt-bindings/gpio/gpio.h>\n", "/ {};\n#define X 1\n", "  #  if FOO\n#endif\n",
        "#ifdef A\n", "#ifndef A\n", "x\n#undef A\n", "#include\"a.dtsi\"\n", "#error no\n", "#pragma once\n",
        "\t#elif 1\n", "x;\r#define A\n", "x;\u0085#if 1\n", " \t#  define X 1\n",
        "#include_next <a.h>\n"})
    void directivesNeedPreprocessing(String text) {
        assertThat(Preprocessor.needsPreprocessing(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <0>;\n};\n",
        "# 1 \"arch/arm/boot/dts/st/stm32f429.dtsi\" 1\n/ { };\n", "/include/ \"board.dtsi\"\n",
        "\t#interrupt-cells = <2>;\n\t#gpio-cells = <2>;\n\t#pwm-cells = <3>;\n", "/ { x = \"#include\"; };\n",
        "\t#include-cells = <1>;\n", "#iffy = <1>;\n", "#defined-cells = <1>;\n",
        "x = <1>; # include\n", "# #include <a.h>\n", "x = \"a\";\t#if\n", "#"})
    void propertiesAndLineMarkersDoNot(String text) {
        assertThat(Preprocessor.needsPreprocessing(text)).isFalse();
    }

    /** The files read are cpp's dependency list ({@code cpp -M}), in its order. */
    @Test
    void dependenciesAreTheFilesCppReads() {
        Assumptions.assumeTrue(GnuCpp.available(), "GNU cpp not on PATH");
        Preprocessor.Result r = new Preprocessor(PreprocessorFeatureTest.options("includes")).run(
                Path.of("includes.dts"));
        String rule = GnuCpp.runWith(PreprocessorFeatureTest.DIR, List.of("-I", "include", "-I", "include/next",
                "-M"), "includes.dts");
        List<Path> expected = new ArrayList<>();
        for (String word : rule.substring(rule.indexOf(':') + 1).replace("\\\n", " ").trim().split("\\s+")) {
            expected.add(Path.of(word));
        }
        assertThat(r.dependencies()).isEqualTo(expected);
        assertThat(Arrays.asList("includes.dts", "local/node.dtsi", "include/guard.h")).allMatch(
                f -> r.dependencies().contains(Path.of(f)));
    }

    /** Like cpp, missing directories are skipped, a repeated one counts once, trailing slashes are dropped. */
    @Test
    void includeDirectoriesAreCleanedUpAsCppDoes() {
        Assumptions.assumeTrue(GnuCpp.available(), "GNU cpp not on PATH");
        Preprocessor.Options o = Preprocessor.Options.kernel().workingDirectory(PreprocessorFeatureTest.DIR)
                .includeDir(Path.of("no-such-dir")).includeDir(Path.of("include/")).includeDir(Path.of("include"))
                .includeDir(Path.of("include/next/"));
        String expected = GnuCpp.runWith(PreprocessorFeatureTest.DIR, List.of("-I", "no-such-dir", "-I", "include/",
                "-I", "include", "-I", "include/next/"), "includes.dts");
        assertThat(new Preprocessor(o).run(Path.of("includes.dts")).text()).isEqualTo(expected);
    }
}
