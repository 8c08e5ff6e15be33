package org.dtshrink.cost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * The nodes the kernel keeps after unflattening, linked as {@code unflatten_dt_nodes()} links them, with the lookups
 * the rest of boot makes on them: properties by name, {@code status}, {@code compatible}, phandles. Built from a
 * {@link CostResult}, so it holds exactly the nodes the unflatten figures counted.
 */
final class KernelTree {

    /** One node of the kernel's tree: its source node, its kernel parent and children, blob order index. */
    static final class KNode {
        final Node node;
        final int index;
        final int depth;
        final KNode parent;
        final List<KNode> children = new ArrayList<>();
        /** The properties as the kernel lists them: the blob's, then a made-up {@code name} if it had none. */
        final List<String> propertyNames = new ArrayList<>();
        /** The same, as the breakdowns key them. */
        final List<BootRam.PropertyKey> propertyKeys = new ArrayList<>();
        final boolean synthesizedName;
        private Boolean available;
        private List<String> compatibles;
        private List<String> lowerCase;

        KNode(Node node, int index, int depth, KNode parent, boolean synthesizedName) {
            this.node = node;
            this.index = index;
            this.depth = depth;
            this.parent = parent;
            this.synthesizedName = synthesizedName;
        }

        /** The first live property of that name (the kernel's {@code of_find_property()}), or null. */
        Value value(String name) {
            for (Property p : node.properties()) {
                if (p.name().equals(name)) {
                    return p.value();
                }
            }
            return null;
        }

        boolean has(String name) {
            return value(name) != null || (synthesizedName && name.equals("name"));
        }

        /** {@code of_property_read_u32()}: the first cell, or null when the value is shorter than one. */
        Long u32(String name) {
            Value v = value(name);
            return v == null || v.length() < 4 ? null : v.cellAt(0);
        }

        /** The node's name with unit address: {@code kbasename(full_name)}; "" for the root. */
        String fullName() {
            return node.name();
        }

        /** The name up to the '@', as {@code %pOFn} prints it. */
        String shortName() {
            String n = node.name();
            int at = n.indexOf('@');
            return at < 0 ? n : n.substring(0, at);
        }

        /** {@code of_device_is_available()}: no status, or a status of "okay" or "ok". */
        boolean available() {
            if (available == null) {
                available = node.isAvailable();
            }
            return available;
        }

        /** The strings of {@code compatible}, one char per byte. */
        List<String> compatibles() {
            if (compatibles == null) {
                compatibles = strings(value("compatible"));
            }
            return compatibles;
        }

        /** The compatibles in lower case, as the kernel's case-blind compare sees them. */
        List<String> compatiblesLowerCase() {
            if (lowerCase == null) {
                lowerCase = new ArrayList<>();
                for (String c : compatibles()) {
                    lowerCase.add(c.toLowerCase(Locale.ROOT));
                }
            }
            return lowerCase;
        }

        /** {@code of_device_is_compatible()} for one string: the kernel compares compatibles ignoring case. */
        boolean isCompatible(String compatible) {
            for (String c : compatibles()) {
                if (c.equalsIgnoreCase(compatible)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether any of the node's compatibles is in {@code lowerCase} (a set of lower-case compatibles). */
        boolean isCompatibleWithAny(Set<String> lowerCase) {
            for (String c : compatiblesLowerCase()) {
                if (lowerCase.contains(c)) {
                    return true;
                }
            }
            return false;
        }

        boolean isAncestorOf(KNode other) {
            for (KNode n = other.parent; n != null; n = n.parent) {
                if (n == this) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return node.path();
        }
    }

    private final List<KNode> nodes;
    private final Map<Long, KNode> byPhandle;

    private KernelTree(List<KNode> nodes, Map<Long, KNode> byPhandle) {
        this.nodes = nodes;
        this.byPhandle = byPhandle;
    }

    /**
     * The tree of the allocated nodes. A node whose parent the kernel skipped lands under the node last allocated one
     * level up (the {@code nps[]} rule); when there is none, the node and what hangs below it are left out, as nothing
     * could reach them.
     */
    static KernelTree of(CostResult cost) {
        List<KNode> out = new ArrayList<>();
        List<KNode> lastAtDepth = new ArrayList<>();
        Map<Long, KNode> phandles = new HashMap<>();
        for (NodeCost nc : cost.nodes()) {
            if (!nc.isAllocated()) {
                continue;
            }
            int depth = nc.depth();
            KNode parent = depth == 0 ? null : depth - 1 < lastAtDepth.size() ? lastAtDepth.get(depth - 1) : null;
            if (depth > 0 && parent == null || depth == 0 && !out.isEmpty()) {
                continue;
            }
            KNode k = new KNode(nc.node(), out.size(), depth, parent, nc.hasSynthesizedName());
            for (PropertyCost p : nc.properties()) {
                k.propertyNames.add(p.name());
                k.propertyKeys.add(new BootRam.PropertyKey(p.name(), p.synthesized()));
            }
            if (parent != null) {
                parent.children.add(k);
            }
            out.add(k);
            while (lastAtDepth.size() <= depth) {
                lastAtDepth.add(null);
            }
            lastAtDepth.set(depth, k);
            Long ph = phandleOf(k);
            if (ph != null && ph != 0 && ph != 0xffffffffL) {
                phandles.putIfAbsent(ph, k);
            }
        }
        return new KernelTree(out, phandles);
    }

    /** The kernel takes the first of {@code phandle} and {@code linux,phandle} it meets in the node. */
    private static Long phandleOf(KNode k) {
        for (Property p : k.node.properties()) {
            if ((p.name().equals("phandle") || p.name().equals("linux,phandle")) && p.value().length() >= 4) {
                return p.value().cellAt(0);
            }
        }
        return null;
    }

    /** Every node in blob order (the kernel's {@code for_each_of_allnodes}); the root first. */
    List<KNode> nodes() {
        return nodes;
    }

    KNode root() {
        return nodes.isEmpty() ? null : nodes.get(0);
    }

    /** {@code of_find_node_by_phandle()}, or null. */
    KNode byPhandle(long phandle) {
        return byPhandle.get(phandle);
    }

    /**
     * {@code of_find_node_opts_by_path()}: an absolute path, or one starting with an alias; components match the full
     * node name exactly and the path ends at the first ':' after its last '/'. {@code aliases} is the node the kernel
     * knows as {@code of_aliases} (null when there is none).
     */
    KNode byPath(String path, KNode aliases) {
        return byPath(path, aliases, 0);
    }

    /** Aliases naming aliases would recurse in the kernel without end; a few levels are all a real tree uses. */
    private static final int ALIAS_DEPTH = 8;

    private KNode byPath(String path, KNode aliases, int aliasDepth) {
        KNode root = root();
        if (root == null || aliasDepth > ALIAS_DEPTH) {
            return null;
        }
        int separator = path.indexOf(':');
        if (path.equals("/")) {
            return root;
        }
        KNode np = null;
        if (!path.startsWith("/")) {
            int p = path.indexOf('/');
            if (p < 0) {
                p = path.length();
            }
            if (separator >= 0 && separator < p) {
                p = separator;
            }
            if (aliases == null) {
                return null;
            }
            String alias = path.substring(0, p);
            Value target = aliases.value(alias);
            if (target == null || alias.equals("name") && aliases.synthesizedName) {
                return null;
            }
            String value = strings(target).isEmpty() ? "" : strings(target).get(0);
            np = byPath(value, aliases, aliasDepth + 1);
            if (np == null) {
                return null;
            }
            path = path.substring(p);
            separator = path.indexOf(':');
        }
        KNode node = np == null ? root : np;
        int i = 0;
        while (node != null && i < path.length() && path.charAt(i) == '/') {
            i++;
            int len = 0;
            while (i + len < path.length() && path.charAt(i + len) != '/' && path.charAt(i + len) != ':') {
                len++;
            }
            String part = path.substring(i, i + len);
            KNode next = null;
            if (len > 0) {
                for (KNode c : node.children) {
                    if (c.fullName().equals(part)) {
                        next = c;
                        break;
                    }
                }
            }
            node = next;
            int slash = path.indexOf('/', i);
            i = slash < 0 ? path.length() : slash;
            if (separator >= 0 && separator < i) {
                break;
            }
        }
        return node;
    }

    /** The strings of a value split at NULs, one char per byte (empty for null). */
    static List<String> strings(Value v) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        byte[] b = v.bytes();
        int n = v.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || b[i] == 0) {
                if (i > start || i < n) {
                    out.add(new String(b, start, i - start, StandardCharsets.ISO_8859_1));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
