package org.dtshrink.dtsout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Marker.Kind;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Value;

/**
 * Prints one property value as DTS, from {@code " = "} to the semicolon. Values that carry type markers (from
 * source) print by them: cells in {@code <>} with {@code /bits/} for other widths, bytes in {@code []}, strings,
 * labels where they sit and {@code &ref} for phandle references. Values without (blob input) are guessed as dtc
 * guesses them: strings when every byte is printable or NUL and it ends in NUL, cells when the length is a multiple
 * of 4, bytes otherwise. Strings are always printed one per NUL, so no escape can run into the next character.
 * Any run the markers describe inconsistently is printed as its bytes, so the output always compiles to the same
 * value.
 */
final class DtsValuePrinter {

    private record Run(Kind kind, int start, int end) {
    }

    private final StringBuilder out;
    private final ReferenceSyntax references;
    private final Value value;
    private final byte[] bytes;
    private final List<Marker> labels = new ArrayList<>();
    /** Phandle references by the offset of their cell; the first one at an offset wins. */
    private final Map<Integer, String> phandleRefs = new HashMap<>();
    private int nextLabel;

    private DtsValuePrinter(StringBuilder out, Value value, ReferenceSyntax references) {
        this.out = out;
        this.references = references;
        this.value = value;
        this.bytes = value.bytes();
        List<Marker> sorted = new ArrayList<>(value.markers());
        sorted.sort(Comparator.comparingInt(Marker::offset));
        for (Marker m : sorted) {
            if (m.kind() == Kind.LABEL) {
                labels.add(m);
            } else if (m.kind() == Kind.REF_PHANDLE && m.ref() != null) {
                phandleRefs.putIfAbsent(m.offset(), m.ref());
            }
        }
    }

    static void append(StringBuilder out, Value value, ReferenceSyntax references) {
        if (value.length() == 0) {
            out.append(';');
            return;
        }
        new DtsValuePrinter(out, value, references).print();
    }

    private void print() {
        out.append(" =");
        boolean first = true;
        for (Run r : runs()) {
            if (r.kind() == Kind.TYPE_STRING && r.start() == r.end()) {
                continue;
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            labelsUpTo(r.start());
            printRun(r);
        }
        labelsUpTo(Integer.MAX_VALUE);
        out.append(';');
    }

    /** Prints, with a leading space, every label not yet printed that sits at or before {@code offset}. */
    private void labelsUpTo(int offset) {
        while (nextLabel < labels.size() && labels.get(nextLabel).offset() <= offset) {
            out.append(' ').append(labels.get(nextLabel++).ref()).append(':');
        }
    }

    /** The typed runs of the value: from its type markers where it has them, guessed where not. */
    private List<Run> runs() {
        int len = bytes.length;
        List<Marker> types = new ArrayList<>();
        for (Marker m : value.markers()) {
            if (m.kind().isType() && m.offset() >= 0 && m.offset() <= len) {
                types.add(m);
            }
        }
        types.sort(Comparator.comparingInt(Marker::offset));
        List<Run> runs = new ArrayList<>();
        int firstTyped = types.isEmpty() ? len : types.get(0).offset();
        if (firstTyped > 0) {
            Run g = guess(0, firstTyped);
            runs.add(printable(g) ? g : new Run(Kind.TYPE_UINT8, 0, firstTyped));
        }
        for (int i = 0; i < types.size(); i++) {
            int start = types.get(i).offset();
            int end = i + 1 < types.size() ? types.get(i + 1).offset() : len;
            Run r = new Run(types.get(i).kind(), start, end);
            runs.add(printable(r) ? r : new Run(Kind.TYPE_UINT8, start, end));
        }
        return runs;
    }

    /** dtc's guess for a value without type information. */
    private Run guess(int start, int end) {
        int nul = 0;
        boolean allStringChars = true;
        for (int i = start; i < end; i++) {
            int c = bytes[i] & 0xff;
            if (c == 0) {
                nul++;
            } else if (!isStringChar(c)) {
                allStringChars = false;
            }
        }
        int n = end - start;
        if (bytes[end - 1] == 0 && allStringChars && nul <= n - nul) {
            return new Run(Kind.TYPE_STRING, start, end);
        }
        return new Run(n % 4 == 0 ? Kind.TYPE_UINT32 : Kind.TYPE_UINT8, start, end);
    }

    private static boolean isStringChar(int c) {
        return (c >= 0x20 && c < 0x7f) || (c >= 7 && c <= 13);
    }

    /** Whether the run can be printed as its type with every label inside it in a place DTS can hold one. */
    private boolean printable(Run r) {
        int n = r.end() - r.start();
        if (r.kind() == Kind.TYPE_STRING) {
            if (n == 0) {
                return true;
            }
            if (bytes[r.end() - 1] != 0) {
                return false;
            }
            for (int i = firstLabelAfter(r.start()); i < labels.size() && labels.get(i).offset() < r.end(); i++) {
                if (bytes[labels.get(i).offset() - 1] != 0) {
                    return false;
                }
            }
            return true;
        }
        int width = r.kind().bits() / 8;
        if (n % width != 0) {
            return false;
        }
        for (int i = firstLabelAfter(r.start()); i < labels.size() && labels.get(i).offset() < r.end(); i++) {
            if ((labels.get(i).offset() - r.start()) % width != 0) {
                return false;
            }
        }
        return true;
    }

    /** Index of the first label whose offset is greater than {@code offset} (labels are sorted by offset). */
    private int firstLabelAfter(int offset) {
        int lo = 0;
        int hi = labels.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (labels.get(mid).offset() <= offset) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void printRun(Run r) {
        switch (r.kind()) {
            case TYPE_STRING:
                printStrings(r);
                break;
            case TYPE_UINT8:
                out.append(" [");
                for (int i = r.start(); i < r.end(); i++) {
                    if (i > r.start()) {
                        out.append(' ');
                    }
                    labelsInside(i);
                    appendHex(bytes[i] & 0xff, 2);
                }
                out.append(']');
                break;
            default:
                printCells(r);
        }
    }

    private void printCells(Run r) {
        int width = r.kind().bits() / 8;
        out.append(width == 4 ? " <" : " /bits/ " + r.kind().bits() + " <");
        for (int i = r.start(); i < r.end(); i += width) {
            if (i > r.start()) {
                out.append(' ');
            }
            labelsInside(i);
            String ref = width == 4 ? phandleRefs.get(i) : null;
            String written = ref != null ? references.of(ref) : null;
            if (written != null) {
                out.append(written);
                continue;
            }
            long v = 0;
            for (int k = 0; k < width; k++) {
                v = (v << 8) | (bytes[i + k] & 0xff);
            }
            out.append("0x");
            appendHex(v, 2);
        }
        out.append('>');
    }

    private void printStrings(Run r) {
        int s = r.start();
        while (s < r.end()) {
            int e = s;
            while (bytes[e] != 0) {
                e++;
            }
            if (s > r.start()) {
                out.append(',');
                labelsUpTo(s);
            }
            out.append(" \"");
            for (int i = s; i < e; i++) {
                appendStringChar(bytes[i] & 0xff);
            }
            out.append('"');
            s = e + 1;
        }
    }

    private void appendStringChar(int c) {
        switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case 7: out.append("\\a"); break;
            case '\b': out.append("\\b"); break;
            case '\t': out.append("\\t"); break;
            case '\n': out.append("\\n"); break;
            case 11: out.append("\\v"); break;
            case '\f': out.append("\\f"); break;
            case '\r': out.append("\\r"); break;
            default:
                if (c >= 0x20 && c < 0x7f) {
                    out.append((char) c);
                } else {
                    // always two hex digits, so the escape cannot swallow the next character
                    out.append("\\x");
                    appendHex(c, 2);
                }
        }
    }

    /** Labels inside a cell or byte list, written before the element they precede. */
    private void labelsInside(int offset) {
        while (nextLabel < labels.size() && labels.get(nextLabel).offset() <= offset) {
            out.append(labels.get(nextLabel++).ref()).append(": ");
        }
    }

    private void appendHex(long v, int minDigits) {
        String h = Long.toHexString(v);
        for (int i = h.length(); i < minDigits; i++) {
            out.append('0');
        }
        out.append(h);
    }
}
