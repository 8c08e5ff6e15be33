package org.dtshrink.fdt;

import java.util.Arrays;
import org.dtshrink.tree.DtException;

/** A growable big-endian byte buffer for building blob blocks, refusing to grow past what one array can hold. */
final class ByteSink {

    /** The largest array the JVM reliably allocates; every blob block must fit in one. */
    static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private byte[] buf;
    private int len;

    ByteSink() {
        this(256);
    }

    /** A buffer that holds {@code capacity} bytes before it grows; {@link #toArray} then needs no copy. */
    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    int length() {
        return len;
    }

    private void ensure(long extra) {
        long need = len + extra;
        if (need > MAX_BYTES) {
            throw tooLarge(need);
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(MAX_BYTES, Math.max(need, 2L * buf.length)));
        }
    }

    static DtException tooLarge(long size) {
        return new DtException("error: device tree blob too large: " + size + " bytes (limit " + MAX_BYTES + ")");
    }

    void u32(long v) {
        ensure(4);
        buf[len++] = (byte) (v >>> 24);
        buf[len++] = (byte) (v >>> 16);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    /** Overwrites the four bytes at {@code at}, written before. */
    void setU32(int at, long v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    void u64(long v) {
        u32(v >>> 32);
        u32(v);
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** A property's value. */
    void value(org.dtshrink.tree.Value v) {
        ensure(v.length());
        v.copyTo(buf, len);
        len += v.length();
    }

    /**
     * A name of one-byte characters with none NUL, as {@code Names.bytes} would give it; false, with nothing
     * written, for any other name.
     */
    boolean latin1Name(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == 0 || c > 0xff) {
                return false;
            }
            buf[len + i] = (byte) c;
        }
        len += n;
        return true;
    }

    void zeroes(long n) {
        ensure(n);
        Arrays.fill(buf, len, len + (int) n, (byte) 0);
        len += (int) n;
    }

    /** Pads with zeroes to a multiple of {@code a} bytes from the start of this buffer. */
    void align(int a) {
        int pad = (a - (len % a)) % a;
        ensure(pad);
        for (int i = 0; i < pad; i++) {
            buf[len++] = 0;
        }
    }

    byte byteAt(int i) {
        return buf[i];
    }

    byte[] array() {
        return buf;
    }

    byte[] toArray() {
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }
}
