package org.dtshrink.json;

import java.io.StringWriter;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one JSON document with Jackson's generator in the {@link StableLayout}: members in the order written,
 * containers opened with {@code beginInline...} kept on one line. Strings are escaped as {@link Json} configures
 * Jackson (everything outside ASCII as {@code \\u} escapes), so the output is the same bytes in any locale or
 * encoding. The JSON outputs of cost, prune, usage and report all go through it.
 */
public final class JsonWriter {

    private final StringWriter text = new StringWriter();
    private final StableLayout layout = new StableLayout();
    private final JsonGenerator g;

    public JsonWriter() {
        this.g = Json.MAPPER.writer().with(layout).createGenerator(text);
    }

    public JsonWriter beginObject() {
        g.writeStartObject();
        return this;
    }

    public JsonWriter beginInlineObject() {
        layout.inlineNext();
        return beginObject();
    }

    public JsonWriter endObject() {
        g.writeEndObject();
        return this;
    }

    public JsonWriter beginArray() {
        g.writeStartArray();
        return this;
    }

    public JsonWriter beginInlineArray() {
        layout.inlineNext();
        return beginArray();
    }

    public JsonWriter endArray() {
        g.writeEndArray();
        return this;
    }

    public JsonWriter name(String name) {
        g.writeName(name);
        return this;
    }

    public JsonWriter value(String s) {
        if (s == null) {
            g.writeNull();
        } else {
            g.writeString(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        g.writeNumber(n);
        return this;
    }

    public JsonWriter value(boolean b) {
        g.writeBoolean(b);
        return this;
    }

    public JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    public JsonWriter member(String name, Long value) {
        return value == null ? nullMember(name) : member(name, value.longValue());
    }

    public JsonWriter nullMember(String name) {
        name(name);
        g.writeNull();
        return this;
    }

    /** A member whose value is a number already spelt by the caller (such as {@code 20.5}), or null. */
    public JsonWriter number(String name, String number) {
        name(name);
        if (number == null || number.equals("null")) {
            g.writeNull();
        } else {
            g.writeNumber(number);
        }
        return this;
    }

    /** The document, ending with a newline; all containers must be closed. */
    public String finish() {
        if (!g.streamWriteContext().inRoot()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        g.close();
        return text.append('\n').toString();
    }
}
