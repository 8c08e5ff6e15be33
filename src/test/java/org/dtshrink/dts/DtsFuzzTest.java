package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dtshrink.tree.DtException;

/** Mangled sources give a tree or a DtException, never another exception, a hang or a stack overflow. */
class DtsFuzzTest {

    static final String ALPHABET = "{};:=<>[]()&/\"'\\,#@-+*%!~?^|0x1fz \n/dts-v1//plugin//delete-node/";

    static final List<String> SOURCES = load();

    private static List<String> load() {
        Path dir = LanguageFeatureTest.langDir();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".dts")).sorted().map(p -> {
                try {
                    return Files.readString(p, StandardCharsets.ISO_8859_1);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mangled() {
        Arbitrary<String> source = Arbitraries.of(SOURCES);
        Arbitrary<Integer> where = Arbitraries.integers().between(0, 100_000);
        Arbitrary<Integer> cut = Arbitraries.integers().between(0, 20);
        Arbitrary<String> insert = Arbitraries.strings().withChars(ALPHABET).ofMaxLength(6);
        return Combinators.combine(source, where, cut, insert).as(DtsFuzzTest::mangle);
    }

    /** {@code s} with {@code cut} characters at {@code where} (wrapped to its length) replaced by {@code insert}. */
    static String mangle(String s, int where, int cut, String insert) {
        int at = where % (s.length() + 1);
        int end = Math.min(s.length(), at + cut);
        return s.substring(0, at) + insert + s.substring(end);
    }

    @Property(tries = 2000)
    void mangledSourceGivesTreeOrDtException(@ForAll("mangled") String text) {
        try {
            assertThat(DtsReader.read(text, LanguageFeatureTest.langDir().resolve("fuzz.dts").toString(),
                    DtsOptions.defaults())).isNotNull();
        } catch (DtException e) {
            assertThat(e.getMessage()).contains(": error: ").doesNotContain("\n");
        }
    }
}
