package org.dtshrink.cost;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one tree under one kernel profile, as {@link UnflattenCost} found them: counts, bytes by
 * {@link Category}, the kernel's size and allocation, and one {@link NodeCost} per node in blob order (skipped ones
 * included). Holds no rendering; report, prune and emit stages read it as it is.
 */
public final class CostResult {

    private final KernelProfile profile;
    private final List<NodeCost> nodes;
    private final Map<Category, Long> bytes;
    private final int nodesInDtb;
    private final int nodesAllocated;
    private final int propertiesInDtb;
    private final int propertiesAllocated;
    private final int synthesizedNames;
    private final long tailPadding;
    private final long size;

    CostResult(KernelProfile profile, List<NodeCost> nodes, Map<Category, Long> bytes, int nodesInDtb,
            int nodesAllocated, int propertiesInDtb, int propertiesAllocated, int synthesizedNames, long tailPadding,
            long size) {
        this.profile = profile;
        this.nodes = Collections.unmodifiableList(nodes);
        this.bytes = Collections.unmodifiableMap(new EnumMap<>(bytes));
        this.nodesInDtb = nodesInDtb;
        this.nodesAllocated = nodesAllocated;
        this.propertiesInDtb = propertiesInDtb;
        this.propertiesAllocated = propertiesAllocated;
        this.synthesizedNames = synthesizedNames;
        this.tailPadding = tailPadding;
        this.size = size;
    }

    public KernelProfile profile() {
        return profile;
    }

    /** Every live node of the tree, in blob order, allocated or skipped. */
    public List<NodeCost> nodes() {
        return nodes;
    }

    public int nodesInDtb() {
        return nodesInDtb;
    }

    public int nodesAllocated() {
        return nodesAllocated;
    }

    public int nodesSkipped() {
        return nodesInDtb - nodesAllocated;
    }

    public int propertiesInDtb() {
        return propertiesInDtb;
    }

    /** Properties of the blob that were allocated (those of allocated nodes); synthesized names not included. */
    public int propertiesAllocated() {
        return propertiesAllocated;
    }

    /** How many nodes got a {@code name} property made up by the kernel. */
    public int synthesizedNames() {
        return synthesizedNames;
    }

    public long bytes(Category c) {
        return bytes.get(c);
    }

    /** The padding that rounds the size up to 4 bytes; part of {@link Category#PADDING}, but of no node. */
    public long tailPadding() {
        return tailPadding;
    }

    /** The kernel's "size is" figure: the dry run's total rounded up to 4. */
    public long size() {
        return size;
    }

    /** What the kernel allocates: the size plus the 4-byte end marker. */
    public long allocation() {
        return size + bytes(Category.END_MARKER);
    }

    /** The allocation in whole pages of the profile's page size. */
    public long pages() {
        return pagesOf(allocation(), profile.pageSize());
    }

    static long pagesOf(long bytes, int pageSize) {
        return (bytes + pageSize - 1) / pageSize;
    }
}
