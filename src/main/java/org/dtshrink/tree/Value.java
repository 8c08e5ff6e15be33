package org.dtshrink.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A property value: the exact bytes that go into the blob, plus markers (labels, references, chunk types) at byte
 * offsets. Values are built by appending, as dtc's {@code struct data} is; markers stay sorted by offset.
 */
public final class Value {

    private byte[] bytes;
    private int length;
    private final List<Marker> markers = new ArrayList<>();
    private List<Marker> markersView;
    /** One bit per {@link Marker.Kind} ever added (removing markers leaves it set): what {@link #mayHave} reads. */
    private int kinds;

    public Value() {
        this.bytes = new byte[16];
    }

    public static Value of(byte[] raw) {
        Value v = new Value();
        v.appendBytes(raw);
        return v;
    }

    public static Value ofString(String s) {
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_STRING, null);
        v.appendBytes(s.getBytes(StandardCharsets.UTF_8));
        v.appendBytes(new byte[] {0});
        return v;
    }

    public static Value ofCells(long... cells) {
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_UINT32, null);
        for (long c : cells) {
            v.appendInteger(c, 32);
        }
        return v;
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    /** A copy of the value's bytes. */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, length);
    }

    /** Copies the value's bytes to {@code dest} from {@code offset}, without a copy in between. */
    public void copyTo(byte[] dest, int offset) {
        System.arraycopy(bytes, 0, dest, offset, length);
    }

    public byte byteAt(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(i);
        }
        return bytes[i];
    }

    public List<Marker> markers() {
        // the checks ask for each value's markers many times: one read-only view, made on first use
        List<Marker> v = markersView;
        if (v == null) {
            v = Collections.unmodifiableList(markers);
            markersView = v;
        }
        return v;
    }

    private void ensure(int extra) {
        long need = (long) length + extra;
        if (need > Integer.MAX_VALUE - 8) {
            throw new DtException("property value too large (" + need + " bytes)");
        }
        if (need > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min((long) bytes.length * 2, Integer.MAX_VALUE - 8)));
        }
    }

    public Value appendBytes(byte[] b) {
        return appendBytes(b, 0, b.length);
    }

    public Value appendBytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, length, len);
        length += len;
        return this;
    }

    /** Appends the characters {@code from} to {@code to} of text whose characters are bytes (ISO-8859-1). */
    public Value appendLatin1(String s, int from, int to) {
        int len = to - from;
        ensure(len);
        byte[] b = bytes;
        int at = length;
        for (int i = from; i < to; i++) {
            b[at++] = (byte) s.charAt(i);
        }
        length = at;
        return this;
    }

    /** Appends the low {@code bits} bits of {@code v}, big-endian, as dtc's data_append_integer does. */
    public Value appendInteger(long v, int bits) {
        int n = bits / 8;
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            bytes[length + (n - 1 - i)] = (byte) (v >>> (8 * i));
        }
        length += n;
        return this;
    }

    /**
     * False when the value has no marker of this kind; true when it may have one. Lets a walk over many values pass
     * over those without references or labels without reading their markers.
     */
    public boolean mayHave(Marker.Kind kind) {
        return (kinds & 1 << kind.ordinal()) != 0;
    }

    public Value addMarker(Marker.Kind kind, String ref) {
        kinds |= 1 << kind.ordinal();
        markers.add(new Marker(length, kind, ref));
        return this;
    }

    /** Appends another value, shifting its markers. */
    public Value append(Value other) {
        int base = length;
        appendBytes(other.bytes, 0, other.length);
        kinds |= other.kinds;
        for (Marker m : other.markers) {
            markers.add(m.withOffset(m.offset() + base));
        }
        return this;
    }

    /** Overwrites a big-endian 32-bit cell at {@code offset}. */
    public void setCell(int offset, long cell) {
        if (offset < 0 || offset + 4 > length) {
            throw new IndexOutOfBoundsException(offset);
        }
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (cell >>> (8 * (3 - i)));
        }
    }

    /** Reads a big-endian 32-bit cell at {@code offset} as an unsigned number. */
    public long cellAt(int offset) {
        if (offset < 0 || offset + 4 > length) {
            throw new IndexOutOfBoundsException(offset);
        }
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return v;
    }

    /**
     * Inserts bytes at {@code offset}. Markers after the offset move along; markers at the offset stay in front of
     * the inserted bytes, as dtc's data_insert_at_marker leaves them.
     */
    public void insertAt(int offset, byte[] b) {
        ensure(b.length);
        System.arraycopy(bytes, offset, bytes, offset + b.length, length - offset);
        System.arraycopy(b, 0, bytes, offset, b.length);
        length += b.length;
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            if (m.offset() > offset) {
                markers.set(i, m.withOffset(m.offset() + b.length));
            }
        }
    }

    public void removeMarkers(Marker.Kind kind) {
        markers.removeIf(m -> m.kind() == kind);
    }

    public void replaceMarker(Marker old, Marker replacement) {
        int i = markers.indexOf(old);
        if (i < 0) {
            throw new IllegalArgumentException("no such marker");
        }
        kinds |= 1 << replacement.kind().ordinal();
        markers.set(i, replacement);
    }

    public Value copy() {
        Value v = new Value();
        v.appendBytes(bytes, 0, length);
        v.markers.addAll(markers);
        v.kinds = kinds;
        return v;
    }

    /** True when the value is one or more NUL-terminated strings with no empty string in the middle. */
    public boolean isStringList() {
        if (length == 0 || bytes[length - 1] != 0) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0 && (i == 0 || bytes[i - 1] == 0)) {
                return false;
            }
        }
        return true;
    }

    /** The value up to its first NUL as text, or the whole value when it has none. */
    public String asString() {
        int end = 0;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** The value split at NULs (the last string need not be terminated). */
    public List<String> asStrings() {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                out.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < length) {
            out.add(new String(bytes, start, length - start, StandardCharsets.UTF_8));
        }
        return out;
    }

    public boolean contentEquals(Value other) {
        return Arrays.equals(bytes, 0, length, other.bytes, 0, other.length);
    }
}
