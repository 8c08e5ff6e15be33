package org.dtshrink.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A streaming JSON writer with a fixed layout: two-space indentation, members in the order written, objects opened
 * with {@link #beginInlineObject()} on one line. Non-ASCII characters are escaped, so the bytes do not depend on the
 * platform's encoding.
 */
final class JsonOut {

    private final StringBuilder out = new StringBuilder();
    /** Per open container: whether it has a member yet, and whether it stays on one line. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonOut beginObject() {
        return begin('{', false);
    }

    JsonOut beginInlineObject() {
        return begin('{', true);
    }

    JsonOut endObject() {
        return end('}');
    }

    JsonOut beginArray() {
        return begin('[', false);
    }

    JsonOut endArray() {
        return end(']');
    }

    JsonOut name(String name) {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonOut member(String name, String value) {
        name(name);
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonOut member(String name, long value) {
        return raw(name, Long.toString(value));
    }

    JsonOut member(String name, Long value) {
        return raw(name, value == null ? "null" : value.toString());
    }

    JsonOut member(String name, boolean value) {
        return raw(name, Boolean.toString(value));
    }

    /** A member whose value is already JSON text (a number spelt by the caller, or null). */
    JsonOut raw(String name, String json) {
        name(name);
        separate();
        out.append(json);
        return this;
    }

    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON container");
        }
        return out.append('\n').toString();
    }

    private JsonOut begin(char c, boolean inline) {
        separate();
        out.append(c);
        boolean parentInline = !open.isEmpty() && open.peek()[1];
        open.push(new boolean[] {false, inline || parentInline});
        return this;
    }

    private JsonOut end(char c) {
        boolean[] top = open.pop();
        if (top[0] && !top[1]) {
            newline();
        }
        out.append(c);
        return this;
    }

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
        out.append("  ".repeat(open.size()));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
