package org.dtshrink.fdt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The strings block as dtc builds it: a name is stored once, and a new name that equals the tail of a name already
 * stored (including a whole one) reuses those bytes, at the first place in the table where it occurs. Finding tails
 * goes through a hash of every stored suffix, so building stays linear even for hostile trees.
 */
final class FdtStringTable {

    private static final long PRIME = 0x100000001b3L;

    private final ByteSink data = new ByteSink();
    /** Suffix hash (mixed with its length) to the first offset where a suffix with that hash starts. */
    private final Map<Long, Integer> suffixes = new HashMap<>();

    /** Returns the offset of {@code name} (without its NUL) in the table, adding it when no stored tail matches. */
    int insert(byte[] name) {
        Integer candidate = suffixes.get(key(hash(name, 0, name.length), name.length));
        if (candidate != null && matchesAt(candidate, name)) {
            return candidate;
        }
        if (candidate != null) {
            int found = linearSearch(name);
            if (found >= 0) {
                return found;
            }
        }
        int off = data.length();
        data.bytes(name);
        data.zeroes(1);
        indexSuffixes(off, name);
        return off;
    }

    byte[] bytes() {
        return data.toArray();
    }

    int length() {
        return data.length();
    }

    private void indexSuffixes(int off, byte[] name) {
        long h = 0;
        long pow = 1;
        suffixes.putIfAbsent(key(0, 0), off + name.length);
        for (int i = name.length - 1; i >= 0; i--) {
            h += (name[i] & 0xff) * pow;
            pow *= PRIME;
            suffixes.putIfAbsent(key(h, name.length - i), off + i);
        }
    }

    /** The same polynomial {@link #indexSuffixes} accumulates from the end of the string. */
    private static long hash(byte[] s, int from, int to) {
        long h = 0;
        long pow = 1;
        for (int i = to - 1; i >= from; i--) {
            h += (s[i] & 0xff) * pow;
            pow *= PRIME;
        }
        return h;
    }

    private static long key(long hash, int length) {
        return hash * 31 + length;
    }

    private boolean matchesAt(int off, byte[] name) {
        byte[] d = data.array();
        if (off + name.length >= data.length() || d[off + name.length] != 0) {
            return false;
        }
        return Arrays.equals(d, off, off + name.length, name, 0, name.length);
    }

    /** Fallback for a hash collision: the first place where name plus its NUL occurs. */
    private int linearSearch(byte[] name) {
        for (int i = 0; i + name.length < data.length(); i++) {
            if (matchesAt(i, name)) {
                return i;
            }
        }
        return -1;
    }
}
