package org.dtshrink.emit;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.FullName;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * The tree as the kernel's {@code unflatten_dt_nodes()} (drivers/of/fdt.c) leaves it for one profile. Which nodes
 * are allocated and which get a made-up {@code name} comes from {@link UnflattenCost}, so the table and the cost
 * figures can never disagree; this class adds the links, names and phandles the real pass writes.
 */
public final class UnflattenedTree {

    private final KernelProfile profile;
    private final StructLayout layout;
    private final CostResult cost;
    private final List<KernelNode> nodes;

    private UnflattenedTree(KernelProfile profile, StructLayout layout, CostResult cost, List<KernelNode> nodes) {
        this.profile = profile;
        this.layout = layout;
        this.cost = cost;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Unflattens {@code tree} as the profile's kernel would.
     *
     * @param file the input's name, for errors
     */
    public static UnflattenedTree of(DeviceTree tree, KernelProfile profile, String file) {
        StructLayout layout = StructLayout.of(profile);
        CostResult cost = UnflattenCost.compute(tree, profile);
        List<KernelNode> out = new ArrayList<>();
        // The kernel keeps the last node it allocated at each depth (nps[]) and links a node under the one kept for
        // the depth above. A child of a skipped node therefore lands under whatever was allocated last one level up:
        // a sibling of the skipped node, or a node of an earlier subtree.
        // grown as deep as the tree goes: a profile may set any depth limit
        List<KernelNode> lastAtDepth = new ArrayList<>();
        for (NodeCost nc : cost.nodes()) {
            if (!nc.isAllocated()) {
                continue;
            }
            int depth = nc.depth();
            KernelNode parent = null;
            if (depth > 0) {
                parent = depth - 1 < lastAtDepth.size() ? lastAtDepth.get(depth - 1) : null;
                if (parent == null) {
                    throw new DtException(file + ": error: node " + nc.path() + ": the profile " + profile.name()
                            + " skips its parent and allocated no node at the parent's depth before it, so the"
                            + " kernel would link it under an uninitialized nps[] entry (undefined behaviour);"
                            + " delete or enable the skipped parent first");
                }
            } else if (!out.isEmpty()) {
                throw new DtException(file + ": error: a second root node");
            }
            KernelNode kn = node(out.size(), nc, parent, profile);
            if (parent != null) {
                parent.addChild(kn);
            }
            out.add(kn);
            while (lastAtDepth.size() <= depth) {
                lastAtDepth.add(null);
            }
            lastAtDepth.set(depth, kn);
        }
        if (out.isEmpty() || out.get(0).source() != tree.root()) {
            throw new DtException(file + ": error: the profile " + profile.name()
                    + " skips the root node (its status is not \"okay\"), so the kernel would not build a tree");
        }
        return new UnflattenedTree(profile, layout, cost, out);
    }

    private static KernelNode node(int index, NodeCost nc, KernelNode parent, KernelProfile profile) {
        Node n = nc.node();
        List<KernelProperty> props = new ArrayList<>();
        long phandle = 0;
        int nameIndex = -1;
        int typeIndex = -1;
        List<Property> live = n.properties();
        for (int i = 0; i < live.size(); i++) {
            Property p = live.get(i);
            byte[] value = p.value().bytes();
            String pn = p.name();
            // populate_properties(): the first of phandle/linux,phandle wins, ibm,phandle always does
            if ((pn.equals("phandle") || pn.equals("linux,phandle")) && phandle == 0) {
                phandle = firstCell(live, i, n);
            }
            if (pn.equals("ibm,phandle")) {
                phandle = firstCell(live, i, n);
            }
            if (nameIndex < 0 && pn.equals("name")) {
                nameIndex = props.size();
            }
            if (typeIndex < 0 && pn.equals("device_type")) {
                typeIndex = props.size();
            }
            props.add(new KernelProperty(Names.bytes(pn), value, false, p.value().markers()));
        }
        if (nc.hasSynthesizedName()) {
            nameIndex = props.size();
            byte[] base = Names.bytes(UnflattenCost.nameWithoutUnitAddress(n.name()));
            byte[] value = java.util.Arrays.copyOf(base, base.length + 1);
            if (value.length != nc.synthesizedNameBytes()) {
                throw new IllegalStateException("made-up name of " + nc.path() + " disagrees with the cost model");
            }
            props.add(new KernelProperty(Names.bytes("name"), value, true, List.of()));
        }
        byte[] fullName;
        if (profile.fullName() == FullName.PATH) {
            fullName = parent == null ? new byte[] {'/'} : childPath(parent.fullName(), Names.bytes(n.name()),
                    parent.parent() == null);
        } else {
            fullName = Names.bytes(n.name());
        }
        return new KernelNode(index, n, parent, props, fullName, phandle, nameIndex, typeIndex);
    }

    /** Linux 4.13 built "/" + name under the root and parent's path + "/" + name below it. */
    private static byte[] childPath(byte[] parentPath, byte[] name, boolean parentIsRoot) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (!parentIsRoot) {
            b.writeBytes(parentPath);
        }
        b.write('/');
        b.writeBytes(name);
        return b.toByteArray();
    }

    /**
     * {@code be32_to_cpup(val)}: the kernel reads four bytes whatever the length. A blob pads a shorter value with
     * zeros; an empty one is followed by the next token, which dtc's layout makes predictable.
     */
    private static long firstCell(List<Property> live, int i, Node n) {
        Value v = live.get(i).value();
        byte[] four = new byte[4];
        for (int k = 0; k < 4 && k < v.length(); k++) {
            four[k] = v.byteAt(k);
        }
        if (v.length() == 0) {
            // FDT_PROP (3) when another property follows, FDT_BEGIN_NODE (1) before a child, FDT_END_NODE (2)
            boolean moreProps = i + 1 < live.size();
            boolean child = !n.children().isEmpty();
            four[3] = (byte) (moreProps ? 3 : child ? 1 : 2);
        }
        return ((four[0] & 0xffL) << 24) | ((four[1] & 0xffL) << 16) | ((four[2] & 0xffL) << 8) | (four[3] & 0xffL);
    }

    public KernelProfile profile() {
        return profile;
    }

    public StructLayout layout() {
        return layout;
    }

    /** The cost model's figures for the same tree and profile. */
    public CostResult cost() {
        return cost;
    }

    /** Allocated nodes in blob order; the root first. */
    public List<KernelNode> nodes() {
        return nodes;
    }

    public int propertyCount() {
        int n = 0;
        for (KernelNode k : nodes) {
            n += k.properties().size();
        }
        return n;
    }
}
