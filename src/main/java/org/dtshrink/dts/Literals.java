package org.dtshrink.dts;

import java.io.ByteArrayOutputStream;
import org.antlr.v4.runtime.Token;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/** The meaning of literal tokens, as dtc reads them: integers in C syntax, strings and characters with escapes. */
final class Literals {

    private Literals() {
    }

    /**
     * An integer literal: decimal, 0x hex or leading-0 octal with an optional U/L suffix, as C's strtoull reads it
     * (64-bit unsigned; larger is an error).
     */
    static long integer(String text, SourcePos pos) {
        return integer(text, 0, text.length(), pos, null);
    }

    /**
     * {@link #integer(String, SourcePos)} of a LITERAL token, read where it stands in its source: a token makes no
     * string of its own for this, nor a position unless the literal is bad.
     */
    static long integer(Token t) {
        if (t instanceof DtsToken d) {
            return integer(d.source(), d.getStartIndex(), d.getStopIndex() + 1, null, t);
        }
        String text = t.getText();
        return integer(text, 0, text.length(), null, t);
    }

    /** The literal from {@code begin} to {@code end} of {@code s}; an error is at {@code pos}, else at {@code at}. */
    private static long integer(String s, int begin, int end, SourcePos pos, Token at) {
        int stop = end;
        while (stop > begin && (s.charAt(stop - 1) == 'U' || s.charAt(stop - 1) == 'L')) {
            stop--;
        }
        int radix = 10;
        int from = begin;
        if (stop - begin > 2 && s.charAt(begin) == '0' && (s.charAt(begin + 1) == 'x' || s.charAt(begin + 1) == 'X')) {
            radix = 16;
            from = begin + 2;
        } else if (stop - begin > 1 && s.charAt(begin) == '0') {
            radix = 8;
            from = begin + 1;
            for (int i = from; i < stop; i++) {
                if (s.charAt(i) > '7') {
                    throw DtException.at(where(pos, at), "Bad integer literal '" + s.substring(begin, end) + "'");
                }
            }
        }
        if (from == stop) {
            throw outOfRange(s.substring(begin, end), where(pos, at));
        }
        int i = from;
        while (i < stop - 1 && s.charAt(i) == '0') {
            i++;
        }
        // up to 16 hex, 19 decimal or 21 octal significant digits cannot pass 64 bits
        int safe = radix == 16 ? 16 : radix == 10 ? 19 : 21;
        boolean mayOverflow = stop - i >= safe;
        long limit = mayOverflow ? Long.divideUnsigned(-1L, radix) : 0;
        long v = 0;
        for (; i < stop; i++) {
            int d = digit(s.charAt(i));
            if (d >= radix) {
                throw outOfRange(s.substring(begin, end), where(pos, at));
            }
            if (mayOverflow) {
                if (Long.compareUnsigned(v, limit) > 0 || Long.compareUnsigned(v * radix + d, v * radix) < 0) {
                    // only the lexer's digits reach here, so the one way to fail is a value above 64 bits
                    throw outOfRange(s.substring(begin, end), where(pos, at));
                }
            }
            v = v * radix + d;
        }
        return v;
    }

    private static SourcePos where(SourcePos pos, Token at) {
        return pos != null ? pos : DtsToken.posOf(at);
    }

    /** The value of a hex digit, or 99 for any other character. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : 99;
    }

    private static DtException outOfRange(String text, SourcePos pos) {
        return DtException.at(pos, "Integer literal '" + text + "' out of range");
    }

    /** A character literal such as {@code 'a'} or {@code '\n'}: the value of its one byte. */
    static long character(String text, SourcePos pos) {
        byte[] b = unescape(text.substring(1, text.length() - 1), pos);
        if (b.length == 0) {
            throw DtException.at(pos, "Empty character literal");
        }
        if (b.length > 1) {
            throw DtException.at(pos, "Character literal has " + b.length + " characters instead of 1");
        }
        return b[0] & 0xff;
    }

    /** The bytes of a quoted string token, escapes resolved, without the terminating NUL. */
    static byte[] string(String quoted, SourcePos pos) {
        return unescape(quoted.substring(1, quoted.length() - 1), pos);
    }

    /**
     * Appends the bytes of a quoted string token to a value, escapes resolved, without the terminating NUL; a
     * string with no escape is copied as it stands.
     */
    static void appendString(Value v, Token quoted) {
        String s;
        int begin;
        int end;
        if (quoted instanceof DtsToken d) {
            // read where it stands in its source: no string of its own, and a position only for a bad escape
            s = d.source();
            begin = d.getStartIndex() + 1;
            end = d.getStopIndex();
        } else {
            s = quoted.getText();
            begin = 1;
            end = s.length() - 1;
        }
        // a search bounded by the token: the source goes on after it
        int backslash = begin;
        while (backslash < end && s.charAt(backslash) != '\\') {
            backslash++;
        }
        if (backslash == end) {
            v.appendLatin1(s, begin, end);
        } else {
            v.appendBytes(unescape(s.substring(begin, end), DtsToken.posOf(quoted)));
        }
    }

    /** Resolves C escapes as dtc does: \a \b \t \n \v \f \r, up to 3 octal digits, \x and up to 2 hex digits. */
    static byte[] unescape(String s, SourcePos pos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c != '\\' || i >= s.length()) {
                out.write(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'a': out.write(7); break;
                case 'b': out.write(8); break;
                case 't': out.write(9); break;
                case 'n': out.write(10); break;
                case 'v': out.write(11); break;
                case 'f': out.write(12); break;
                case 'r': out.write(13); break;
                case 'x': {
                    int v = 0;
                    int n = 0;
                    while (n < 2 && i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                        v = v * 16 + Character.digit(s.charAt(i++), 16);
                        n++;
                    }
                    if (n == 0) {
                        throw DtException.at(pos, "\\x used with no following hex digits");
                    }
                    out.write(v);
                    break;
                }
                default:
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int n = 1;
                        while (n < 3 && i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7') {
                            v = v * 8 + (s.charAt(i++) - '0');
                            n++;
                        }
                        out.write(v);
                    } else {
                        out.write(e);
                    }
            }
        }
        return out.toByteArray();
    }
}
