package org.dtshrink.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

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
                    stack.push(new Pending(kid, p.depth() + 1, p.pathBytes() + 1 + Names.byteLength(kid.name())));
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
            int properties = node.properties().size();
            propertiesInDtb += properties;

            SkipReason skip = null;
            if (p.depth() >= profile.depthLimit()) {
                skip = SkipReason.DEPTH;
            } else if (profile.skipDisabled() && !node.isAvailable()) {
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

            List<PropertyCost> props = new ArrayList<>(properties + 1);
            boolean hasName = false;
            for (Property prop : node.properties()) {
                hasName |= prop.name().equals("name");
                long before = mem;
                long pad = allocate(profile.propertyAlign(), profile.propertySize());
                add(Category.PROPERTY_STRUCTS, profile.propertySize());
                props.add(new PropertyCost(prop.name(), mem - before, pad, false));
                propertiesAllocated++;
            }
            int synthesized = 0;
            if (!hasName) {
                synthesized = Names.byteLength(nameWithoutUnitAddress(node.name())) + 1;
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
            return Names.byteLength(node.name()) + 1;
        }

        private void add(Category c, long n) {
            bytes.merge(c, n, Long::sum);
        }
    }

    /**
     * The value of the {@code name} property the kernel makes up: the text after the last '/' up to the last '@'
     * (the whole rest when no '@' follows the last '/').
     */
    public static String nameWithoutUnitAddress(String nodeName) {
        int from = nodeName.lastIndexOf('/') + 1;
        int at = nodeName.lastIndexOf('@');
        return nodeName.substring(from, at < from ? nodeName.length() : at);
    }

    static long align(long n, int alignment) {
        return (n + alignment - 1) & -(long) alignment;
    }
}
