package org.dtshrink.emit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Marker;

/**
 * How one property value is spelled in the emitted C, by what the source says it is: strings as string literals,
 * 32-bit cells as {@code __be32} arrays of {@code cpu_to_be32()}, anything else (bytes, 16- or 64-bit cells, a mix)
 * as a byte array under a comment that gives the value as the source wrote it. A value from a blob has no types;
 * it is read as dtc's decompiler reads it: strings when it is printable NUL-terminated text, cells when its length
 * is a multiple of 4, else bytes. Whatever the spelling, the bytes are the blob's and every value is 4-byte aligned.
 */
final class CValue {

    enum Kind { STRING, CELLS, BYTES }

    private record Run(Marker.Kind kind, int start, int end) {
    }

    private final byte[] bytes;
    private final Kind kind;
    private final List<Run> runs;
    /** The label or path a phandle cell refers to, by the cell's offset. */
    private final Map<Integer, String> refs = new HashMap<>();
    private boolean annotate = true;

    CValue(byte[] bytes, List<Marker> markers) {
        this.bytes = bytes.clone();
        this.runs = runs(bytes.length, markers);
        for (Marker m : markers) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.ref() != null) {
                refs.putIfAbsent(m.offset(), m.ref());
            }
        }
        this.kind = kindOf();
    }

    Kind kind() {
        return kind;
    }

    /**
     * A name saying what a short value is ({@code val_1}, {@code val_40004000_1000}, {@code val_okay}), for a
     * value several properties share; null when the value is too long to be named by its content.
     */
    String contentName() {
        if (kind == Kind.CELLS && bytes.length <= 8) {
            StringBuilder sb = new StringBuilder("val");
            for (int off = 0; off < bytes.length; off += 4) {
                long c = ((bytes[off] & 0xffL) << 24) | ((bytes[off + 1] & 0xffL) << 16)
                        | ((bytes[off + 2] & 0xffL) << 8) | (bytes[off + 3] & 0xffL);
                sb.append('_').append(Long.toHexString(c));
            }
            return sb.toString();
        }
        if (kind == Kind.STRING && bytes.length <= CNames.STRING_MAX && stringParts().size() == 1) {
            return bytes.length == 1 ? "val_empty" : "val_" + CNames.sanitize(new String(bytes, 0,
                    bytes.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return null;
    }

    /** The member declaration, e.g. {@code __be32 soc_serial_reg[2];}. */
    String declaration(String name) {
        switch (kind) {
            case STRING:
                return "char " + name + "[" + bytes.length + "] __aligned(" + StaticTable.VALUE_ALIGN + ");";
            case CELLS:
                return "__be32 " + name + "[" + bytes.length / 4 + "];";
            default:
                return "u8 " + name + "[" + bytes.length + "] __aligned(" + StaticTable.VALUE_ALIGN + ");";
        }
    }

    /** True when {@code np->name} can point at the member as it is (a char array). */
    boolean isChars() {
        return kind == Kind.STRING;
    }

    /**
     * The designated initializer, one or more lines at one tab of indent, each within the kernel's 100 columns.
     *
     * @param shared whether several properties have this value: then a phandle it holds for one of them is not
     *     named, as the others may mean a number
     */
    List<String> initializer(String name, boolean shared) {
        this.annotate = !shared;
        List<String> out = new ArrayList<>();
        String head = "\t." + name + " =";
        if (kind == Kind.STRING) {
            List<String> parts = stringParts();
            String one = head + " " + parts.get(0) + ",";
            if (parts.size() == 1 && CText.width(one) <= CText.MAX_COLUMNS) {
                out.add(one);
                return out;
            }
            // one string a line: a line holding only a string may be long, and a string ending in an escape
            // may be continued on the next line (checkpatch.pl's rules for long and split strings)
            out.add(head);
            for (int i = 0; i < parts.size(); i++) {
                out.add("\t\t" + parts.get(i) + (i + 1 < parts.size() ? "" : ","));
            }
            return out;
        }
        String comment = sourceComment();
        if (comment != null) {
            out.addAll(CText.blockComment("\t", comment));
        }
        List<String> items = kind == Kind.CELLS ? cells() : byteItems();
        String one = head + " { " + String.join(", ", items) + " },";
        if (CText.width(one) <= CText.MAX_COLUMNS) {
            out.add(one);
            return out;
        }
        out.add(head + " {");
        StringBuilder line = new StringBuilder("\t\t");
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + ",";
            if (line.length() > 2 && CText.width(line + " " + item) > CText.WRAP_COLUMNS) {
                out.add(line.toString());
                line = new StringBuilder("\t\t");
            }
            if (line.length() > 2) {
                line.append(' ');
            }
            line.append(item);
        }
        out.add(line.toString());
        out.add("\t},");
        return out;
    }

    /** The string literals of a string list, each but the last ending in its NUL. */
    private List<String> stringParts() {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                String lit = CText.literal(bytes, start, i);
                if (i < bytes.length - 1) {
                    lit = lit.substring(0, lit.length() - 1) + "\\0\"";
                }
                parts.add(lit);
                start = i + 1;
            }
        }
        return parts;
    }

    private List<String> cells() {
        List<String> items = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += 4) {
            long c = ((bytes[off] & 0xffL) << 24) | ((bytes[off + 1] & 0xffL) << 16) | ((bytes[off + 2] & 0xffL) << 8)
                    | (bytes[off + 3] & 0xffL);
            String item = "cpu_to_be32(0x" + Long.toHexString(c) + ")";
            String ref = annotate ? refs.get(off) : null;
            if (ref != null) {
                item += " /* &" + CText.comment(ref) + " */";
            }
            items.add(item);
        }
        return items;
    }

    private List<String> byteItems() {
        List<String> items = new ArrayList<>();
        for (byte b : bytes) {
            items.add(String.format("0x%02x", b & 0xff));
        }
        return items;
    }

    /**
     * The value as the source wrote it, for a byte array whose source said more than bytes ({@code <...>} cells of
     * other widths, strings); null when there is nothing to add.
     */
    String sourceComment() {
        if (kind != Kind.BYTES) {
            return null;
        }
        boolean onlyBytes = true;
        for (Run r : runs) {
            onlyBytes &= r.kind() == Marker.Kind.TYPE_UINT8 || r.kind() == null;
        }
        if (onlyBytes) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Run r : runs) {
            if (r.start() == r.end()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(spell(r));
        }
        return sb.toString();
    }

    /** One run in DTS syntax: {@code <0x1 0x2>}, {@code /bits/ 16 <0x1>}, {@code "text"}, {@code [00 01]}. */
    private String spell(Run r) {
        int bits = r.kind() == null ? 0 : r.kind().bits();
        int width = bits / 8;
        if (r.kind() == Marker.Kind.TYPE_STRING && isStrings(r.start(), r.end())) {
            List<String> strings = new ArrayList<>();
            int start = r.start();
            for (int i = r.start(); i < r.end(); i++) {
                if (bytes[i] == 0) {
                    strings.add("\"" + CText.comment(java.util.Arrays.copyOfRange(bytes, start, i)) + "\"");
                    start = i + 1;
                }
            }
            return String.join(", ", strings);
        }
        if (width > 1 && (r.end() - r.start()) % width == 0) {
            List<String> items = new ArrayList<>();
            for (int off = r.start(); off < r.end(); off += width) {
                long v = 0;
                for (int k = 0; k < width; k++) {
                    v = (v << 8) | (bytes[off + k] & 0xff);
                }
                String ref = bits == 32 && annotate ? refs.get(off) : null;
                items.add(ref != null ? "&" + CText.comment(ref) : "0x" + Long.toHexString(v));
            }
            return (bits == 32 ? "<" : "/bits/ " + bits + " <") + String.join(" ", items) + ">";
        }
        List<String> items = new ArrayList<>();
        for (int i = r.start(); i < r.end(); i++) {
            items.add(String.format("%02x", bytes[i] & 0xff));
        }
        return "[" + String.join(" ", items) + "]";
    }

    private boolean isStrings(int from, int to) {
        return CText.isStringList(java.util.Arrays.copyOfRange(bytes, from, to));
    }

    /** The typed runs the markers describe; without type markers one run of unknown type (null). */
    private static List<Run> runs(int length, List<Marker> markers) {
        List<Marker> types = new ArrayList<>();
        for (Marker m : markers) {
            if (m.kind().isType() && m.offset() >= 0 && m.offset() <= length) {
                types.add(m);
            }
        }
        types.sort(Comparator.comparingInt(Marker::offset));
        List<Run> runs = new ArrayList<>();
        int firstTyped = types.isEmpty() ? length : types.get(0).offset();
        if (firstTyped > 0) {
            runs.add(new Run(null, 0, firstTyped));
        }
        for (int i = 0; i < types.size(); i++) {
            int end = i + 1 < types.size() ? types.get(i + 1).offset() : length;
            runs.add(new Run(types.get(i).kind(), types.get(i).offset(), end));
        }
        runs.removeIf(r -> r.start() == r.end());
        return runs;
    }

    private Kind kindOf() {
        // the empty string (a node name's terminator alone) is a string too
        boolean strings = CText.isStringList(bytes) || (bytes.length == 1 && bytes[0] == 0);
        boolean cells = bytes.length > 0 && bytes.length % 4 == 0;
        if (runs.size() == 1 && runs.get(0).kind() == null) {
            return strings ? Kind.STRING : cells ? Kind.CELLS : Kind.BYTES;
        }
        boolean allStrings = !runs.isEmpty();
        boolean allCells = !runs.isEmpty();
        for (Run r : runs) {
            allStrings &= r.kind() == Marker.Kind.TYPE_STRING;
            allCells &= r.kind() == Marker.Kind.TYPE_UINT32 && (r.end() - r.start()) % 4 == 0;
        }
        if (allStrings && strings) {
            return Kind.STRING;
        }
        if (allCells && cells) {
            return Kind.CELLS;
        }
        return Kind.BYTES;
    }
}
