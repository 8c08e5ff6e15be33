package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.fuzz.MutationFuzzTest;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parser against the parser ANTLR generates from DtsParser.g4, the specification. On every input
 * the two must call the builders with the same tokens in the same order and fetch the same tokens between those
 * calls (so that errors of the token source and of the builders come in the same order), and end the same way;
 * where the hand-written parser finds a syntax error, the generated one must reject the text too, after the same
 * calls. And the reader as users run it (hand-written parser, the generated one on a syntax error) must give
 * exactly what the generated parser alone gives: the same blob, messages and diagnostics, or the same error.
 * Inputs: the kernel corpus, the samples, the language sources, DtsErrorTest's cases, and the mutated sources
 * MutationFuzzTest and DtsFuzzTest make.
 */
class SourceParserTest {

    private static final DtsOptions OPTS = DtsOptions.defaults();

    /** How often the hand-written parser gave up on a syntax error, over the cases of one test. */
    private int rejected;

    /** What a parse did: each token fetched and each builder call, in order, and how it ended. */
    record Trace(String log, String end) {
    }

    static Trace trace(String latin1, String fileName, boolean byHand) {
        StringBuilder log = new StringBuilder();
        String end;
        try {
            end = byHand ? run(latin1, fileName, true, null, log) : generated(latin1, fileName, log);
        } catch (SourceParser.SyntaxError e) {
            end = "syntax error (hand-written parser)";
        } catch (DtException e) {
            end = "error: " + e.getMessage();
        }
        return new Trace(log.toString(), end);
    }

    /** As DtsReader runs the generated parser: SLL prediction, and LL after a syntax error under SLL. */
    private static String generated(String latin1, String fileName, StringBuilder log) {
        FailureWatch sll = new FailureWatch();
        try {
            return run(latin1, fileName, false, PredictionMode.SLL, log, sll);
        } catch (DtException e) {
            if (!sll.syntaxError()) {
                throw e;
            }
            log.setLength(0);
            return run(latin1, fileName, false, PredictionMode.LL, log, new FailureWatch());
        }
    }

    private static String run(String latin1, String fileName, boolean byHand, PredictionMode mode, StringBuilder log) {
        return run(latin1, fileName, byHand, mode, log, new FailureWatch());
    }

    private static String run(String latin1, String fileName, boolean byHand, PredictionMode mode, StringBuilder log,
            FailureWatch failure) {
        IncludingTokenSource tokens = new IncludingTokenSource(latin1, fileName, OPTS);
        tokens.watch(t -> log.append("fetch ").append(describe(t)).append('\n'));
        TreeBuilder builder = new TreeBuilder(OPTS);
        DtsParser.Tree tree = recording(DtsParser.Tree.class, builder, log);
        DtsParser.Values values = recording(DtsParser.Values.class, builder.values(), log);
        if (byHand) {
            new SourceParser(tokens, tree, values).sourceFile();
        } else {
            DtsReader.runGenerated(tokens, tree, values, mode, failure);
        }
        builder.result();
        return "accepted";
    }

    /** {@code target} behind a proxy that logs each call, its arguments and its result before returning it. */
    private static <T> T recording(Class<T> type, T target, StringBuilder log) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            log.append(m.getName()).append('(');
            if (args != null) {
                for (Object a : args) {
                    log.append(describe(a)).append(", ");
                }
            }
            Object result = invoke(m, target, args);
            log.append(") = ").append(result).append('\n');
            return result;
        });
        return type.cast(proxy);
    }

    private static Object invoke(Method m, Object target, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String describe(Object a) {
        if (a instanceof Token t) {
            return t.getType() + "'" + t.getText() + "'@" + DtsToken.posOf(t) + "/" + t.getStartIndex();
        }
        if (a instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                sb.append(describe(o)).append(' ');
            }
            return sb.append(']').toString();
        }
        return String.valueOf(a);
    }

    /** What the reader gives for the text: blob digest, parser messages and diagnostics, or the error. */
    static String outcome(String latin1, String fileName, boolean generatedOnly) {
        try {
            DtsReader.Compiled c = DtsReader.compileText(latin1, fileName, OPTS, false, generatedOnly);
            StringBuilder sb = new StringBuilder();
            if (c.tree() != null) {
                sb.append("blob ").append(digest(FdtWriter.write(c.tree(), FdtOptions.DEFAULTS))).append('\n');
            }
            c.parserMessages().forEach(m -> sb.append(m).append('\n'));
            for (Diagnostic d : c.diagnostics()) {
                sb.append(d.oneLine(fileName)).append('\n');
            }
            return sb.append("errors ").append(c.errors()).toString();
        } catch (DtException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String digest(byte[] b) {
        try {
            return b.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both parsers agree on the text, and the reader's outcome is the generated parser's. */
    void assertAgree(String latin1, String fileName, String what) {
        String shown = what + ": " + latin1.substring(0, Math.min(latin1.length(), 300));
        Trace hand = trace(latin1, fileName, true);
        Trace gen = trace(latin1, fileName, false);
        if (hand.end.startsWith("syntax error (hand")) {
            rejected++;
            assertThat(gen.end).as("the generated parser rejects it too: " + shown).startsWith("error: ");
            if (!gen.log.startsWith(hand.log)) {
                throw new AssertionError("not the same calls up to the error: " + shown + "\n"
                        + difference(hand.log, gen.log));
            }
        } else {
            assertThat(hand.end).as(shown).isEqualTo(gen.end);
            if (!hand.log.equals(gen.log)) {
                throw new AssertionError("not the same calls: " + shown + "\n" + difference(hand.log, gen.log));
            }
        }
        assertThat(outcome(latin1, fileName, false)).as(shown).isEqualTo(outcome(latin1, fileName, true));
    }

    /** The first line where the logs part, with a few before it. */
    private static String difference(String handLog, String generatedLog) {
        String[] a = handLog.split("\n", -1);
        String[] b = generatedLog.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, i - 4); k < i; k++) {
            sb.append("    ").append(a[k]).append('\n');
        }
        sb.append("hand-written: ").append(i < a.length ? a[i] : "(end)").append('\n');
        sb.append("generated:    ").append(i < b.length ? b[i] : "(end)").append('\n');
        return sb.toString();
    }

    /** For DtsErrorTest: its cases through both parsers, as text of a file of that name. */
    static void assertBothParsersAgree(String text, String fileName) {
        new SourceParserTest().assertAgree(latin1(text), fileName, "case");
    }

    private static String latin1(String text) {
        return IncludingTokenSource.latin1(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String read(Path p) {
        try {
            return IncludingTokenSource.latin1(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        }
    }

    @Test
    void theKernelCorpusParsesAlike() {
        List<Path> files = Corpus.kernelSources();
        assertThat(files).hasSize(183);
        for (Path p : files) {
            assertAgree(read(p), p.toString(), p.toString());
        }
        assertThat(rejected).as("a kernel board the hand-written parser gave up on").isZero();
    }

    @Test
    void theSamplesAndLanguageSourcesParseAlike() throws IOException {
        List<Path> files = new ArrayList<>(sources(Path.of("dts-samples")));
        files.addAll(sources(LanguageFeatureTest.langDir()));
        assertThat(files).hasSizeGreaterThan(20);
        for (Path p : files) {
            assertAgree(read(p), p.toString(), p.toString());
        }
        assertThat(rejected).isZero();
    }

    /** MutationFuzzTest's mutations of the samples and language sources, from fixed seeds. */
    @Test
    void mutatedSourcesParseAlike() throws IOException {
        List<Path> files = new ArrayList<>(sources(Path.of("dts-samples")));
        files.addAll(sources(LanguageFeatureTest.langDir()));
        List<String> texts = files.stream().map(SourceParserTest::read).toList();
        Random r = new Random(1515);
        for (int i = 0; i < 6000; i++) {
            int k = r.nextInt(files.size());
            String text = MutationFuzzTest.mutateSource(texts.get(k), r);
            assertAgree(text, files.get(k).toString(), "mutation " + i + " of " + files.get(k));
        }
        System.out.println("mutated sources: hand-written parser gave up on " + rejected + " of 6000");
        assertThat(rejected).as("mutations that are syntax errors").isBetween(1000, 5900);
    }

    /** DtsFuzzTest's mangling of the language sources: short runs of the tokens' characters spliced in. */
    @Test
    void mangledSourcesParseAlike() {
        Random r = new Random(1516);
        String fileName = LanguageFeatureTest.langDir().resolve("fuzz.dts").toString();
        for (int i = 0; i < 6000; i++) {
            String s = DtsFuzzTest.SOURCES.get(r.nextInt(DtsFuzzTest.SOURCES.size()));
            StringBuilder ins = new StringBuilder();
            for (int n = r.nextInt(7); n > 0; n--) {
                ins.append(DtsFuzzTest.ALPHABET.charAt(r.nextInt(DtsFuzzTest.ALPHABET.length())));
            }
            String text = DtsFuzzTest.mangle(s, r.nextInt(100_001), r.nextInt(21), ins.toString());
            assertAgree(text, fileName, "mangled " + i);
        }
        System.out.println("mangled sources: hand-written parser gave up on " + rejected + " of 6000");
        assertThat(rejected).as("manglings that are syntax errors").isBetween(500, 5900);
    }

    /** Expressions made at random of every operator, to hold precedence and associativity to the grammar's. */
    @Test
    void randomExpressionsParseAlike() {
        String[] binary = {"*", "/", "%", "+", "-", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&",
            "||", "?"};
        Random r = new Random(1517);
        for (int i = 0; i < 3000; i++) {
            StringBuilder e = new StringBuilder();
            expression(e, r, 4, binary);
            String text = "/dts-v1/;\n/ {\n\tp = <(" + e + ") 1>;\n};\n";
            assertAgree(text, "expr.dts", "expression " + i);
        }
        assertThat(rejected).isZero();
    }

    private static void expression(StringBuilder e, Random r, int depth, String[] binary) {
        int n = depth == 0 ? 0 : r.nextInt(4);
        for (int k = 0; k < r.nextInt(2); k++) {
            e.append("-~!".charAt(r.nextInt(3)));
        }
        if (depth > 0 && r.nextInt(4) == 0) {
            e.append('(');
            expression(e, r, depth - 1, binary);
            e.append(')');
        } else {
            e.append(r.nextInt(3) == 0 ? "'a'" : String.valueOf(r.nextInt(5)));
        }
        for (int k = 0; k < n; k++) {
            String op = binary[r.nextInt(binary.length)];
            e.append(' ').append(op).append(' ');
            if (op.equals("?")) {
                expression(e, r, depth - 1, binary);
                e.append(" : ");
            }
            expression(e, r, depth - 1, binary);
        }
    }
}
