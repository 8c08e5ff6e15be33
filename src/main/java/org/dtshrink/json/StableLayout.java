package org.dtshrink.json;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.PrettyPrinter;

/**
 * The layout every JSON output of dtshrink has: two-space indentation, {@code "name": value}, and containers the
 * writer marks inline (small records in long arrays) kept on one line as {@code {"a": 1, "b": 2}}; whatever is
 * inside an inline container is inline too. Empty containers are {@code {}} and {@code []}. One instance per
 * document: it tracks the open containers.
 */
final class StableLayout implements PrettyPrinter {

    /** One entry per open container: whether it is on one line. */
    private final Deque<Boolean> inline = new ArrayDeque<>();
    private boolean nextInline;

    /** The next object or array opened goes on one line. */
    void inlineNext() {
        nextInline = true;
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) {
        // one document per output
    }

    @Override
    public void writeStartObject(JsonGenerator g) {
        open();
        g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) {
        close(g, entries, '}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) {
        separate(g);
    }

    @Override
    public void writeObjectNameValueSeparator(JsonGenerator g) {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) {
        open();
        g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) {
        close(g, values, ']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) {
        separate(g);
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) {
        firstEntry(g);
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) {
        firstEntry(g);
    }

    private void open() {
        inline.push(nextInline || !inline.isEmpty() && inline.peek());
        nextInline = false;
    }

    private void close(JsonGenerator g, int entries, char bracket) {
        boolean oneLine = inline.pop();
        if (entries > 0 && !oneLine) {
            newline(g);
        }
        g.writeRaw(bracket);
    }

    private void firstEntry(JsonGenerator g) {
        if (!inline.peek()) {
            newline(g);
        }
    }

    private void separate(JsonGenerator g) {
        if (inline.peek()) {
            g.writeRaw(", ");
        } else {
            g.writeRaw(',');
            newline(g);
        }
    }

    private void newline(JsonGenerator g) {
        g.writeRaw('\n');
        for (int i = 0; i < inline.size(); i++) {
            g.writeRaw("  ");
        }
    }
}
