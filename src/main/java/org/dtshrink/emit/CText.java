package org.dtshrink.emit;

import org.dtshrink.tree.Names;

/** C spellings of bytes: string literals, byte lists, and text that is safe inside a comment. */
final class CText {

    private CText() {
    }

    /**
     * A string literal of the bytes. Only plain printable ASCII stays as it is; '?' is escaped so no trigraph can
     * form, and everything else is a three-digit octal escape, which cannot run into the next character.
     */
    static String literal(byte[] b, int from, int to) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == '"' || c == '\\' || c == '?') {
                sb.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
            } else {
                sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The initializer of a value's byte array: a string literal for printable NUL-terminated strings and string
     * lists (the array's size supplies the last NUL), else a list of bytes.
     */
    static String valueInitializer(byte[] v, String indent) {
        if (isStringList(v)) {
            StringBuilder sb = new StringBuilder();
            int start = 0;
            for (int i = 0; i < v.length; i++) {
                if (v[i] == 0) {
                    if (sb.length() > 0) {
                        sb.append(" ");
                    }
                    String lit = literal(v, start, i);
                    if (i < v.length - 1) {
                        // "\0" closes the literal, so the escape cannot run into the next segment's digits
                        lit = lit.substring(0, lit.length() - 1) + "\\0\"";
                    }
                    sb.append(lit);
                    start = i + 1;
                }
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < v.length; i++) {
            if (i % 16 == 0) {
                sb.append('\n').append(indent).append('\t');
            } else {
                sb.append(' ');
            }
            sb.append(String.format("0x%02x", v[i] & 0xff));
            if (i + 1 < v.length) {
                sb.append(',');
            }
        }
        return sb.append('\n').append(indent).append('}').toString();
    }

    /** Printable segments, each ended by one NUL, the last byte a NUL. */
    static boolean isStringList(byte[] v) {
        if (v.length == 0 || v[v.length - 1] != 0) {
            return false;
        }
        int segment = 0;
        for (byte b : v) {
            int c = b & 0xff;
            if (c == 0) {
                if (segment == 0) {
                    return false;
                }
                segment = 0;
            } else if (c < 0x20 || c >= 0x7f) {
                return false;
            } else {
                segment++;
            }
        }
        return true;
    }

    /** Text for inside a comment: no "*&#47;", no trigraph, no line splice, nothing unprintable. */
    static String comment(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '*' && c != '?' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }

    static String comment(String s) {
        return comment(Names.bytes(s));
    }
}
