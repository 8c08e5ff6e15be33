package org.dtshrink.dts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.SourcePos;

/**
 * The labels of nodes, properties and reserve entries while the tree is built, kept as dtc keeps them: newest
 * first, and marked deleted rather than removed, so that re-adding a label revives it in place while a revived node
 * does not get back labels it lost.
 */
final class Labels {

    /** One label on one owner. */
    static final class Entry {
        final String name;
        final SourcePos pos;
        boolean deleted;

        Entry(String name, SourcePos pos) {
            this.name = name;
            this.pos = pos;
        }
    }

    private final Map<Object, List<Entry>> byOwner = new IdentityHashMap<>();
    /** Once the tree stops changing shape: each live label's first live node in pre-order; null when stale. */
    private Map<String, Node> firstNode;
    private boolean indexing;

    /** Adds a label in front, or revives it where it is, as dtc's add_label. */
    void add(Object owner, String name, SourcePos pos) {
        firstNode = null;
        List<Entry> list = byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
        for (Entry e : list) {
            if (e.name.equals(name)) {
                e.deleted = false;
                return;
            }
        }
        list.add(0, new Entry(name, pos));
    }

    void deleteAll(Object owner) {
        firstNode = null;
        for (Entry e : all(owner)) {
            e.deleted = true;
        }
    }

    /** Every entry, deleted ones included, newest first. */
    List<Entry> all(Object owner) {
        List<Entry> l = byOwner.get(owner);
        return l == null ? List.of() : l;
    }

    /** The live labels, newest first. */
    List<String> live(Object owner) {
        List<String> out = new ArrayList<>();
        for (Entry e : all(owner)) {
            if (!e.deleted) {
                out.add(e.name);
            }
        }
        return out;
    }

    boolean hasLive(Object owner, String name) {
        for (Entry e : all(owner)) {
            if (!e.deleted && e.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * From now on, label lookups may use an index. Only for when nodes are no longer revived: a revival does not
     * pass through this class, deletions and new labels do and drop the index.
     */
    void startIndexing() {
        indexing = true;
    }

    /** The first live node in pre-order below {@code root} that carries the label, as dtc's get_node_by_label. */
    Node firstNodeWith(Node root, String label) {
        if (!indexing) {
            for (Node n : TreeLookup.preOrder(root)) {
                if (hasLive(n, label)) {
                    return n;
                }
            }
            return null;
        }
        if (firstNode == null) {
            firstNode = new HashMap<>();
            for (Node n : TreeLookup.preOrder(root)) {
                for (String l : live(n)) {
                    firstNode.putIfAbsent(l, n);
                }
            }
        }
        return firstNode.get(label);
    }

    SourcePos posOf(Object owner, String name) {
        for (Entry e : all(owner)) {
            if (e.name.equals(name)) {
                return e.pos;
            }
        }
        return SourcePos.NONE;
    }

    /** True when the owner ever had a label, even a deleted one (dtc tests the raw list). */
    boolean hadAny(Object owner) {
        return !all(owner).isEmpty();
    }
}
