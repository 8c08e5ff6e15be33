package org.dtshrink.dtsout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtTestFiles;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Marker.Kind;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.Value;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact printed text, and that the text compiles with the live dtc to the same blob. */
class DtsPrinterTest {

    @TempDir
    Path tmp;

    /** values.dtb, made by dtc from values.dts; dtc 1.6.1 itself prints zero-one as "0\01", which reads back wrong. */
    private static final String VALUES_DTS = String.join("\n",
            "/dts-v1/;",
            "",
            "/ {",
            "\tzero-one = \"0\", \"1\";",
            "\tescapes = \"tab\\there\", \"quote\\\"back\\\\slash\", \"bell\\a\\b\\v\\f\\r\\n\";",
            "\toctal-ish = \"7\", \"77\";",
            "\tempty-first = [00 61 00];",
            "\tempty-mid = [61 00 00 62 00];",
            "\tnonprint = <0x61016200>;",
            "\thigh = [80 ff 00];",
            "\tone-byte = [00];",
            "\tcells = <0x01 0x400 0xffffffff>;",
            "\tbytes5 = [01 02 03 04 05];",
            "\tempty;",
            "\tstr-like-cells = <0x41004200 0x43000000>;",
            "\tshort-string = \"a\";",
            "};",
            "");

    @Test
    void valuesReadFromABlobAreGuessedAsDtcGuessesThem() {
        DeviceTree t = FdtReader.read(FdtTestFiles.resource("values.dtb"), "values.dtb");
        assertThat(DtsPrinter.print(t)).isEqualTo(VALUES_DTS);
    }

    @Test
    void guessedValuesCompileBackIdentically() throws Exception {
        byte[] blob = FdtTestFiles.resource("values.dtb");
        assertThat(dtcCompile(DtsPrinter.print(FdtReader.read(blob, "values.dtb")))).isEqualTo(blob);
    }

    @Test
    void smallBoardPrintsInDtcLayout() {
        DeviceTree t = FdtReader.read(FdtTestFiles.resource("small-default.dtb"), "small.dtb");
        assertThat(DtsPrinter.print(t)).isEqualTo(String.join("\n",
                "/dts-v1/;",
                "",
                "/memreserve/\t0x0000000010000000 0x0000000000004000;",
                "/memreserve/\t0x0000008000000000 0x0000000000100000;",
                "/ {",
                "\tmodel = \"dtshrink test board\";",
                "\tcompatible = \"dtshrink,test\", \"dtshrink,base\";",
                "\t#address-cells = <0x01>;",
                "\t#size-cells = <0x01>;",
                "",
                "\tcpus {",
                "\t\t#address-cells = <0x01>;",
                "\t\t#size-cells = <0x00>;",
                "",
                "\t\tcpu@2 {",
                "\t\t\tdevice_type = \"cpu\";",
                "\t\t\treg = <0x02>;",
                "\t\t};",
                "\t};",
                "",
                "\tsoc@40000000 {",
                "\t\tcompatible = \"simple-bus\";",
                "\t\tranges;",
                "",
                "\t\tserial@40004400 {",
                "\t\t\treg = <0x40004400 0x400>;",
                "\t\t\tinterrupt-names = \"rx\", \"tx\";",
                "\t\t\tnames = \"a\";",
                "\t\t\tbytes = [01 02 03 04 05 06 07 08 09];",
                "\t\t\twide = <0x12345678 0x9abcdef0>;",
                "\t\t\tshort = [12 34 56 78 9a bc];",
                "\t\t\tx,reg = <0x07>;",
                "\t\t};",
                "\t};",
                "};",
                ""));
    }

    /** A tree as the DTS front end leaves it: type markers, labels, resolved references. */
    private static DeviceTree markedTree() {
        Node root = new Node("");
        root.addLabel("top");
        root.addLabel("root");
        DeviceTree t = new DeviceTree(root);
        t.reserves().add(new ReserveEntry(0x1000, 0x10, java.util.List.of("rsv")));
        Node intc = root.addChild(new Node("interrupt-controller@0"));
        intc.addLabel("intc");
        intc.addLabel("gic");
        intc.addProperty(new Property("phandle", Value.ofCells(1)));
        Node dev = root.addChild(new Node("dev"));
        dev.addProperty(new Property("interrupt-parent",
                new Value().addMarker(Kind.TYPE_UINT32, null).addMarker(Kind.REF_PHANDLE, "intc").appendInteger(1, 32)));
        Value mixed = Value.ofString("a");
        mixed.addMarker(Kind.TYPE_UINT32, null).appendInteger(1, 32).addMarker(Kind.LABEL, "mid").appendInteger(2, 32);
        mixed.addMarker(Kind.TYPE_UINT8, null).appendInteger(3, 8).appendInteger(4, 8);
        mixed.addMarker(Kind.TYPE_UINT16, null).appendInteger(5, 16);
        mixed.addMarker(Kind.TYPE_UINT64, null).appendInteger(6, 64);
        dev.addProperty(new Property("mixed", mixed));
        Value labeled = new Value().addMarker(Kind.LABEL, "start").append(Value.ofString("x"))
                .addMarker(Kind.LABEL, "between").append(Value.ofString("y")).addMarker(Kind.LABEL, "end");
        Property lp = new Property("labeled", labeled);
        lp.addLabel("lbl");
        dev.addProperty(lp);
        dev.addProperty(new Property("path-ref", new Value().addMarker(Kind.TYPE_UINT32, null)
                .addMarker(Kind.REF_PHANDLE, "/interrupt-controller@0").appendInteger(1, 32).appendInteger(7, 32)));
        Value zeroOne = new Value().addMarker(Kind.TYPE_STRING, null)
                .appendBytes("0\0001\0".getBytes(StandardCharsets.ISO_8859_1));
        dev.addProperty(new Property("zero-one", zeroOne));
        dev.addProperty(new Property("odd", new Value().addMarker(Kind.TYPE_STRING, null)
                .appendBytes(new byte[] {1, (byte) 0x80, '7', 0})));
        // markers that do not fit the bytes (3 bytes typed as cells) print as bytes
        dev.addProperty(new Property("misfit", new Value().addMarker(Kind.TYPE_UINT32, null)
                .appendBytes(new byte[] {1, 2, 3})));
        dev.addProperty(new Property("empty-cells", new Value().addMarker(Kind.TYPE_UINT32, null)));
        // an overlay's reference into its base tree names no node here
        dev.addProperty(new Property("external", new Value().addMarker(Kind.TYPE_UINT32, null)
                .addMarker(Kind.REF_PHANDLE, "uart0").appendInteger(0xffffffffL, 32)));
        t.setPlugin(true);
        return t;
    }

    @Test
    void markedValuesPrintByTheirMarkers() {
        assertThat(DtsPrinter.print(markedTree())).isEqualTo(String.join("\n",
                "/dts-v1/;",
                "",
                "rsv: /memreserve/\t0x0000000000001000 0x0000000000000010;",
                "/ {",
                "",
                "\tintc: gic: interrupt-controller@0 {",
                "\t\tphandle = <0x01>;",
                "\t};",
                "",
                "\tdev {",
                "\t\tinterrupt-parent = <&intc>;",
                "\t\tmixed = \"a\", <0x01 mid: 0x02>, [03 04], /bits/ 16 <0x05>, /bits/ 64 <0x06>;",
                "\t\tlbl: labeled = start: \"x\", between: \"y\" end:;",
                "\t\tpath-ref = <&{/interrupt-controller@0} 0x07>;",
                "\t\tzero-one = \"0\", \"1\";",
                "\t\todd = \"\\x01\\x807\";",
                "\t\tmisfit = [01 02 03];",
                "\t\tempty-cells;",
                "\t\texternal = <0xffffffff>;",
                "\t};",
                "};",
                "",
                "top: &{/} {",
                "};",
                "",
                "root: &{/} {",
                "};",
                ""));
    }

    @Test
    void markedValuesCompileBackIdentically() throws Exception {
        DeviceTree t = markedTree();
        assertThat(dtcCompile(DtsPrinter.print(t))).isEqualTo(FdtWriter.write(t));
    }

    @Test
    void deepTreePrintsWithoutRecursionAndBoundedIndent() {
        Node root = new Node("");
        Node n = root;
        for (int i = 0; i < 100_000; i++) {
            n = n.addChild(new Node("n"));
        }
        String s = DtsPrinter.print(new DeviceTree(root));
        assertThat(s).startsWith("/dts-v1/;\n\n/ {\n\n\tn {\n");
        int maxIndent = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '\t' ? run + 1 : 0;
            maxIndent = Math.max(maxIndent, run);
        }
        assertThat(maxIndent).isEqualTo(DtsPrinter.MAX_INDENT);
        assertThat(s).endsWith("\t};\n};\n");
    }

    private byte[] dtcCompile(String dts) throws IOException, InterruptedException {
        Assumptions.assumeTrue(FdtTestFiles.dtcPresent(), "dtc not on PATH");
        Path src = tmp.resolve("in.dts");
        Path out = tmp.resolve("out.dtb");
        Files.write(src, dts.getBytes(StandardCharsets.ISO_8859_1));
        Process p = new ProcessBuilder("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(p.waitFor()).as(log).isZero();
        return Files.readAllBytes(out);
    }
}
