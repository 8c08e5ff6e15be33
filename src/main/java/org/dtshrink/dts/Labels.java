package org.dtshrink.dts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /** Adds a label in front, or revives it where it is, as dtc's add_label. */
    void add(Object owner, String name, SourcePos pos) {
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
