package org.dtshrink.checks;

/**
 * What the checks need to know of each distinct name of a tree, worked out once per name: a tree of a thousand
 * nodes has tens of thousands of properties but a few hundred names. Each name gets a dense number, its facts
 * (the {@link TreeIndex} flags that depend on the name alone, and its {@link Known} number), and a stamp that lets
 * a pass over one node's names see a repeat without comparing every pair.
 *
 * <p>The front end gives equal names as one object, so a look-up is mostly the string's cached hash and an identity
 * test; names from elsewhere (a blob's, the checks' own) are compared by their characters, and are equally right.
 */
final class NameFacts {

    /** The bits of a name's facts that hold its {@link Known} number plus one (0: not a known name). */
    private static final int KNOWN_SHIFT = 24;
    /** Facts not worked out: node names need only their number and stamp. */
    private static final int UNREAD = 1 << 23;

    private String[] keys = new String[512];
    private int[] hashes = new int[512];
    /** Slot in {@link #keys} to the name's number. */
    private int[] numbers = new int[512];
    private int[] facts = new int[256];
    private int[] stamps = new int[256];
    private int size;
    private int stamp;

    /** The name's number, given on first sight. */
    int number(String name) {
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

    /** The name's number, or -1 when no name of the tree numbered so far is this one. */
    int find(String name) {
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

    private int add(int slot, String name, int h) {
        int id = size++;
        keys[slot] = name;
        hashes[slot] = h;
        numbers[slot] = id;
        if (id == facts.length) {
            facts = java.util.Arrays.copyOf(facts, 2 * id);
            stamps = java.util.Arrays.copyOf(stamps, 2 * id);
        }
        facts[id] = UNREAD;
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

    /** The facts of the property name numbered {@code id}: {@link TreeIndex} flags, and {@link #known}. */
    int facts(int id, String name) {
        int f = facts[id];
        if (f == UNREAD) {
            f = read(name);
            facts[id] = f;
        }
        return f;
    }

    /** The {@link Known} number in a name's facts, or -1. */
    static int known(int facts) {
        return (facts >>> KNOWN_SHIFT) - 1;
    }

    private static int read(String name) {
        int f = (Known.find(name) + 1) << KNOWN_SHIFT;
        if (name.equals("name")) {
            f |= TreeIndex.NAME_ANY;
        }
        if (ProviderChecks.isGpio(name)) {
            f |= TreeIndex.GPIO;
        }
        if (name.endsWith("-names")) {
            f |= TreeIndex.NAMES;
        }
        if (name.startsWith("spi-")) {
            f |= TreeIndex.SPI;
        }
        if (StructureChecks.PROPCHARS_SET.span(name) < name.length()) {
            f |= TreeIndex.BAD_PROP_CHARS;
        }
        return f;
    }

    /** Starts a pass over one node's names for {@link #repeated}. */
    void newPass() {
        stamp++;
    }

    /** Whether the name numbered {@code id} was seen before in this pass; marks it seen. */
    boolean repeated(int id) {
        if (stamps[id] == stamp) {
            return true;
        }
        stamps[id] = stamp;
        return false;
    }
}
