package org.dtshrink.cost;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * Replays the dry-run pass of the kernel's {@code unflatten_dt_nodes()} (drivers/of/fdt.c) over a tree: one bump
 * allocator from 0, nodes in blob order, each allocation aligned first. The tree is walked without recursion, so any
 * depth the reader accepts is fine.
 */
public final class UnflattenCost {

    /** The 0xdeadbeef word the kernel writes after the tree to catch overruns. */
    static final int END_MARKER = 4;

    private UnflattenCost() {
    }

    public static CostResult compute(DeviceTree tree, KernelProfile profile) {
        return new Run(profile).walk(tree);
    }

    private static final class Run {
        private final KernelProfile profile;
        private final Map<Category, Long> bytes = new EnumMap<>(Category.class);
        private final List<NodeCost> nodes = new ArrayList<>();
        private long mem;
        private long padding;
        private int nodesInDtb;
        private int nodesAllocated;
        private int propertiesInDtb;
        private int propertiesAllocated;
        private int synthesizedNames;

        Run(KernelProfile profile) {
            this.profile = profile;
            for (Category c : Category.values()) {
                bytes.put(c, 0L);
            }
        }

        /** One node waiting to be visited, with its depth and the byte length of its full path. */
        private record Pending(Node node, int depth, long pathBytes) {
        }

        CostResult walk(DeviceTree tree) {
            Deque<Pending> stack = new ArrayDeque<>();
            stack.push(new Pending(tree.root(), 0, 0));
            while (!stack.isEmpty()) {
                Pending p = stack.pop();
                visit(p);
                List<Node> kids = p.node().children();
                for (int i = kids.size() - 1; i >= 0; i--) {
                    Node kid = kids.get(i);
                    if (!kid.isDeleted()) {
                        stack.push(new Pending(kid, p.depth() + 1, p.pathBytes() + 1 + byteLength(kid.name())));
                    }
                }
            }
            long size = align(mem, 4);
            long tail = size - mem;
            add(Category.PADDING, tail);
            add(Category.END_MARKER, END_MARKER);
            return new CostResult(profile, nodes, bytes, nodesInDtb, nodesAllocated, propertiesInDtb,
                    propertiesAllocated, synthesizedNames, tail, size);
        }

        private void visit(Pending p) {
            Node node = p.node();
            nodesInDtb++;
            int liveProperties = 0;
            for (Property prop : node.properties()) {
                if (!prop.isDeleted()) {
                    liveProperties++;
                }
            }
            propertiesInDtb += liveProperties;

            SkipReason skip = null;
            if (p.depth() >= profile.depthLimit()) {
                skip = SkipReason.DEPTH;
            } else if (profile.skipDisabled() && !isAvailable(node)) {
                skip = SkipReason.STATUS;
            }
            if (skip != null) {
                nodes.add(new NodeCost(node, p.depth(), skip, mem, 0, 0, 0, List.of(), 0));
                return;
            }

            nodesAllocated++;
            long start = mem;
            long padBefore = padding;
            long nameBytes = nodeNameBytes(node, p.pathBytes());
            allocate(profile.nodeAlign(), profile.nodeSize() + nameBytes);
            add(Category.NODE_STRUCTS, profile.nodeSize());
            add(Category.NODE_NAMES, nameBytes);

            List<PropertyCost> props = new ArrayList<>(liveProperties + 1);
            boolean hasName = false;
            for (Property prop : node.properties()) {
                if (prop.isDeleted()) {
                    continue;
                }
                hasName |= prop.name().equals("name");
                long before = mem;
                long pad = allocate(profile.propertyAlign(), profile.propertySize());
                add(Category.PROPERTY_STRUCTS, profile.propertySize());
                props.add(new PropertyCost(prop.name(), mem - before, pad, false));
                propertiesAllocated++;
            }
            int synthesized = 0;
            if (!hasName) {
                synthesized = byteLength(nameWithoutUnitAddress(node.name())) + 1;
                long before = mem;
                long pad = allocate(profile.propertyAlign(), profile.propertySize() + (long) synthesized);
                add(Category.PROPERTY_STRUCTS, profile.propertySize());
                add(Category.SYNTHESIZED_NAME_VALUES, synthesized);
                props.add(new PropertyCost("name", mem - before, pad, true));
                synthesizedNames++;
            }
            nodes.add(new NodeCost(node, p.depth(), null, start, mem - start, padding - padBefore, nameBytes,
                    List.copyOf(props), synthesized));
        }

        /** {@code mem = ALIGN(mem, align) + size}; returns the padding it took. */
        private long allocate(int alignment, long size) {
            long aligned = align(mem, alignment);
            long pad = aligned - mem;
            padding += pad;
            add(Category.PADDING, pad);
            mem = aligned + size;
            return pad;
        }

        private long nodeNameBytes(Node node, long pathBytes) {
            if (profile.fullName() == FullName.PATH) {
                // The old kernels stored "/" for the root and the full path for every other node.
                return node.isRoot() ? 2 : pathBytes + 1;
            }
            return byteLength(node.name()) + 1;
        }

        private void add(Category c, long n) {
            bytes.merge(c, n, Long::sum);
        }
    }

    /**
     * Whether the kernel's {@code of_fdt_device_is_available()} accepts the node: no {@code status}, or a first
     * {@code status} whose C string is exactly "ok" or "okay". The string ends at the first NUL or at the end of the
     * value (in a blob the next byte after a value is padding or a token, both starting with a zero byte).
     */
    static boolean isAvailable(Node node) {
        Property status = node.property("status");
        if (status == null) {
            return true;
        }
        Value v = status.value();
        int end = 0;
        while (end < v.length() && v.byteAt(end) != 0) {
            end++;
        }
        return cStringEquals(v, end, "ok") || cStringEquals(v, end, "okay");
    }

    private static boolean cStringEquals(Value v, int length, String ascii) {
        if (length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (v.byteAt(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of the {@code name} property the kernel makes up: the text after the last '/' up to the last '@'
     * (the whole rest when no '@' follows the last '/').
     */
    static String nameWithoutUnitAddress(String nodeName) {
        int from = nodeName.lastIndexOf('/') + 1;
        int at = nodeName.lastIndexOf('@');
        return nodeName.substring(from, at < from ? nodeName.length() : at);
    }

    /**
     * The bytes a name takes in the blob. The blob reader keeps names as one char per byte; only a name built in
     * memory with chars beyond a byte would go into a blob as UTF-8.
     */
    static int byteLength(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return s.length();
    }

    static long align(long n, int alignment) {
        return (n + alignment - 1) & -(long) alignment;
    }
}
