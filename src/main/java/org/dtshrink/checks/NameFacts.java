package org.dtshrink.checks;

import org.dtshrink.tree.NameNumbers;

/**
 * What the checks need to know of each distinct name of a tree, worked out once per name: a tree of a thousand
 * nodes has tens of thousands of properties but a few hundred names. Each name gets a dense number, its facts
 * (the {@link TreeIndex} flags that depend on the name alone, and its {@link Known} number), and a stamp that lets
 * a pass over one node's names see a repeat without comparing every pair.
 * The numbers are {@link NameNumbers}'.
 */
final class NameFacts {

    /** The bits of a name's facts that hold its {@link Known} number plus one (0: not a known name). */
    private static final int KNOWN_SHIFT = 24;
    /** Facts not worked out: node names need only their number and stamp. */
    private static final int UNREAD = 1 << 23;

    private final NameNumbers numbers = new NameNumbers();
    private int[] facts = new int[256];
    private int[] stamps = new int[256];
    private int stamp;

    /** The name's number, given on first sight. */
    int number(String name) {
        int before = numbers.size();
        int id = numbers.number(name);
        if (id == before) {
            if (id == facts.length) {
                facts = java.util.Arrays.copyOf(facts, 2 * id);
                stamps = java.util.Arrays.copyOf(stamps, 2 * id);
            }
            facts[id] = UNREAD;
        }
        return id;
    }

    /** The name's number, or -1 when no name of the tree numbered so far is this one. */
    int find(String name) {
        return numbers.find(name);
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
