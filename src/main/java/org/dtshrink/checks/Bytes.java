package org.dtshrink.checks;

import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * Reading values the way dtc's C reads them: cells big-endian, strings up to their first NUL. Where dtc would read
 * past the end of a value (it asserts or reads beyond the buffer), these read zeros.
 */
final class Bytes {

    private Bytes() {
    }

    /** dtc's propval_cell: the first cell (dtc asserts the value is exactly one). */
    static long cell(Property p) {
        return cellN(p.value(), 0);
    }

    static long cellN(Value v, long n) {
        long off = n * 4;
        if (off < 0 || off + 4 > v.length()) {
            return 0;
        }
        return v.cellAt((int) off);
    }

    /** The value as a C string: up to its first NUL; "(null)" for an empty value, whose data dtc leaves NULL. */
    static String cString(Value v) {
        if (v.length() == 0) {
            return "(null)";
        }
        return cStringAt(v, 0);
    }

    static String cStringAt(Value v, int from) {
        int end = from;
        while (end < v.length() && v.byteAt(end) != 0) {
            end++;
        }
        byte[] b = new byte[end - from];
        for (int i = from; i < end; i++) {
            b[i - from] = v.byteAt(i);
        }
        return Names.of(b, 0, b.length);
    }

    /** strcmp(value, s) == 0, with an empty value as the empty string. */
    static boolean cStringEquals(Value v, String s) {
        return v.length() > 0 && regionEquals(v, 0, cStringEnd(v, 0), s);
    }

    /** Where the C string at {@code from} ends: its NUL, or the value's end. */
    static int cStringEnd(Value v, int from) {
        int end = from;
        while (end < v.length() && v.byteAt(end) != 0) {
            end++;
        }
        return end;
    }

    /** Whether bytes {@code from..end} of the value, read as {@link Names#of} reads them (Latin-1), spell s. */
    static boolean regionEquals(Value v, int from, int end, String s) {
        if (end - from != s.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ((v.byteAt(from + i) & 0xff) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** C's strspn: the length of the prefix made only of {@code chars}. */
    static int span(String s, String chars) {
        return new CharSet(chars).span(s);
    }

    /** A set of ASCII characters for C's strspn, made once: names are spanned without searching a string. */
    static final class CharSet {
        private final long low;
        private final long high;

        CharSet(String chars) {
            long l = 0;
            long h = 0;
            for (int i = 0; i < chars.length(); i++) {
                char c = chars.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("not ASCII: " + chars);
                }
                if (c < 64) {
                    l |= 1L << c;
                } else {
                    h |= 1L << (c - 64);
                }
            }
            low = l;
            high = h;
        }

        boolean has(char c) {
            return c < 64 ? (low >>> c & 1) != 0 : c < 128 && (high >>> (c - 64) & 1) != 0;
        }

        /** C's strspn(s, chars). */
        int span(String s) {
            int i = 0;
            int n = s.length();
            while (i < n && has(s.charAt(i))) {
                i++;
            }
            return i;
        }
    }

    /** The length of the name before the '@' (dtc's basenamelen). */
    static int baseNameLength(Node n) {
        int at = n.name().indexOf('@');
        return at < 0 ? n.name().length() : at;
    }

    /** dtc's strprefixeq(node->name, basenamelen, s): the base name is exactly {@code s} (which has no '@'). */
    static boolean baseNameIs(Node n, String s) {
        String name = n.name();
        return name.startsWith(s) && (name.length() == s.length() || name.charAt(s.length()) == '@');
    }

    /** dtc's get_unitname: what follows the first '@', or "". */
    static String unitName(Node n) {
        return n.unitAddress();
    }

    /** Where the unit name begins in the node's name: after the first '@', or at the end. */
    static int unitStart(Node n) {
        String name = n.name();
        int at = name.indexOf('@');
        return at < 0 ? name.length() : at + 1;
    }

    /** Whether {@link #unitName} is not empty. */
    static boolean hasUnitName(Node n) {
        return unitStart(n) < n.name().length();
    }

    /** {@code unitName(n).equals(Long.toHexString(v))}, without building either string. */
    static boolean unitNameIsHex(Node n, long v) {
        String name = n.name();
        int start = unitStart(n);
        int digits = v == 0 ? 1 : (64 - Long.numberOfLeadingZeros(v) + 3) / 4;
        if (name.length() - start != digits) {
            return false;
        }
        for (int i = 0; i < digits; i++) {
            int d = (int) (v >>> (4 * (digits - 1 - i))) & 0xf;
            if (name.charAt(start + i) != Character.forDigit(d, 16)) {
                return false;
            }
        }
        return true;
    }

    /** {@code unitName(a).equals(unitName(b))}, without building either string. */
    static boolean sameUnitName(Node a, Node b) {
        int sa = unitStart(a);
        int sb = unitStart(b);
        int len = a.name().length() - sa;
        return len == b.name().length() - sb && a.name().regionMatches(sa, b.name(), sb, len);
    }

    static String hex(long v) {
        return Long.toHexString(v);
    }

    /** C's %d of a 32-bit unsigned value. */
    static int signed(long cell) {
        return (int) cell;
    }
}
