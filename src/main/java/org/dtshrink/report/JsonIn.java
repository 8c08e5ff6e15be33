package org.dtshrink.report;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DtException;

/**
 * Reads JSON into maps (member order kept), lists, strings, {@link Long} or {@link BigDecimal} numbers, booleans
 * and null, for reading reports back. Containers are tracked on an explicit stack, so hostile nesting cannot
 * overflow the Java stack; errors are {@link DtException}s naming the byte offset.
 */
public final class JsonIn {

    private static final int MAX_DEPTH = 1000;

    private final String file;
    private final String s;
    private int i;

    private JsonIn(String file, String s) {
        this.file = file;
        this.s = s;
    }

    public static Object parse(String file, String text) {
        JsonIn p = new JsonIn(file, text);
        Object v = p.document();
        p.space();
        if (p.i != p.s.length()) {
            throw p.error("text after the JSON value");
        }
        return v;
    }

    /** A container being filled, and for an object the name of the member whose value comes next. */
    private static final class Open {
        final Map<String, Object> object;
        final List<Object> array;
        String name;

        Open(Map<String, Object> object, List<Object> array) {
            this.object = object;
            this.array = array;
        }

        Object value() {
            return object != null ? object : array;
        }
    }

    private Object document() {
        Deque<Open> stack = new ArrayDeque<>();
        while (true) {
            space();
            Open top = stack.peek();
            if (top != null && top.object != null && top.name == null) {
                // Expecting a member name or the end of the object.
                if (peek() == '}' && top.object.isEmpty()) {
                    i++;
                } else {
                    top.name = string();
                    space();
                    expect(':');
                    continue;
                }
            } else if (top != null && top.array != null && top.array.isEmpty() && peek() == ']') {
                i++;
            } else {
                char c = peek();
                if (c == '{' || c == '[') {
                    if (stack.size() == MAX_DEPTH) {
                        throw error("nested deeper than " + MAX_DEPTH);
                    }
                    i++;
                    stack.push(c == '{' ? new Open(new LinkedHashMap<>(), null) : new Open(null, new ArrayList<>()));
                    continue;
                }
                Object v = scalar();
                if (top == null) {
                    return v;
                }
                add(top, v);
                if (!afterValue(stack)) {
                    continue;
                }
            }
            // The container on top is complete.
            Open done = stack.pop();
            if (stack.isEmpty()) {
                return done.value();
            }
            add(stack.peek(), done.value());
            while (afterValue(stack)) {
                done = stack.pop();
                if (stack.isEmpty()) {
                    return done.value();
                }
                add(stack.peek(), done.value());
            }
        }
    }

    /** After a value inside the top container: true when that container ends here, false after a comma. */
    private boolean afterValue(Deque<Open> stack) {
        space();
        Open top = stack.peek();
        char c = peek();
        if (c == ',') {
            i++;
            return false;
        }
        char close = top.object != null ? '}' : ']';
        if (c != close) {
            throw error("expected ',' or '" + close + "'");
        }
        i++;
        return true;
    }

    private void add(Open o, Object v) {
        if (o.object != null) {
            if (o.object.containsKey(o.name)) {
                throw error("member \"" + o.name + "\" given twice");
            }
            o.object.put(o.name, v);
            o.name = null;
        } else {
            o.array.add(v);
        }
    }

    private Object scalar() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        throw error("expected a JSON value");
    }

    private Object number() {
        int start = i;
        if (peek() == '-') {
            i++;
        }
        boolean integral = true;
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
            }
            i++;
        }
        String t = s.substring(start, i);
        try {
            if (integral) {
                return Long.parseLong(t);
            }
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            i = start;
            throw error("bad number '" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'");
        }
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                i--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i >= s.length()) {
                throw error("unterminated string");
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("bad \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> {
                    i--;
                    throw error("bad escape '\\" + (e < 0x20 || e > 0x7e ? "?" : String.valueOf(e)) + "'");
                }
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private char peek() {
        if (i >= s.length()) {
            throw error("unexpected end of the JSON text");
        }
        return s.charAt(i);
    }

    private void space() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private DtException error(String what) {
        return DtException.atOffset(file, i, what);
    }
}
