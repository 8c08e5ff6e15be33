package org.dtshrink.emit;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.Node;

/**
 * One {@code struct device_node} as {@code unflatten_device_tree()} leaves it. Nodes are numbered in blob order; the
 * root is 0. Strings are kept as the bytes the kernel holds (without the terminating NUL).
 */
public final class KernelNode {

    private final int index;
    private final Node source;
    private final KernelNode parent;
    private final List<KernelNode> children = new ArrayList<>();
    private final List<KernelProperty> properties;
    private final byte[] fullName;
    private final long phandle;
    private final int nameProperty;
    private final int typeProperty;

    KernelNode(int index, Node source, KernelNode parent, List<KernelProperty> properties, byte[] fullName,
            long phandle, int nameProperty, int typeProperty) {
        this.index = index;
        this.source = source;
        this.parent = parent;
        this.properties = List.copyOf(properties);
        this.fullName = fullName;
        this.phandle = phandle;
        this.nameProperty = nameProperty;
        this.typeProperty = typeProperty;
    }

    public int index() {
        return index;
    }

    /** The blob's node this one was made from. */
    public Node source() {
        return source;
    }

    /** The node the kernel linked this one under; null for the root. */
    public KernelNode parent() {
        return parent;
    }

    /** Children in the order the kernel links them (blob order, after its reversal of the child lists). */
    public List<KernelNode> children() {
        return children;
    }

    /** Properties in list order: the blob's, then the made-up {@code name} when the node has none. */
    public List<KernelProperty> properties() {
        return properties;
    }

    public byte[] fullName() {
        return fullName.clone();
    }

    public long phandle() {
        return phandle;
    }

    /** The index in {@link #properties()} of the first {@code name} property, whose value {@code np->name} is. */
    public int nameProperty() {
        return nameProperty;
    }

    /** Linux 4.13's {@code np->type}: the index of the first {@code device_type}, or -1 ("&lt;NULL&gt;"). */
    public int typeProperty() {
        return typeProperty;
    }

    void addChild(KernelNode child) {
        children.add(child);
    }
}
