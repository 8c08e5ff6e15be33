package org.dtshrink.emit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;

/**
 * The smallest tree early boot still reads from the blob when the static table replaces unflattening. Linux 6.12
 * reads the flat blob before {@code unflatten_device_tree()} (drivers/of/fdt.c, of_reserved_mem.c, fdt_address.c,
 * drivers/tty/serial/earlycon.c, arch/arm/kernel/devtree.c) for exactly these, which are kept:
 * <ul>
 * <li>the header's memory reservations and boot CPU;</li>
 * <li>the root's {@code #address-cells}, {@code #size-cells} (early_init_dt_scan_root), {@code compatible} (machine
 * matching) and {@code model} (the machine name it prints);</li>
 * <li>{@code /chosen} (or {@code /chosen@0}) whole: bootargs, initrd, rng-seed, stdout-path, elfcorehdr, the
 * usable memory range, the UEFI parameters;</li>
 * <li>the root's children with {@code device_type = "memory"}, whole (early_init_dt_scan_memory);</li>
 * <li>{@code /reserved-memory}, whole (reserved regions, CMA and DMA pools are set up from it);</li>
 * <li>the node {@code stdout-path} names, whole, for earlycon, with the alias that names it and the
 * {@code #address-cells}, {@code #size-cells} and {@code ranges} of its ancestors, which translate its address.</li>
 * </ul>
 * Everything else is read from the static tree, which is built from the full tree.
 */
public final class BootDtb {

    private static final Set<String> ROOT_PROPERTIES = Set.of("#address-cells", "#size-cells", "compatible", "model");
    private static final Set<String> BUS_PROPERTIES = Set.of("#address-cells", "#size-cells", "ranges");

    private BootDtb() {
    }

    public static DeviceTree of(DeviceTree full) {
        Node root = full.root();
        Node outRoot = new Node("");
        copyProperties(root, outRoot, ROOT_PROPERTIES);
        DeviceTree out = new DeviceTree(outRoot);
        for (ReserveEntry r : full.reserves()) {
            out.reserves().add(r);
        }
        out.setBootCpuid(full.bootCpuid());

        Node chosen = root.child("chosen");
        if (chosen == null) {
            chosen = root.child("chosen@0");
        }
        Node stdout = chosen == null ? null : stdoutNode(full, chosen);
        for (Node child : root.children()) {
            if (child == chosen || child.name().equals("reserved-memory") || isMemory(child)) {
                outRoot.addChild(copySubtree(child));
            } else if (child.name().equals("aliases") && stdout != null) {
                Node aliases = outRoot.addChild(new Node("aliases"));
                String alias = aliasName(chosen);
                if (alias != null) {
                    copyProperties(child, aliases, Set.of(alias));
                }
            }
        }
        if (stdout != null && stdout != root && !isUnder(stdout, chosen) && !keptWhole(stdout)) {
            addPath(outRoot, stdout);
        }
        sortLikeSource(root, outRoot);
        return out;
    }

    /** The node stdout-path (or linux,stdout-path) names, through an alias or as a path; null when none. */
    private static Node stdoutNode(DeviceTree full, Node chosen) {
        String target = stdoutTarget(chosen);
        if (target == null) {
            return null;
        }
        if (!target.startsWith("/")) {
            Node aliases = full.root().child("aliases");
            Property a = aliases == null ? null : aliases.property(target);
            if (a == null || !a.value().isStringList()) {
                return null;
            }
            target = a.value().asString();
        }
        return full.nodeAt(target);
    }

    private static String stdoutTarget(Node chosen) {
        Property p = chosen.property("stdout-path");
        if (p == null) {
            p = chosen.property("linux,stdout-path");
        }
        if (p == null || !p.value().isStringList()) {
            return null;
        }
        String s = p.value().asString();
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    private static String aliasName(Node chosen) {
        String t = stdoutTarget(chosen);
        return t == null || t.startsWith("/") ? null : t;
    }

    private static boolean isMemory(Node n) {
        Property t = n.property("device_type");
        return t != null && t.value().isStringList() && t.value().asString().equals("memory");
    }

    private static boolean isUnder(Node n, Node ancestor) {
        for (Node m = n; m != null; m = m.parent()) {
            if (m == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Whether the node is inside a subtree already kept whole (a memory node or reserved-memory). */
    private static boolean keptWhole(Node n) {
        for (Node m = n; m.parent() != null; m = m.parent()) {
            if (m.parent().isRoot() && (m.name().equals("reserved-memory") || isMemory(m))) {
                return true;
            }
        }
        return false;
    }

    /** Adds the stdout node whole, under copies of its ancestors that keep only what address translation reads. */
    private static void addPath(Node outRoot, Node stdout) {
        Deque<Node> chain = new ArrayDeque<>();
        for (Node m = stdout.parent(); !m.isRoot(); m = m.parent()) {
            chain.push(m);
        }
        Node at = outRoot;
        for (Node m : chain) {
            Node existing = at.child(m.name());
            if (existing == null) {
                existing = at.addChild(new Node(m.name()));
                copyProperties(m, existing, BUS_PROPERTIES);
            }
            at = existing;
        }
        Node copy = new Node(stdout.name());
        copyProperties(stdout, copy, null);
        at.addChild(copy);
    }

    private static void copyProperties(Node from, Node to, Set<String> names) {
        for (Property p : from.properties()) {
            if (names == null || names.contains(p.name())) {
                to.addProperty(new Property(p.name(), p.value().copy()));
            }
        }
    }

    /** A copy of a subtree, without recursion. */
    private static Node copySubtree(Node top) {
        Node copyTop = new Node(top.name());
        Deque<Node[]> stack = new ArrayDeque<>();
        stack.push(new Node[] {top, copyTop});
        while (!stack.isEmpty()) {
            Node[] pair = stack.pop();
            copyProperties(pair[0], pair[1], null);
            for (Node c : pair[0].children()) {
                Node cc = pair[1].addChild(new Node(c.name()));
                stack.push(new Node[] {c, cc});
            }
        }
        return copyTop;
    }

    /** Puts the root's kept children back in the source's order (the stdout path was appended last). */
    private static void sortLikeSource(Node src, Node out) {
        List<Node> srcKids = src.children();
        out.children().sort((a, b) -> Integer.compare(indexOf(srcKids, a.name()), indexOf(srcKids, b.name())));
    }

    private static int indexOf(List<Node> kids, String name) {
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i).name().equals(name)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
