package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
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
    void stringListsBecomeLiteralsAndTheArraySizeSuppliesTheLastNul() {
        assertThat(CText.valueInitializer(b("okay\0"), "\t")).isEqualTo("\"okay\"");
        assertThat(CText.valueInitializer(b("st,a\0st,b\0"), "\t")).isEqualTo("\"st,a\\0\" \"st,b\"");
        assertThat(CText.valueInitializer(b("1\0" + "2\0"), "\t")).isEqualTo("\"1\\0\" \"2\"");
    }

    @Test
    void otherValuesAreByteLists() {
        assertThat(CText.valueInitializer(new byte[] {0, 0, 0, 1}, "\t")).isEqualTo("{\n\t\t0x00, 0x00, 0x00, 0x01\n\t}");
        assertThat(CText.isStringList(b("\0"))).isFalse();
        assertThat(CText.isStringList(b("a\0\0"))).isFalse();
        assertThat(CText.isStringList(b("a"))).isFalse();
        assertThat(CText.isStringList(b("a\tb\0"))).isFalse();
    }

    @Test
    void commentsCannotBeClosedOrSpliced() {
        assertThat(CText.comment(b("/a*/b?\\"))).isEqualTo("/a\\x2a/b\\x3f\\x5c");
    }
}
