package org.dtshrink.cost;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer with stable layout: two-space indentation, members in the order written, and
 * objects opened with {@link #beginInlineObject()} kept on one line (for long arrays of small records). Everything
 * outside printable ASCII is escaped, so the output is the same bytes in any locale or encoding. Shared by the
 * JSON outputs of cost and report.
 */
public final class JsonWriter {

    private final StringBuilder out = new StringBuilder();
    /** One entry per open container: whether it already has a member, and whether it is on one line. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    public JsonWriter beginObject() {
        return begin('{', false);
    }

    public JsonWriter beginInlineObject() {
        return begin('{', true);
    }

    public JsonWriter endObject() {
        return end('}');
    }

    public JsonWriter beginArray() {
        return begin('[', false);
    }

    public JsonWriter endArray() {
        return end(']');
    }

    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    public JsonWriter value(String s) {
        separate();
        if (s == null) {
            out.append("null");
        } else {
            string(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        separate();
        out.append(n);
        return this;
    }

    public JsonWriter value(boolean b) {
        separate();
        out.append(b);
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
        return value == null ? raw(name, "null") : member(name, value.longValue());
    }

    /** A member whose value is already JSON text (a number spelt by the caller, or null). */
    public JsonWriter raw(String name, String json) {
        name(name);
        separate();
        out.append(json);
        return this;
    }

    /** The document, ending with a newline; all containers must be closed. */
    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out.append('\n').toString();
    }

    private JsonWriter begin(char c, boolean inline) {
        separate();
        out.append(c);
        boolean parentInline = !open.isEmpty() && open.peek()[1];
        open.push(new boolean[] {false, inline || parentInline});
        return this;
    }

    private JsonWriter end(char c) {
        boolean[] top = open.pop();
        if (top[0] && !top[1]) {
            newline();
        }
        out.append(c);
        return this;
    }

    /** Writes what goes before a value or name: nothing after a name, else a comma and a line break as needed. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        boolean[] top = open.peek();
        if (top[0]) {
            out.append(top[1] ? ", " : ",");
        }
        top[0] = true;
        if (!top[1]) {
            newline();
        }
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < open.size(); i++) {
            out.append("  ");
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
            }
        }
        out.append('"');
    }
}
