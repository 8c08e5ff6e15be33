package org.dtshrink.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;

/** The one JSON layout and escaping every output has, and reading JSON back as bad input is reported. */
class JsonWriterTest {

    @Test
    void jsonEscapesEverythingOutsidePrintableAscii() {
        JsonWriter j = new JsonWriter().beginObject().member("s", "a\"b\\c\n\u0001\u00e9/").endObject();
        assertThat(j.finish()).isEqualTo("{\n  \"s\": \"a\\\"b\\\\c\\n\\u0001\\u00e9/\"\n}\n");
    }

    @Test
    void inlineContainersStayOnOneLineAndEmptyOnesAreClosedAtOnce() {
        JsonWriter j = new JsonWriter().beginObject().name("rows").beginArray()
                .beginInlineObject().member("a", 1).name("b").beginArray().value("x").value("y").endArray()
                .endObject().endArray().name("none").beginArray().endArray().name("o").beginObject().endObject()
                .name("tags").beginInlineArray().value("p").value("q").endArray().nullMember("n")
                .number("pct", "20.5").endObject();
        assertThat(j.finish()).isEqualTo("{\n  \"rows\": [\n    {\"a\": 1, \"b\": [\"x\", \"y\"]}\n  ],\n"
                + "  \"none\": [],\n  \"o\": {},\n  \"tags\": [\"p\", \"q\"],\n  \"n\": null,\n  \"pct\": 20.5\n}\n");
    }

    @Test
    void readsPlainValuesWithWholeNumbersAsLongs() {
        Object v = Json.read("x.json", "{\"a\": 1, \"b\": [true, null, \"s\"], \"c\": 2.5}");
        assertThat(v).isEqualTo(Map.of("a", 1L, "b", java.util.Arrays.asList(true, null, "s"),
                "c", new BigDecimal("2.5")));
        assertThat(List.copyOf(((Map<?, ?>) v).keySet())).isEqualTo(List.of("a", "b", "c"));
        assertThat(Json.read("x.json", "[]")).isEqualTo(List.of());
    }

    @Test
    void badJsonNamesTheFileAndTheOffset() {
        assertThatThrownBy(() -> Json.read("x.json", "{\"a\": 1} 2")).isInstanceOf(DtException.class)
                .hasMessageStartingWith("x.json: offset 0x").hasMessageContaining(": error: ");
        assertThatThrownBy(() -> Json.read("x.json", "{\"a\": ")).isInstanceOf(DtException.class)
                .hasMessage("x.json: offset 0x6: error: unexpected end of the JSON text");
    }
}
