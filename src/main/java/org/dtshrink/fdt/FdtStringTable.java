package org.dtshrink.fdt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The strings block as dtc builds it: a name is stored once, and a new name that equals the tail of a name already
 * stored (including a whole one) reuses those bytes, at the first place in the table where it occurs.
 *
 * <p>dtc searches the whole table for each new name. Here the writer first announces every name it will ask for
 * ({@link #expect}); storing a string then looks up each of its tails among the announced names and gives those not
 * yet placed their offset, so building is linear in the length of the stored strings and memory holds one entry per
 * distinct name. Since strings are stored in order, the first string a name is a tail of gives its first place.
 */
final class FdtStringTable {

    private static final long PRIME = 0x100000001b3L;
    private static final int NOT_PLACED = -1;

    private final ByteSink data = new ByteSink();
    /** Every announced or stored name and its offset, {@link #NOT_PLACED} while no stored string ends with it. */
    private final Map<Name, Integer> offsets = new HashMap<>();

    /**
     * The announced names' hash codes, open-addressed: a stored string's tails are looked for among the announced
     * names, and most tails are none, which this tells without a key object or a map look-up.
     */
    private long[] announced = new long[64];
    private int announcedCount;

    /** Announces a name {@link #insert} will be called with, so that its place is found when a string holds it. */
    void expect(byte[] name) {
        Name key = Name.of(name);
        if (offsets.putIfAbsent(key, NOT_PLACED) == null) {
            announce(key.hashCode());
        }
    }

    private void announce(int code) {
        if (2 * (announcedCount + 1) > announced.length) {
            long[] old = announced;
            announced = new long[2 * old.length];
            for (long x : old) {
                if (x != 0) {
                    place(announced, (int) x);
                }
            }
        }
        place(announced, code);
        announcedCount++;
    }

    /** Stores a hash code as a non-zero long (its low half the code), open-addressed by the code. */
    private static void place(long[] table, int code) {
        int mask = table.length - 1;
        int i = code & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = (1L << 32) | (code & 0xffffffffL);
    }

    private boolean mayBeAnnounced(int code) {
        long want = (1L << 32) | (code & 0xffffffffL);
        int mask = announced.length - 1;
        for (int i = code & mask; announced[i] != 0; i = (i + 1) & mask) {
            if (announced[i] == want) {
                return true;
            }
        }
        return false;
    }

    /** Returns the offset of {@code name} (without its NUL) in the table, adding it when no stored tail matches. */
    int insert(byte[] name) {
        Name key = Name.of(name);
        Integer known = offsets.get(key);
        if (known != null && known != NOT_PLACED) {
            return known;
        }
        if (known == null) {
            // Not announced, so the tails of earlier strings were not matched against it: search as dtc does.
            int found = linearSearch(name);
            if (found >= 0) {
                offsets.put(key, found);
                return found;
            }
        }
        int off = data.length();
        data.bytes(name);
        data.zeroes(1);
        offsets.put(key, off);
        placeTails(name, off);
        return off;
    }

    byte[] bytes() {
        return data.toArray();
    }

    void copyTo(ByteSink out) {
        out.bytes(data.array(), 0, data.length());
    }

    int length() {
        return data.length();
    }

    /** Gives every announced, not yet placed name that is a tail of the string just stored at {@code off} its place. */
    private void placeTails(byte[] name, int off) {
        long h = 0;
        long pow = 1;
        for (int i = name.length; i >= 0; i--) {
            if (i < name.length) {
                h += (name[i] & 0xff) * pow;
                pow *= PRIME;
            }
            if (!mayBeAnnounced(Name.hashCode(h, name.length - i))) {
                continue;
            }
            Name tail = new Name(name, i, name.length, h);
            Integer t = offsets.get(tail);
            if (t != null && t == NOT_PLACED) {
                offsets.put(tail, off + i);
            }
        }
    }

    private boolean matchesAt(int off, byte[] name) {
        byte[] d = data.array();
        if (off + name.length >= data.length() || d[off + name.length] != 0) {
            return false;
        }
        return Arrays.equals(d, off, off + name.length, name, 0, name.length);
    }

    /** The first place where name plus its NUL occurs, or -1. */
    private int linearSearch(byte[] name) {
        for (int i = 0; i + name.length < data.length(); i++) {
            if (matchesAt(i, name)) {
                return i;
            }
        }
        return -1;
    }

    /** A slice of bytes as a map key, hashed from its end so that the tails of one string hash incrementally. */
    private static final class Name {
        final byte[] bytes;
        final int from;
        final int to;
        final long hash;

        Name(byte[] bytes, int from, int to, long hash) {
            this.bytes = bytes;
            this.from = from;
            this.to = to;
            this.hash = hash;
        }

        static Name of(byte[] b) {
            long h = 0;
            long pow = 1;
            for (int i = b.length - 1; i >= 0; i--) {
                h += (b[i] & 0xff) * pow;
                pow *= PRIME;
            }
            return new Name(b, 0, b.length, h);
        }

        @Override
        public int hashCode() {
            return hashCode(hash, to - from);
        }

        static int hashCode(long hash, int length) {
            long x = hash * 31 + length;
            return (int) (x ^ (x >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Name n && n.hash == hash && Arrays.equals(bytes, from, to, n.bytes, n.from, n.to);
        }
    }
}
