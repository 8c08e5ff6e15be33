package org.dtshrink.dts;

import java.io.ByteArrayOutputStream;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/** The meaning of literal tokens, as dtc reads them: integers in C syntax, strings and characters with escapes. */
final class Literals {

    private Literals() {
    }

    /**
     * An integer literal: decimal, 0x hex or leading-0 octal with an optional U/L suffix, as C's strtoull reads it
     * (64-bit unsigned; larger is an error).
     */
    static long integer(String text, SourcePos pos) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == 'U' || text.charAt(end - 1) == 'L')) {
            end--;
        }
        String body = text.substring(0, end);
        int radix = 10;
        String digits = body;
        if (body.length() > 2 && (body.startsWith("0x") || body.startsWith("0X"))) {
            radix = 16;
            digits = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            digits = body.substring(1);
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) > '7') {
                    throw DtException.at(pos, "Bad integer literal '" + text + "'");
                }
            }
        }
        try {
            return Long.parseUnsignedLong(digits, radix);
        } catch (NumberFormatException e) {
            // only the lexer's digits reach here, so the one way to fail is a value above 64 bits
            throw DtException.at(pos, "Integer literal '" + text + "' out of range");
        }
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
