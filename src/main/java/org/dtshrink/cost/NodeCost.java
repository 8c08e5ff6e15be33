package org.dtshrink.cost;

import java.util.List;
import org.dtshrink.tree.Node;

/**
 * What one node of the measured tree costs. {@code start} is the allocator offset before the node's first
 * allocation and {@code bytes} everything allocated for it (struct, name, properties, synthesized name, and the
 * padding in front of each), so the allocated nodes' bytes follow one another without gaps. A skipped node costs
 * nothing and has a {@link #skipped()} reason.
 */
public record NodeCost(
        Node node,
        int depth,
        SkipReason skipped,
        long start,
        long bytes,
        long padding,
        long nameBytes,
        List<PropertyCost> properties,
        int synthesizedNameBytes) {

    public boolean isAllocated() {
        return skipped == null;
    }

    /** True when the kernel had to make up a {@code name} property for this node. */
    public boolean hasSynthesizedName() {
        return synthesizedNameBytes > 0;
    }

    /** The node's full path in the measured tree. */
    public String path() {
        return node.path();
    }
}
