package org.dtshrink.dts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.SourcePos;

/**
 * The labels of nodes, properties and reserve entries while the tree is built, kept as dtc keeps them: newest
 * first, and marked deleted rather than removed, so that re-adding a label revives it in place while a revived node
 * does not get back labels it lost.
 */
final class Labels {

    private record Owned(Object owner, List<Entry> entries) {
    }

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
    /** The owners of {@link #byOwner} in the order they got their first label, with their entries. */
    private final List<Owned> owners = new ArrayList<>();
    /**
     * Per label, the nodes holding it live, in no particular order. A live label entry means a live node: deleting
     * a node deletes its labels, and a revived node does not get them back.
     */
    private final Map<String, List<Node>> nodesByLabel = new HashMap<>();

    /** Adds a label in front, or revives it where it is, as dtc's add_label. */
    void add(Object owner, String name, SourcePos pos) {
        List<Entry> list = byOwner.get(owner);
        if (list == null) {
            list = new ArrayList<>(1);
            byOwner.put(owner, list);
            owners.add(new Owned(owner, list));
        }
        for (Entry e : list) {
            if (e.name.equals(name)) {
                if (e.deleted) {
                    e.deleted = false;
                    indexNode(owner, name);
                }
                return;
            }
        }
        list.add(0, new Entry(name, pos));
        indexNode(owner, name);
    }

    private void indexNode(Object owner, String name) {
        if (owner instanceof Node n) {
            nodesByLabel.computeIfAbsent(name, k -> new ArrayList<>(1)).add(n);
        }
    }

    void deleteAll(Object owner) {
        for (Entry e : all(owner)) {
            if (!e.deleted && owner instanceof Node) {
                List<Node> holders = nodesByLabel.get(e.name);
                holders.remove(owner);
                if (holders.isEmpty()) {
                    nodesByLabel.remove(e.name);
                }
            }
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
        List<Entry> all = byOwner.get(owner);
        return all == null ? List.of() : liveOf(all);
    }

    private static List<String> liveOf(List<Entry> all) {
        List<String> out = new ArrayList<>(all.size());
        for (Entry e : all) {
            if (!e.deleted) {
                out.add(e.name);
            }
        }
        return out;
    }

    /** Each owner that ever had a label (nodes, properties, reserve entries), with its live labels newest first. */
    void forEachOwner(BiConsumer<Object, List<String>> action) {
        for (Owned o : owners) {
            action.accept(o.owner, liveOf(o.entries));
        }
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
     * The first live node in pre-order below {@code root} that carries the label, as dtc's get_node_by_label. Nodes
     * being built and not yet in the tree hold labels too; they are not below {@code root}. One holder in the tree
     * (every valid source) is found at once; several (a duplicate label, an error the checks report) are ordered by
     * walking the tree.
     */
    Node firstNodeWith(Node root, String label) {
        List<Node> holders = nodesByLabel.get(label);
        if (holders == null) {
            return null;
        }
        Node found = null;
        for (Node n : holders) {
            if (liveBelow(n, root)) {
                if (found != null) {
                    return firstInPreOrder(root, label);
                }
                found = n;
            }
        }
        return found;
    }

    private static boolean liveBelow(Node n, Node root) {
        for (Node x = n; x != null; x = x.parent()) {
            if (x == root) {
                return true;
            }
            if (x.isDeleted()) {
                return false;
            }
        }
        return false;
    }

    private Node firstInPreOrder(Node root, String label) {
        for (Node n : LiveNodes.preOrder(root)) {
            if (hasLive(n, label)) {
                return n;
            }
        }
        return null;
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
