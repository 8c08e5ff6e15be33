package org.dtshrink.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dtshrink.tree.DtException;

/**
 * Random soups of directives, macro calls, comments, splices and punctuation: the preprocessor either gives GNU
 * cpp's exact output or, where cpp reports an error, throws a DtException; never anything else.
 */
class PreprocessorPropertyTest {

    private static final String PRELUDE = "#define A a\n#define B(x) [x]\n#define F(x, y) x ## y\n"
            + "#define G(...) #__VA_ARGS__ __VA_ARGS__\n#define H(x) B(x) H\n";

    @Provide
    Arbitrary<String> sources() {
        Arbitrary<String> fragment = Arbitraries.of("\n#define ", "\n#undef A\n",
                "\n#if A\nq\n#elif 1\nw\n#else\ne\n#endif\n", "\n#ifdef B\nB\n#endif\n", "#include \"inc.h\"", "A", "B",
                "F", "G", "H", "x", "y", "1", "0", "0x10", "2u", "'a'", "\"s\"", "(", ")", ",", "##", "#", "...",
                "__VA_ARGS__", "+", "-", "<", ">", "&", "|", "!", "?", ":", "/* c */", "/* multi\nline */",
                "// line\n", "\\\n", " ", " ", "\t", "\n", "\n", "F(", "G(", "A(", "defined", "__LINE__",
                "#address-cells", "<1>;", "= ", "@", "$", ";", "{", "}", "a", "b");
        return fragment.list().ofMinSize(1).ofMaxSize(60).map(l -> PRELUDE + String.join("", l) + "\n");
    }

    @Property(tries = 100)
    void gnuCppOutputOrDtException(@ForAll("sources") String source) throws IOException {
        Path dir = Files.createTempDirectory("cpp-prop");
        try {
            Files.writeString(dir.resolve("inc.h"), "#define INC 1\nB A\n");
            Files.writeString(dir.resolve("t.dts"), source);
            String ours;
            try {
                ours = new Preprocessor(Preprocessor.Options.kernel().workingDirectory(dir)).run(Path.of("t.dts"))
                        .text();
            } catch (DtException e) {
                ours = null;
            }
            if (!GnuCpp.available()) {
                return;
            }
            String gnu;
            try {
                gnu = GnuCpp.runWith(dir, List.of(), "t.dts");
            } catch (IllegalStateException e) {
                gnu = null;
            }
            assertThat(ours).isEqualTo(gnu);
        } finally {
            for (String f : List.of("inc.h", "t.dts")) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.delete(dir);
        }
    }
}
