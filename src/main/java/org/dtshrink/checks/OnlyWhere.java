package org.dtshrink.checks;

import org.dtshrink.tree.Node;

/**
 * A check that does nothing at a node unless the index says the node may have one of some {@link Known} names or
 * {@link TreeIndex} flags: the walk then passes over the other nodes without calling it. Most checks are about a
 * property or a fact few nodes have, and calling each of seventy checks at each node costs more than their work.
 *
 * <p>Whoever wraps a check vouches that it returns at once at a node with none of these names or flags, as they stand
 * when the walk reaches the node: the flags only ever grow, and a name's bit is set while its slot is filled.
 */
record OnlyWhere(long knownBits, int flags, NodeCheck fn) implements NodeCheck {

    /** At nodes that may have a live property of the {@link Known} name. */
    static OnlyWhere property(int known, NodeCheck fn) {
        return new OnlyWhere(Known.bit(known), 0, fn);
    }

    /** At nodes that may have a live property of one of the {@link Known} names. */
    static OnlyWhere anyProperty(NodeCheck fn, int... known) {
        long bits = 0;
        for (int k : known) {
            bits |= Known.bit(k);
        }
        return new OnlyWhere(bits, 0, fn);
    }

    /** At nodes that may have one of the {@link TreeIndex} flags. */
    static OnlyWhere flagged(int flags, NodeCheck fn) {
        return new OnlyWhere(0, flags, fn);
    }

    boolean concerns(TreeIndex index, int i) {
        return (index.knownAt(i) & knownBits) != 0 || (index.flagsAt(i) & flags) != 0;
    }

    @Override
    public void check(CheckRun run, Node node) {
        fn.check(run, node);
    }
}
