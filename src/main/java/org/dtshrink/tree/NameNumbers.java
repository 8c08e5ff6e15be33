package org.dtshrink.tree;

/**
 * Dense numbers (0, 1, 2, ... in order of first sight) for the distinct names of a tree, for the stages that keep
 * per-name facts in arrays: a tree of a thousand nodes has tens of thousands of properties but a few hundred names.
 * The front end gives equal names as one object, so a look-up is mostly the string's cached hash and an identity
 * test; names from elsewhere (a blob's, a stage's own) are compared by their characters, and are equally right.
 * Open addressing, linear probing, at most half full.
 */
public final class NameNumbers {

    private String[] keys = new String[256];
    private int[] hashes = new int[256];
    private int[] numbers = new int[256];
    private int size;

    /** The name's number, given on first sight: a number equal to the {@link #size} before the call is a new one. */
    public int number(String name) {
        int h = name.hashCode();
        int mask = keys.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            String k = keys[i];
            if (k == name) {
                return numbers[i];
            }
            if (k == null) {
                return add(i, name, h);
            }
            if (hashes[i] == h && k.equals(name)) {
                return numbers[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** The name's number, or -1 when it has none yet. */
    public int find(String name) {
        int h = name.hashCode();
        int mask = keys.length - 1;
        for (int i = (h ^ (h >>> 16)) & mask;; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == name || k != null && hashes[i] == h && k.equals(name)) {
                return numbers[i];
            }
            if (k == null) {
                return -1;
            }
        }
    }

    /** How many names have a number. */
    public int size() {
        return size;
    }

    private int add(int slot, String name, int h) {
        int id = size++;
        keys[slot] = name;
        hashes[slot] = h;
        numbers[slot] = id;
        if (size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldHashes = hashes;
        int[] oldNumbers = numbers;
        keys = new String[oldKeys.length * 2];
        hashes = new int[keys.length];
        numbers = new int[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int h = oldHashes[j];
                int i = (h ^ (h >>> 16)) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                hashes[i] = h;
                numbers[i] = oldNumbers[j];
            }
        }
    }
}
