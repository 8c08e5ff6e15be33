package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Value;
import org.junit.jupiter.api.Test;

class CTextTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void literalsEscapeWhatCCouldMisread() {
        assertThat(CText.literal(b("a\"b\\c??/d\n\u00ff1"), 0, 12)).isEqualTo("\"a\\\"b\\\\c\\?\\?/d\\012\\3771\"");
    }

    @Test
    void stringsAreStringsOneALineWhenThereAreSeveral() {
        assertThat(new CValue(b("okay\0"), List.of()).initializer("x", false)).containsExactly("\t.x = \"okay\",");
        // one literal a line, each ending in its NUL: no two strings on one line, and the split follows an escape
        assertThat(new CValue(b("st,a\0st,b\0"), List.of()).initializer("x", false))
                .containsExactly("\t.x =", "\t\t\"st,a\\0\"", "\t\t\"st,b\",");
        assertThat(new CValue(b("1\0" + "2\0"), List.of()).initializer("x", false))
                .containsExactly("\t.x =", "\t\t\"1\\0\"", "\t\t\"2\",");
        assertThat(new CValue(b("\0"), List.of()).initializer("x", false)).containsExactly("\t.x = \"\",");
        assertThat(new CValue(b("okay\0"), List.of()).declaration("x")).isEqualTo("char x[5] __aligned(4);");
        String longString = "a".repeat(120) + "\0";
        assertThat(new CValue(b(longString), List.of()).initializer("x", false))
                .containsExactly("\t.x =", "\t\t\"" + "a".repeat(120) + "\",");
    }

    @Test
    void cellsAreCpuToBe32WithThePhandlesTheSourceNamed() {
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_UINT32, null);
        v.addMarker(Marker.Kind.REF_PHANDLE, "rcc");
        v.appendInteger(1, 32);
        v.appendInteger(0x40004000L, 32);
        CValue c = new CValue(v.bytes(), v.markers());
        assertThat(c.declaration("clocks")).isEqualTo("__be32 clocks[2];");
        assertThat(c.initializer("clocks", false))
                .containsExactly("\t.clocks = { cpu_to_be32(0x1) /* &rcc */, cpu_to_be32(0x40004000) },");
        assertThat(c.initializer("clocks", true))
                .containsExactly("\t.clocks = { cpu_to_be32(0x1), cpu_to_be32(0x40004000) },");
        assertThat(c.contentName()).isEqualTo("val_1_40004000");
        // a blob's value has no types: a multiple of 4 bytes that is not text reads as cells, as dtc reads it
        assertThat(new CValue(new byte[] {0, 0, 0, 2}, List.of()).kind()).isEqualTo(CValue.Kind.CELLS);
        List<String> many = new CValue(new byte[4 * 40], List.of()).initializer("x", false);
        assertThat(many.get(0)).isEqualTo("\t.x = {");
        assertThat(many).allMatch(l -> CText.width(l) <= CText.WRAP_COLUMNS);
    }

    @Test
    void otherValuesAreBytesUnderACommentGivingTheSource() {
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_UINT32, null);
        v.appendInteger(7, 32);
        v.addMarker(Marker.Kind.TYPE_STRING, null);
        v.appendBytes(b("on\0"));
        v.addMarker(Marker.Kind.TYPE_UINT64, null);
        v.appendInteger(0x100000000L, 64);
        CValue c = new CValue(v.bytes(), v.markers());
        assertThat(c.kind()).isEqualTo(CValue.Kind.BYTES);
        assertThat(c.declaration("x")).isEqualTo("u8 x[15] __aligned(4);");
        assertThat(c.initializer("x", false).get(0)).isEqualTo("\t/* <0x7>, \"on\", /bits/ 64 <0x100000000> */");
        // bytes the source wrote as bytes need no comment
        Value bytes = new Value();
        bytes.addMarker(Marker.Kind.TYPE_UINT8, null);
        bytes.appendBytes(new byte[] {1, 2, 3});
        assertThat(new CValue(bytes.bytes(), bytes.markers()).initializer("mac", false))
                .containsExactly("\t.mac = { 0x01, 0x02, 0x03 },");
    }

    @Test
    void namesComeFromPathsAndAreUniqueLowerCaseIdentifiers() {
        assertThat(CNames.node(List.of())).isEqualTo("root");
        assertThat(CNames.node(List.of("soc", "serial@40004000"))).isEqualTo("soc_serial_40004000");
        assertThat(CNames.node(List.of("Soc", "USART-1"))).isEqualTo("soc_usart_1");
        assertThat(CNames.node(List.of("linux"))).isEqualTo("linux_node");
        assertThat(CNames.node(List.of("0.led"))).isEqualTo("n_0_led");
        assertThat(CNames.node(List.of("soc", "bus@40000000", "pinctrl@40020000", "usart3-0")))
                .isEqualTo("pinctrl_40020000_usart3_0").hasSizeLessThanOrEqualTo(CNames.NODE_MAX);
        assertThat(CNames.value("soc", b("#address-cells"))).isEqualTo("soc_address_cells");
        assertThat(CNames.string(b("linux,phandle"))).isEqualTo("str_linux_phandle");
        assertThat(CNames.string(new byte[0])).isEqualTo("str_empty");
        CNames scope = new CNames("prop");
        assertThat(scope.unique("a")).isEqualTo("a");
        assertThat(scope.unique("a")).isEqualTo("a_2");
        assertThat(scope.unique("a_2")).isEqualTo("a_2_2");
        assertThat(scope.unique("a")).isEqualTo("a_3");
        assertThat(scope.unique("prop")).isEqualTo("prop_2");
    }

    @Test
    void commentsCannotBeClosedOrSpliced() {
        assertThat(CText.comment(b("/a*/b?\\"))).isEqualTo("/a\\x2a/b\\x3f\\x5c");
        assertThat(CText.isStringList(b("\0"))).isFalse();
        assertThat(CText.isStringList(b("a\0\0"))).isFalse();
        assertThat(CText.isStringList(b("a"))).isFalse();
        assertThat(CText.isStringList(b("a\tb\0"))).isFalse();
    }

    @Test
    void longCommentsWrapWithinEightyColumns() {
        List<String> c = CText.blockComment("\t", ("word ").repeat(30).strip());
        assertThat(c.get(0)).isEqualTo("\t/*");
        assertThat(c).allMatch(l -> CText.width(l) <= CText.WRAP_COLUMNS);
        assertThat(CText.width("\tab")).isEqualTo(10);
    }
}
