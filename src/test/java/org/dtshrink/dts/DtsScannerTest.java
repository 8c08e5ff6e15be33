package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanner against the lexer ANTLR generates from DtsLexer.g4, the specification: the same tokens
 * (type, extent, line, column) and the same mode after each, over the kernel corpus, the samples and random text
 * made of the pieces where the rules compete.
 */
class DtsScannerTest {

    /** Each token as one line: type, start, end, line, column and the mode it leaves. */
    static List<String> antlrTokens(String text) {
        DtsLexer lexer = new DtsLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        while (true) {
            Token t = lexer.nextToken();
            out.add(t.getType() + " " + t.getStartIndex() + "-" + (t.getStopIndex() + 1) + " @" + t.getLine() + ":"
                    + t.getCharPositionInLine() + " m" + lexer._mode);
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    static List<String> scannerTokens(String text) {
        DtsScanner sc = new DtsScanner(text);
        List<String> out = new ArrayList<>();
        while (true) {
            int type = sc.next();
            out.add(type + " " + sc.start + "-" + sc.end + " @" + sc.line + ":" + sc.column + " m" + sc.mode);
            if (type == Token.EOF) {
                return out;
            }
        }
    }

    private static void assertSame(String text, String what) {
        assertThat(scannerTokens(text)).as(what + ": " + text.substring(0, Math.min(text.length(), 300)))
                .isEqualTo(antlrTokens(text));
    }

    @Test
    void theSamplesLexAsTheGrammarSays() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("dts-samples"))) {
            files = s.filter(p -> p.toString().endsWith(".dts") || p.toString().endsWith(".dtsi")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path p : files) {
            assertSame(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString());
        }
    }

    @Test
    void theKernelCorpusLexesAsTheGrammarSays() throws IOException {
        List<Path> files = Corpus.kernelSources();
        assertThat(files).isNotEmpty();
        for (Path p : files) {
            assertSame(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1), p.toString());
        }
    }

    /** Pieces where rules overlap or stop short: keywords, quotes, escapes, markers, numbers, names, comments. */
    private static final String[] PIECES = {"/include/", " \"a.dtsi\"", "\"", "\\", "'", "\\'", "#", "# 1 ", "#line",
        " 12 ", "\"f\"", " 1 3", "\n", "\t", " ", "\r", "/dts-v1/", "/plugin/", "/memreserve/", "/bits/",
        "/delete-property/", "/delete-node/", "/omit-if-no-ref/", "/incbin/", "/delete-", "/inc", "/*", "*/", "//",
        "/", "*", "0x", "0X1f", "12", "0", "U", "L", "ULL", "LL", "ab", "a1", "g", "_x", "lbl:", ":", "&", "&&",
        "&{", "}", "&{/soc/a@1}", "&lbl", "[", "]", "{", ";", "<", "<<", "<=", ">", ">>", ">=", "=", "==", "!",
        "!=", "|", "||", "(", ")", "+", "-", "~", "?", "%", "^", ",", ".", "@", "cpu@0", "#address-cells",
        "\u00e9", "\u0000", "\f", "\u000b", "\\n", "\\\""};

    @Test
    void randomTextLexesAsTheGrammarSays() {
        Random r = new Random(15);
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(24);
            for (int k = 0; k < len; k++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            assertSame(sb.toString(), "random text " + i);
        }
    }

    @Test
    void randomBytesLexAsTheGrammarSays() {
        Random r = new Random(16);
        String alphabet = "/#\"'\\&{}[];:<>=!|()+-*~?%^,.@_ \t\n\r0123456789abcdefxXULlinec";
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(40);
            for (int k = 0; k < len; k++) {
                sb.append(r.nextInt(8) == 0 ? (char) r.nextInt(256) : alphabet.charAt(r.nextInt(alphabet.length())));
            }
            assertSame(sb.toString(), "random bytes " + i);
        }
    }
}
