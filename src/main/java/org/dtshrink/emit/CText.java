package org.dtshrink.emit;

import org.dtshrink.tree.Names;

/** C spellings of bytes: string literals, byte lists, and text that is safe inside a comment. */
final class CText {

    /** The kernel's line limit (scripts/checkpatch.pl --max-line-length). */
    static final int MAX_COLUMNS = 100;
    /** Where comments and long lists wrap, for reading in an 80-column window. */
    static final int WRAP_COLUMNS = 80;

    private CText() {
    }

    /** Columns a line takes, tabs to the next multiple of 8 as checkpatch.pl counts them. */
    static int width(CharSequence line) {
        int w = 0;
        for (int i = 0; i < line.length(); i++) {
            w = line.charAt(i) == '\t' ? (w / 8 + 1) * 8 : w + 1;
        }
        return w;
    }

    /**
     * A comment of text that is already safe inside one ({@link #comment(byte[])}): one line when it fits, else a
     * block with the text wrapped at spaces; a word too long for a line is cut.
     */
    static java.util.List<String> blockComment(String indent, String text) {
        return blockComment(indent, text, WRAP_COLUMNS);
    }

    /** As {@link #blockComment(String, String)}, on one line when it fits in {@code oneLineColumns}. */
    static java.util.List<String> blockComment(String indent, String text, int oneLineColumns) {
        java.util.List<String> out = new java.util.ArrayList<>();
        String one = indent + "/* " + text + " */";
        if (width(one) <= oneLineColumns) {
            out.add(one);
            return out;
        }
        out.add(indent + "/*");
        for (String paragraph : text.split("\n", -1)) {
            out.addAll(wrap(indent + " * ", indent + " *", paragraph));
        }
        out.add(indent + " */");
        return out;
    }

    /** Lines of {@code prefix + words}, each within {@link #WRAP_COLUMNS}; an empty text is one bare line. */
    static java.util.List<String> wrap(String prefix, String bare, String text) {
        return wrap(prefix, bare, text, WRAP_COLUMNS);
    }

    /** As {@link #wrap(String, String, String)}, within {@code columns}. */
    static java.util.List<String> wrap(String prefix, String bare, String text, int columns) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (text.isEmpty()) {
            out.add(bare);
            return out;
        }
        int room = columns - width(prefix);
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > room) {
                if (line.length() > 0) {
                    out.add(prefix + line);
                    line.setLength(0);
                }
                out.add(prefix + word.substring(0, room));
                word = word.substring(room);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > room) {
                out.add(prefix + line);
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(prefix + line);
        }
        return out;
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
