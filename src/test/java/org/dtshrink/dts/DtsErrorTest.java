package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one line naming the file, line and column (after cpp line markers), never a crash. */
class DtsErrorTest {

    private static final DtsOptions OPTS = DtsOptions.defaults();

    private static String root(String body) {
        return "/dts-v1/;\n/ {\n\t" + body + "\n};\n";
    }

    private static void fails(String text, String message) {
        assertThatThrownBy(() -> DtsReader.read(text, "e.dts", OPTS)).isInstanceOf(DtException.class)
                .hasMessage(message);
        SourceParserTest.assertBothParsersAgree(text, "e.dts");
    }

    /** The file's case through both parsers too. */
    private static void bothParsersAgree(Path src) throws java.io.IOException {
        SourceParserTest.assertBothParsersAgree(Files.readString(src), src.toString());
    }

    @Test
    void undefinedLabelInCells() {
        fails(root("a = <1 &nope>;"), "e.dts:2:3: error: /: Reference to non-existent node or label \"nope\"");
    }

    @Test
    void undefinedLabelAsPath() {
        fails(root("a = \"x\", &{/no/such};"), "e.dts:2:3: error: /: Reference to non-existent node or label \"/no/such\"");
    }

    @Test
    void undefinedLabelAtTopLevel() {
        fails("/dts-v1/;\n/ { };\n&nolabel { };\n", "e.dts:3:1: error: Label or path nolabel not found");
    }

    @Test
    void duplicateLabel() {
        fails(root("x: a; y { x: b; };"), "e.dts:3:10: error: /y: Duplicate label 'x' on 'b' in /y and 'a' in /");
    }

    @Test
    void duplicateLabelOnNodes() {
        fails(root("x: n1 { }; x: n2 { };"), "e.dts:3:19: error: /n2: Duplicate label 'x' on /n2 and /n1");
    }

    @Test
    void syntaxError() {
        fails(root("a = <1 2;"), "e.dts:3:10: error: syntax error, unexpected ';'");
    }

    @Test
    void syntaxErrorBadCharacter() {
        fails(root("a = $;"), "e.dts:3:6: error: syntax error, unexpected '$'");
    }

    @Test
    void missingVersionHeader() {
        fails("/ { };\n", "e.dts:1:1: error: syntax error, unexpected '/'");
    }

    @Test
    void divisionByZero() {
        fails(root("a = <(1 / 0)>;"), "e.dts:3:8: error: Division by zero");
    }

    @Test
    void moduloByZero() {
        fails(root("a = <(2 + (7 % (1 - 1)))>;"), "e.dts:3:13: error: Division by zero");
    }

    @Test
    void missingIncbinFile(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("board.dts");
        Files.writeString(src, root("a = /incbin/(\"missing.bin\");"));
        assertThatThrownBy(() -> DtsReader.read(src, OPTS)).isInstanceOf(DtException.class)
                .hasMessage(src + ":3:15: error: Couldn't open \"missing.bin\": No such file or directory");
        bothParsersAgree(src);
    }

    @Test
    void missingIncludeFile(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("board.dts");
        Files.writeString(src, "/dts-v1/;\n/include/ \"nofile.dtsi\"\n/ { };\n");
        assertThatThrownBy(() -> DtsReader.read(src, OPTS)).isInstanceOf(DtException.class)
                .hasMessage(src + ":2:1: error: Couldn't open \"nofile.dtsi\": No such file or directory");
        bothParsersAgree(src);
    }

    @Test
    void includeCycle(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("a.dtsi");
        Files.writeString(src, "/include/ \"a.dtsi\"\n");
        assertThatThrownBy(() -> DtsReader.read(src, OPTS)).isInstanceOf(DtException.class)
                .hasMessage(src + ":1:1: error: Includes nested too deeply");
        bothParsersAgree(src);
    }

    @Test
    void includeFoundOnSearchPath(@TempDir Path dir) throws Exception {
        Path inc = Files.createDirectory(dir.resolve("inc"));
        Files.writeString(inc.resolve("x.dtsi"), "/ { from-search-path; };\n");
        Path src = dir.resolve("board.dts");
        Files.writeString(src, "/dts-v1/;\n/ { };\n/include/ \"x.dtsi\"\n");
        DeviceTree t = DtsReader.read(src, OPTS.withIncludeDirs(java.util.List.of(inc)));
        assertThat(t.root().property("from-search-path")).isNotNull();
    }

    @Test
    void errorInIncludedFileNamesThatFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.dtsi"), "/ {\n\tp = <&undefined>;\n};\n");
        Path src = dir.resolve("board.dts");
        Files.writeString(src, "/dts-v1/;\n/include/ \"bad.dtsi\"\n");
        assertThatThrownBy(() -> DtsReader.read(src, OPTS)).isInstanceOf(DtException.class)
                .hasMessage(dir + "/bad.dtsi:1:3: error: /: Reference to non-existent node or label \"undefined\"");
        bothParsersAgree(src);
    }

    @Test
    void unterminatedNode() {
        fails("/dts-v1/;\n/ {\n a {\n b = <1>;\n", "e.dts:5:1: error: syntax error, unexpected end of file");
    }

    @Test
    void endlessNesting() {
        String deep = "/dts-v1/;\n/ " + "{ n ".repeat(100_000);
        DtException e = onSmallStack(() -> DtsReader.read(deep, "deep.dts", OPTS));
        assertThat(e).hasMessage("deep.dts:2:1027: error: nodes nested too deeply (more than 256 levels)");
    }

    @Test
    void endlessBracesWithoutNames() {
        String deep = "/dts-v1/;\n/ " + "{".repeat(100_000);
        DtException e = onSmallStack(() -> DtsReader.read(deep, "deep.dts", OPTS));
        assertThat(e).hasMessage("deep.dts:2:4: error: syntax error, unexpected '{'");
    }

    @Test
    void deepButAllowedNestingCompiles() {
        // 256 levels of nodes with a 256-level expression at the bottom: the most the limits allow at once.
        String expr = "(".repeat(128) + "-".repeat(127) + "1" + ")".repeat(128);
        String deep = "/dts-v1/;\n/ " + "{ n ".repeat(255) + "{ leaf = <" + expr + ">; " + "}; ".repeat(256);
        AtomicReference<DeviceTree> out = new AtomicReference<>();
        DtException e = onSmallStack(() -> out.set(DtsReader.read(deep, "deep.dts", OPTS)));
        assertThat(e).isNull();
        assertThat(out.get().nodeAt("/n" + "/n".repeat(254)).property("leaf").value().cellAt(0))
                .isEqualTo(0xffffffffL);
    }

    @Test
    void endlessParentheses() {
        String deep = root("a = <" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + ">;");
        DtException e = onSmallStack(() -> DtsReader.read(deep, "deep.dts", OPTS));
        assertThat(e).hasMessage("deep.dts:3:263: error: expression nested too deeply (more than 256 levels)");
    }

    @Test
    void endlessUnaryOperators() {
        String deep = root("a = <(" + "-".repeat(100_000) + "1)>;");
        DtException e = onSmallStack(() -> DtsReader.read(deep, "deep.dts", OPTS));
        assertThat(e).hasMessage("deep.dts:3:263: error: expression nested too deeply (more than 256 levels)");
    }

    @Test
    void longOperatorChainsEvaluateWithoutRecursion() {
        String text = root("a = <(" + "1 + ".repeat(100_000) + "0)>;");
        AtomicReference<DeviceTree> out = new AtomicReference<>();
        assertThat(onSmallStack(() -> out.set(DtsReader.read(text, "long.dts", OPTS)))).isNull();
        assertThat(out.get().root().property("a").value().cellAt(0)).isEqualTo(100_000);
    }

    @Test
    void valueOutOfRangeIsTruncatedWithDtcsWarning() {
        DtsReader.Compiled c = DtsReader.compile(root("a = /bits/ 8 <1 0x100>;\n\tb = <0x100000000>;"), "e.dts", OPTS,
                false);
        assertThat(c.parserMessages()).containsExactly(
                "WARNING: e.dts:3.18-23: Value 0x0000000000000100 truncated to 0x00",
                "WARNING: e.dts:4.7-18: Value 0x0000000100000000 truncated to 0x00000000");
        assertThat(c.tree().root().property("a").value().bytes()).containsExactly(1, 0);
        assertThat(c.tree().root().property("b").value().bytes()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void negativeValuesThatSignExtendAreInRange() throws Exception {
        DeviceTree t = DtsReader.read(root("a = /bits/ 16 <(-1) 0xffffffffffff8000>;"), "e.dts", OPTS);
        assertThat(t.root().property("a").value().bytes()).containsExactly(0xff, 0xff, 0x80, 0x00);
    }

    @Test
    void badBitsSize() {
        fails(root("a = /bits/ 12 <1>;"), "e.dts:3:13: error: Array elements must be 8, 16, 32 or 64-bits");
    }

    @Test
    void referenceInNarrowArray() {
        fails(root("a = /bits/ 8 <&x>;"), "e.dts:3:16: error: References are only allowed in arrays with 32-bit elements.");
    }

    @Test
    void integerLiteralOutOfRange() {
        fails(root("a = <0x10000000000000000>;"), "e.dts:3:7: error: Integer literal '0x10000000000000000' out of range");
    }

    @Test
    void badOctalLiteral() {
        fails(root("a = <08>;"), "e.dts:3:7: error: Bad integer literal '08'");
    }

    @Test
    void propertiesAfterSubnodes() {
        fails(root("a = <1>; b { }; c = <2>;"), "e.dts:3:18: error: Properties must precede subnodes");
    }

    @Test
    void duplicateNodeName() {
        fails(root("c { }; c { };"), "e.dts:3:11: error: /c: Duplicate node name");
    }

    @Test
    void duplicatePropertyName() {
        fails(root("p = <1>; p = <2>;"), "e.dts:3:2: error: /:p: Duplicate property name");
    }

    @Test
    void emptyCharacterLiteral() {
        fails(root("a = <''>;"), "e.dts:3:7: error: Empty character literal");
    }

    @Test
    void lineMarkersNameTheOriginalFileAndLine() {
        String text = "# 1 \"board.dts\"\n/dts-v1/;\n# 1 \"soc.dtsi\" 1\n/ {\n\n\tp = <&missing>;\n};\n"
                + "# 3 \"board.dts\" 2\n";
        fails(text, "soc.dtsi:1:3: error: /: Reference to non-existent node or label \"missing\"");
    }

    @Test
    void lineMarkerWithLineKeyword() {
        String text = "/dts-v1/;\n#line 100 \"x.dts\"\n/ { a = <(1/0)>; };\n";
        fails(text, "x.dts:100:11: error: Division by zero");
    }

    @Test
    void explicitPhandleClash() {
        fails(root("a { phandle = <1>; }; b { phandle = <1>; };"),
                "e.dts:3:26: error: /b: duplicated phandle 0x1 (seen before at /a)");
    }

    @Test
    void labelRelativeReferenceInPlugin() {
        fails("/dts-v1/;\n/plugin/;\n&{foo/bar} { };\n",
                "e.dts:3:12: error: Label-relative reference foo/bar not supported in plugin");
    }

    @Test
    void incorrectNameProperty() {
        fails(root("n { name = \"other\"; };"),
                "e.dts:3:4: error: /n: \"name\" property is incorrect (\"other\" instead of base node name)");
    }

    /** Runs on a thread with a small stack, so that any recursion in proportion to the input would overflow. */
    private static DtException onSmallStack(Runnable r) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                r.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Throwable e = thrown.get();
        if (e == null) {
            return null;
        }
        assertThat(e).isInstanceOf(DtException.class);
        return (DtException) e;
    }
}
