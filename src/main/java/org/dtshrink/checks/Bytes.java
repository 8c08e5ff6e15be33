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
        return v.length() > 0 && cStringAt(v, 0).equals(s);
    }

    /** C's strspn: the length of the prefix made only of {@code chars}. */
    static int span(String s, String chars) {
        int i = 0;
        while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** The length of the name before the '@' (dtc's basenamelen). */
    static int baseNameLength(Node n) {
        int at = n.name().indexOf('@');
        return at < 0 ? n.name().length() : at;
    }

    /** dtc's strprefixeq(node->name, basenamelen, s): the base name is exactly {@code s}. */
    static boolean baseNameIs(Node n, String s) {
        return n.baseName().equals(s);
    }

    /** dtc's get_unitname: what follows the first '@', or "". */
    static String unitName(Node n) {
        return n.unitAddress();
    }

    static String hex(long v) {
        return Long.toHexString(v);
    }

    /** C's %d of a 32-bit unsigned value. */
    static int signed(long cell) {
        return (int) cell;
    }
}
