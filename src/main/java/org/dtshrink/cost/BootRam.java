package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtshrink.tree.Node;

/**
 * All the RAM one tree costs a kernel up to the end of boot, by {@link RamCategory}: bytes, slab objects by cache,
 * the memblock allocations as {@code memblock=debug} prints them, and what each node and each property name is
 * charged. Built by {@link BootCost}; holds no rendering.
 */
public final class BootRam {

    /** The objects of one slab cache (for kmalloc, its size class) and their object size. */
    public record CacheCount(String cache, int objectSize, long objects) {
        public long bytes() {
            return objectSize * objects;
        }
    }

    /** A property name as the breakdowns tell them apart: the kernel's made-up {@code name}s on their own. */
    public record PropertyKey(String name, boolean synthesized) {
    }

    /** What the driver core made of the tree: the counts behind the figures. */
    public record Counts(long kernfsNodes, int platformDevices, int ambaDevices, int fwnodeLinks, int deviceLinks,
            int aliases) {
    }

    private final Map<RamCategory, Long> bytes;
    private final Map<RamCategory, List<CacheCount>> caches;
    private final List<Long> memblockAllocations;
    private final Map<Node, long[]> perNode;
    private final Map<PropertyKey, long[]> perProperty;
    private final Map<Node, Map<String, Long>> perNodeProperty;
    private final Counts counts;

    private BootRam(Map<RamCategory, Long> bytes, Map<RamCategory, List<CacheCount>> caches,
            List<Long> memblockAllocations, Map<Node, long[]> perNode, Map<PropertyKey, long[]> perProperty,
            Map<Node, Map<String, Long>> perNodeProperty, Counts counts) {
        this.bytes = Collections.unmodifiableMap(bytes);
        this.caches = Collections.unmodifiableMap(caches);
        this.memblockAllocations = List.copyOf(memblockAllocations);
        this.perNode = perNode;
        this.perProperty = Collections.unmodifiableMap(perProperty);
        this.perNodeProperty = perNodeProperty;
        this.counts = counts;
    }

    public long bytes(RamCategory c) {
        return bytes.get(c);
    }

    /** The slab objects of one category, by cache in name order (empty for the memblock categories). */
    public List<CacheCount> caches(RamCategory c) {
        return caches.get(c);
    }

    /** The slab objects of all categories together, by cache in name order. */
    public List<CacheCount> caches() {
        Map<String, CacheCount> all = new TreeMap<>();
        for (List<CacheCount> l : caches.values()) {
            for (CacheCount cc : l) {
                all.merge(cc.cache(), cc, (a, b) -> new CacheCount(a.cache(), a.objectSize(), a.objects() + b.objects()));
            }
        }
        return List.copyOf(all.values());
    }

    /** The memblock allocations the tree causes, in the order the kernel makes them: unflattening, then aliases. */
    public List<Long> memblockAllocations() {
        return memblockAllocations;
    }

    /** What memblock reserves for the tree (the blob not included). */
    public long memblock() {
        long sum = 0;
        for (RamCategory c : RamCategory.values()) {
            sum += c.isMemblock() ? bytes(c) : 0;
        }
        return sum;
    }

    /** What the tree costs in slab objects. */
    public long slab() {
        long sum = 0;
        for (RamCategory c : RamCategory.values()) {
            sum += c.isMemblock() ? 0 : bytes(c);
        }
        return sum;
    }

    /** Memblock and slab together (the blob not included). */
    public long total() {
        return memblock() + slab();
    }

    /** The bytes charged to one node in one category (0 for a node the kernel does not have). */
    public long nodeBytes(Node n, RamCategory c) {
        long[] b = perNode.get(n);
        return b == null ? 0 : b[c.ordinal()];
    }

    /** Everything charged to one node. */
    public long nodeBytes(Node n) {
        long[] b = perNode.get(n);
        long sum = 0;
        if (b != null) {
            for (long x : b) {
                sum += x;
            }
        }
        return sum;
    }

    /**
     * The bytes charged to property names, indexed by {@link RamCategory#ordinal()}: a property's struct in the
     * unflatten allocation, its sysfs file and the fw_devlink links it made.
     */
    public Map<PropertyKey, long[]> propertyBytes() {
        return perProperty;
    }

    /** Everything charged to one property name. */
    public long propertyBytes(PropertyKey key) {
        long[] b = perProperty.get(key);
        long sum = 0;
        if (b != null) {
            for (long x : b) {
                sum += x;
            }
        }
        return sum;
    }

    /**
     * What one real property of one node costs beyond its struct in the unflatten allocation: its sysfs file and
     * the links it made.
     */
    public long nodePropertyBytes(Node node, String property) {
        Map<String, Long> m = perNodeProperty.get(node);
        return m == null ? 0 : m.getOrDefault(property, 0L);
    }

    public Counts counts() {
        return counts;
    }

    private record KernfsOwner(RamCategory category, Node node, PropertyKey property) {
    }

    /** Collects the allocations of one run; {@link #finish} turns them into a {@link BootRam}. */
    static final class Ledger {
        private final Map<RamCategory, Long> bytes = new EnumMap<>(RamCategory.class);
        private final Map<RamCategory, Map<String, long[]>> caches = new EnumMap<>(RamCategory.class);
        private final List<Long> memblock = new ArrayList<>();
        private final Map<Node, long[]> perNode = new IdentityHashMap<>();
        private final Map<PropertyKey, long[]> perProperty = new LinkedHashMap<>();
        private final Map<Node, Map<String, Long>> perNodeProperty = new IdentityHashMap<>();
        private final BootFigures figures;
        private final int pageSize;
        /** Who made each kernfs node, in creation order: the kernfs id tree is charged to them at the end. */
        private final List<KernfsOwner> kernfs = new ArrayList<>();

        Ledger(BootFigures figures, int pageSize) {
            this.figures = figures;
            this.pageSize = pageSize;
            for (RamCategory c : RamCategory.values()) {
                bytes.put(c, 0L);
                caches.put(c, new TreeMap<>());
            }
        }

        /** One object of a named cache. */
        void object(RamCategory c, Node node, PropertyKey property, String cache, int objectSize, long count) {
            long[] cc = caches.get(c).computeIfAbsent(cache, k -> new long[2]);
            cc[0] = objectSize;
            cc[1] += count;
            charge(c, node, property, objectSize * count);
        }

        /**
         * One {@code kmalloc(size)}: an object of the smallest size class that holds it, or whole pages beyond the
         * largest class ({@code kmalloc_large()}, not slab but gone from MemFree all the same).
         */
        void kmalloc(RamCategory c, Node node, PropertyKey property, long size) {
            int cls = figures.kmallocClass(size);
            if (cls > 0) {
                object(c, node, property, "kmalloc-" + cacheSuffix(cls), cls, 1);
            } else {
                long pages = pageSize;
                while (pages < size) {
                    pages <<= 1;
                }
                object(c, node, property, "kmalloc-large", (int) pages, 1);
            }
        }

        /** One kernfs node ({@code kernfs_node_cache}), which also takes an id in sysfs's tree of kernfs ids. */
        void kernfs(RamCategory c, Node node, PropertyKey property) {
            object(c, node, property, "kernfs_node_cache", figures.kernfsNodeSlot(), 1);
            kernfs.add(new KernfsOwner(c, node, property));
        }

        long kernfsNodes() {
            return kernfs.size();
        }

        /** A memblock allocation as {@code memblock=debug} prints it. */
        void memblock(RamCategory c, Node node, long size) {
            memblock.add(size);
            charge(c, node, null, size);
        }

        /** Attributes bytes already counted in the category's total to a node (the unflatten allocation's parts). */
        void chargeNode(RamCategory c, Node node, long n) {
            perNode.computeIfAbsent(node, k -> new long[RamCategory.values().length])[c.ordinal()] += n;
        }

        /** Attributes bytes already counted in the category's total to a property name. */
        void chargeProperty(RamCategory c, PropertyKey property, long n) {
            perProperty.computeIfAbsent(property, k -> new long[RamCategory.values().length])[c.ordinal()] += n;
        }

        private void charge(RamCategory c, Node node, PropertyKey property, long n) {
            bytes.merge(c, n, Long::sum);
            if (node != null) {
                chargeNode(c, node, n);
            }
            if (property != null) {
                chargeProperty(c, property, n);
                if (node != null && !property.synthesized()) {
                    perNodeProperty.computeIfAbsent(node, k -> new java.util.HashMap<>())
                            .merge(property.name(), n, Long::sum);
                }
            }
        }

        /** The result; {@code root} is the node the tree-wide costs are charged to. */
        BootRam finish(Counts counts, Node root) {
            chargeIdTree(root);
            Map<RamCategory, List<CacheCount>> out = new EnumMap<>(RamCategory.class);
            caches.forEach((c, m) -> {
                List<CacheCount> l = new ArrayList<>();
                m.forEach((name, v) -> l.add(new CacheCount(name, (int) v[0], v[1])));
                out.put(c, List.copyOf(l));
            });
            return new BootRam(bytes, out, memblock, perNode, perProperty, perNodeProperty, counts);
        }

        /**
         * kernfs keeps its ids in an xarray ({@code root->ino_idr}), which grows by a {@code radix_tree_node} every
         * {@code chunk} ids, and by one more at each level above: 1/(chunk - 1) of a node per id. Where the tree's
         * ids fall among the kernel's own decides the rounding, which a profile cannot know. Each category is
         * charged the estimate for its own kernfs nodes (so that a change in one leaves the others alone), and to
         * the tree as a whole (its root), not to the node that happens to cross a rounding step.
         */
        private void chargeIdTree(Node root) {
            double perId = 1.0 / (figures.xarrayChunk() - 1);
            long[] perCategory = new long[RamCategory.values().length];
            for (KernfsOwner k : kernfs) {
                perCategory[k.category().ordinal()]++;
            }
            for (RamCategory c : RamCategory.values()) {
                long due = Math.round(perCategory[c.ordinal()] * perId);
                if (due > 0) {
                    object(c, root, null, "radix_tree_node", figures.radixTreeNodeSlot(), due);
                }
            }
        }

        private static String cacheSuffix(int size) {
            return size >= 1024 && size % 1024 == 0 ? (size / 1024) + "k" : Integer.toString(size);
        }
    }
}
