package org.dtshrink.dts;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One string per distinct node or property name in a source and its includes. The names of a tree repeat (every
 * node has its "compatible" and "reg"); when equal names are one object, every later map keyed by them (the blob's
 * strings block, the checks' indexes) compares them by identity at once instead of character by character.
 */
final class NameTexts {

    private String[] table = new String[256];
    /** Each name's bytes, compared with a candidate's faster than the string's characters. */
    private byte[][] keys = new byte[256][];
    private int[] hashes = new int[256];
    private int size;

    /** Names the compiler adds itself, as the same objects, so that they too are equal to the source's at once. */
    NameTexts() {
        for (String s : new String[] {"phandle", "linux,phandle", "name", "target", "target-path", "__overlay__",
            "__symbols__", "__fixups__", "__local_fixups__"}) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            int i = slot(b, 0, b.length);
            table[i] = s;
            keys[i] = b;
        }
    }

    private int slot(byte[] b, int from, int to) {
        int h = hash(b, from, to);
        int i = (h ^ (h >>> 16)) & (table.length - 1);
        while (table[i] != null) {
            i = (i + 1) & (table.length - 1);
        }
        hashes[i] = h;
        size++;
        return i;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    /** The name made of {@code bytes} from {@code from} to {@code to} (exclusive), each byte one character. */
    String get(byte[] bytes, int from, int to) {
        int h = hash(bytes, from, to);
        int mask = table.length - 1;
        int i = (h ^ (h >>> 16)) & mask;
        while (true) {
            String s = table[i];
            if (s == null) {
                byte[] key = Arrays.copyOfRange(bytes, from, to);
                s = new String(key, StandardCharsets.ISO_8859_1);
                table[i] = s;
                keys[i] = key;
                hashes[i] = h;
                if (++size * 2 > table.length) {
                    grow();
                }
                return s;
            }
            if (hashes[i] == h && Arrays.equals(keys[i], 0, keys[i].length, bytes, from, to)) {
                return s;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        String[] oldTable = table;
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        table = new String[oldTable.length * 2];
        keys = new byte[oldTable.length * 2][];
        hashes = new int[oldTable.length * 2];
        int mask = table.length - 1;
        for (int j = 0; j < oldTable.length; j++) {
            if (oldTable[j] != null) {
                int h = oldHashes[j];
                int i = (h ^ (h >>> 16)) & mask;
                while (table[i] != null) {
                    i = (i + 1) & mask;
                }
                table[i] = oldTable[j];
                keys[i] = oldKeys[j];
                hashes[i] = h;
            }
        }
    }
}
