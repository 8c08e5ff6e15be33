package org.dtshrink.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A C lexer good enough to find calls and their string arguments: identifiers, string literals (escapes decoded,
 * adjacent literals joined as the compiler joins them), punctuation one character at a time, and everything else
 * (numbers, character constants) as OTHER. Comments go; preprocessor lines stay as tokens, except that an
 * {@code #include} line becomes one INCLUDE token holding its name. Lines are kept for messages.
 */
final class CTokens {

    enum Type { IDENT, STRING, PUNCT, OTHER, INCLUDE }

    record Token(Type type, String text, int line) {
        boolean is(String punct) {
            return type == Type.PUNCT && text.equals(punct);
        }
    }

    private CTokens() {
    }

    static List<Token> lex(String src) {
        List<Token> out = new ArrayList<>();
        int n = src.length();
        int i = 0;
        int line = 1;
        boolean lineStart = true;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\\') {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '#' && lineStart) {
                int j = skipSpaces(src, i + 1);
                if (src.startsWith("include", j)) {
                    int k = skipSpaces(src, j + 7);
                    int end = src.indexOf('\n', k);
                    end = end < 0 ? n : end;
                    String rest = src.substring(k, end).strip();
                    if (rest.length() > 2 && (rest.charAt(0) == '"' || rest.charAt(0) == '<')) {
                        char close = rest.charAt(0) == '"' ? '"' : '>';
                        int e = rest.indexOf(close, 1);
                        if (e > 0) {
                            out.add(new Token(Type.INCLUDE, rest.substring(0, e + 1), line));
                        }
                    }
                    i = end;
                    continue;
                }
            }
            lineStart = false;
            if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '_')) {
                    j++;
                }
                // an encoding prefix (L"", u8"") belongs to the literal
                if (j < n && src.charAt(j) == '"' && (j - i <= 2) && src.substring(i, j).matches("L|u|U|u8")) {
                    i = j;
                    continue;
                }
                out.add(new Token(Type.IDENT, src.substring(i, j), line));
                i = j;
            } else if (c == '"') {
                int startLine = line;
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                i = literal(src, i, buf);
                // adjacent literals, across whitespace and comments, are one string
                while (true) {
                    int j = i;
                    while (j < n) {
                        char d = src.charAt(j);
                        if (d == '\n') {
                            line++;
                            j++;
                        } else if (d == ' ' || d == '\t' || d == '\r' || d == '\\') {
                            j++;
                        } else if (d == '/' && j + 1 < n && src.charAt(j + 1) == '*') {
                            int end = src.indexOf("*/", j + 2);
                            end = end < 0 ? n : end + 2;
                            line += count(src, j, end);
                            j = end;
                        } else {
                            break;
                        }
                    }
                    if (j < n && src.charAt(j) == '"') {
                        i = literal(src, j, buf);
                    } else {
                        break;
                    }
                }
                out.add(new Token(Type.STRING, buf.toString(StandardCharsets.ISO_8859_1), startLine));
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != '\'' && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(new Token(Type.OTHER, "'", line));
                i = Math.min(n, j + 1);
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(src.charAt(j)) || src.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Type.OTHER, src.substring(i, j), line));
                i = j;
            } else {
                out.add(new Token(Type.PUNCT, String.valueOf(c), line));
                i++;
            }
        }
        return out;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }

    /** Decodes the literal opening at {@code i} into {@code buf}; returns the index after its closing quote. */
    private static int literal(String s, int i, ByteArrayOutputStream buf) {
        int n = s.length();
        int j = i + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '"' || c == '\n') {
                return j + 1;
            }
            if (c == '\\' && j + 1 < n) {
                char e = s.charAt(j + 1);
                j += 2;
                switch (e) {
                    case 'n' -> buf.write('\n');
                    case 't' -> buf.write('\t');
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int v = e - '0';
                        int k = 0;
                        while (k < 2 && j < n && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j++) - '0');
                            k++;
                        }
                        buf.write(v);
                    }
                    case 'x' -> {
                        int v = 0;
                        while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
                            v = v * 16 + Character.digit(s.charAt(j++), 16);
                        }
                        buf.write(v);
                    }
                    case '\n' -> {
                    }
                    default -> buf.write(e);
                }
                continue;
            }
            buf.write(c);
            j++;
        }
        return j;
    }
}
