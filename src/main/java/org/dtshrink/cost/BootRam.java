package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
    private final Map<Node, Map<String, long[]>> perNodeProperty;
    private final Counts counts;
    private final long[] kernfsIds;

    private BootRam(Map<RamCategory, Long> bytes, Map<RamCategory, List<CacheCount>> caches,
            List<Long> memblockAllocations, Map<Node, long[]> perNode, Map<PropertyKey, long[]> perProperty,
            Map<Node, Map<String, long[]>> perNodeProperty, Counts counts, long[] kernfsIds) {
        this.kernfsIds = kernfsIds;
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
        Map<String, long[]> m = perNodeProperty.get(node);
        long[] b = m == null ? null : m.get(property);
        return b == null ? 0 : b[0];
    }

    public Counts counts() {
        return counts;
    }

    /** The kernfs ids the tree takes in one phase of boot, those of nodes removed again included. */
    public long kernfsIds(KernfsIds.Phase phase) {
        return kernfsIds[phase.ordinal()];
    }

    /** Collects the allocations of one run; {@link #finish} turns them into a {@link BootRam}. */
    static final class Ledger {
        private static final int CATEGORIES = RamCategory.values().length;
        /** Named caches after the kmalloc classes in the cache tables. */
        private static final String[] NAMED = {"kernfs_node_cache", "radix_tree_node", "proc_dir_entry"};
        private static final int KERNFS = 0;
        private static final int RADIX = 1;
        private static final int PDE = 2;

        private final long[] bytes = new long[CATEGORIES];
        /** Objects per category and cache: the kmalloc classes first, then {@link #NAMED}. */
        private final long[][] objects;
        private final String[] cacheNames;
        private final int[] cacheSizes;
        /** kmalloc_large() allocations: page-rounded size to objects, per category. */
        private final List<Map<Integer, long[]>> large = new ArrayList<>();
        private final List<Long> memblock = new ArrayList<>();
        private final Map<Node, long[]> perNode = new IdentityHashMap<>();
        private final Map<PropertyKey, long[]> perProperty = new LinkedHashMap<>();
        private final Map<Node, Map<String, long[]>> perNodeProperty = new IdentityHashMap<>();
        private final BootFigures figures;
        private final int pageSize;
        private final long[] kernfs = new long[CATEGORIES];
        /** The kernfs ids taken, by category and {@link KernfsIds.Phase}. */
        private final long[][] ids = new long[CATEGORIES][KernfsIds.Phase.values().length];
        // the allocations of one node come one after another: the last node's row saves the map lookups
        private Node lastNode;
        private long[] lastNodeBytes;

        Ledger(BootFigures figures, int pageSize) {
            this.figures = figures;
            this.pageSize = pageSize;
            List<Integer> classes = figures.kmallocClasses();
            int n = classes.size() + NAMED.length;
            cacheNames = new String[n];
            cacheSizes = new int[n];
            for (int i = 0; i < classes.size(); i++) {
                cacheNames[i] = "kmalloc-" + cacheSuffix(classes.get(i));
                cacheSizes[i] = classes.get(i);
            }
            int k = classes.size();
            cacheNames[k + KERNFS] = NAMED[KERNFS];
            cacheSizes[k + KERNFS] = figures.kernfsNodeSlot();
            cacheNames[k + RADIX] = NAMED[RADIX];
            cacheSizes[k + RADIX] = figures.radixTreeNodeSlot();
            cacheNames[k + PDE] = NAMED[PDE];
            cacheSizes[k + PDE] = figures.procDirEntrySlot();
            objects = new long[CATEGORIES][n];
            for (int c = 0; c < CATEGORIES; c++) {
                large.add(new HashMap<>());
            }
        }

        private void object(RamCategory c, Node node, PropertyKey property, int cache, long count) {
            objects[c.ordinal()][cache] += count;
            charge(c, node, property, cacheSizes[cache] * count);
        }

        private int named(int which) {
            return figures.kmallocClasses().size() + which;
        }

        /** The /proc/device-tree link's entry. */
        void procDirEntry(RamCategory c, Node node) {
            object(c, node, null, named(PDE), 1);
        }

        /**
         * One {@code kmalloc(size)}: an object of the smallest size class that holds it, or whole pages beyond the
         * largest class ({@code kmalloc_large()}, not slab but gone from MemFree all the same).
         */
        void kmalloc(RamCategory c, Node node, PropertyKey property, long size) {
            List<Integer> classes = figures.kmallocClasses();
            for (int i = 0; i < classes.size(); i++) {
                if (size <= classes.get(i)) {
                    object(c, node, property, i, 1);
                    return;
                }
            }
            long pages = pageSize;
            while (pages < size) {
                pages <<= 1;
            }
            large.get(c.ordinal()).computeIfAbsent((int) pages, k -> new long[1])[0]++;
            charge(c, node, property, pages);
        }

        /** One kernfs node ({@code kernfs_node_cache}), which also takes an id in sysfs's tree of kernfs ids. */
        void kernfs(RamCategory c, KernfsIds.Phase phase, Node node, PropertyKey property) {
            object(c, node, property, named(KERNFS), 1);
            kernfs[c.ordinal()]++;
            ids[c.ordinal()][phase.ordinal()]++;
        }

        /** A kernfs node made and removed again before the end of boot: its id was taken all the same. */
        void kernfsRemoved(RamCategory c, KernfsIds.Phase phase) {
            ids[c.ordinal()][phase.ordinal()]++;
        }

        long kernfsNodes() {
            long n = 0;
            for (long k : kernfs) {
                n += k;
            }
            return n;
        }

        /** A memblock allocation as {@code memblock=debug} prints it. */
        void memblock(RamCategory c, Node node, long size) {
            memblock.add(size);
            charge(c, node, null, size);
        }

        /** Attributes bytes already counted in the category's total to a node (the unflatten allocation's parts). */
        void chargeNode(RamCategory c, Node node, long n) {
            if (node != lastNode) {
                lastNode = node;
                lastNodeBytes = perNode.computeIfAbsent(node, k -> new long[CATEGORIES]);
            }
            lastNodeBytes[c.ordinal()] += n;
        }

        /** Attributes bytes already counted in the category's total to a property name. */
        void chargeProperty(RamCategory c, PropertyKey property, long n) {
            perProperty.computeIfAbsent(property, k -> new long[CATEGORIES])[c.ordinal()] += n;
        }

        private void charge(RamCategory c, Node node, PropertyKey property, long n) {
            bytes[c.ordinal()] += n;
            if (node != null) {
                chargeNode(c, node, n);
            }
            if (property != null) {
                chargeProperty(c, property, n);
                if (node != null && !property.synthesized()) {
                    perNodeProperty.computeIfAbsent(node, k -> new HashMap<>())
                            .computeIfAbsent(property.name(), k -> new long[1])[0] += n;
                }
            }
        }

        /** The result; {@code root} is the node the tree-wide costs are charged to. */
        BootRam finish(Counts counts, Node root) {
            chargeIdTree(root);
            Map<RamCategory, Long> total = new EnumMap<>(RamCategory.class);
            Map<RamCategory, List<CacheCount>> out = new EnumMap<>(RamCategory.class);
            for (RamCategory c : RamCategory.values()) {
                total.put(c, bytes[c.ordinal()]);
                Map<String, CacheCount> byName = new TreeMap<>();
                for (int i = 0; i < cacheNames.length; i++) {
                    long n = objects[c.ordinal()][i];
                    if (n > 0) {
                        byName.put(cacheNames[i], new CacheCount(cacheNames[i], cacheSizes[i], n));
                    }
                }
                // no slab cache: whole pages, listed by their size
                for (Map.Entry<Integer, long[]> e : large.get(c.ordinal()).entrySet()) {
                    String name = "kmalloc-large-" + e.getKey();
                    byName.put(name, new CacheCount(name, e.getKey(), e.getValue()[0]));
                }
                out.put(c, List.copyOf(byName.values()));
            }
            long[] byPhase = new long[KernfsIds.Phase.values().length];
            for (long[] own : ids) {
                for (int p = 0; p < byPhase.length; p++) {
                    byPhase[p] += own[p];
                }
            }
            return new BootRam(total, out, memblock, perNode, perProperty, perNodeProperty, counts, byPhase);
        }

        /**
         * kernfs keeps its ids in an xarray ({@code root->ino_idr}) of {@code radix_tree_node}s. With the profile's
         * reference ids ({@link KernfsIds}) the nodes the tree's ids need are the nodes of the reference kernel's
         * ids with this tree's blocks, less those of the kernel's ids with no tree; the categories are charged in
         * turn (sysfs, then the devices, then fw_devlink, each with the ones before it), so that they add up to
         * the tree's figure. Without reference ids, an estimate: a node every {@code chunk} ids and one more at
         * each level above, 1/(chunk - 1) of a node per id, for each category's own kernfs nodes. Either way it is
         * charged to the tree as a whole (its root), not to the node that happens to cross a chunk boundary.
         */
        private void chargeIdTree(Node root) {
            KernfsIds reference = figures.kernfsIds();
            if (reference == null) {
                double perId = 1.0 / (figures.xarrayChunk() - 1);
                for (RamCategory c : RamCategory.values()) {
                    long due = Math.round(kernfs[c.ordinal()] * perId);
                    if (due > 0) {
                        object(c, root, null, named(RADIX), due);
                    }
                }
                return;
            }
            List<RamCategory> order = List.of(RamCategory.SYSFS, RamCategory.DEVICES, RamCategory.FW_DEVLINK);
            for (RamCategory c : RamCategory.values()) {
                for (long n : ids[c.ordinal()]) {
                    if (n > 0 && !order.contains(c)) {
                        throw new IllegalStateException("kernfs ids charged to " + c);
                    }
                }
            }
            int chunk = figures.xarrayChunk();
            long[] taken = new long[KernfsIds.Phase.values().length];
            long before = reference.nodesWithoutTree(chunk);
            long[] due = new long[order.size()];
            for (int k = 0; k < order.size(); k++) {
                long[] own = ids[order.get(k).ordinal()];
                for (int p = 0; p < taken.length; p++) {
                    taken[p] += own[p];
                }
                long after = reference.nodes(taken, chunk);
                due[k] = after - before;
                before = after;
            }
            // moving ids along can take a node off a later chunk: a category that would come out below zero
            // gives its share to the one before it
            for (int k = due.length - 1; k > 0; k--) {
                if (due[k] < 0) {
                    due[k - 1] += due[k];
                    due[k] = 0;
                }
            }
            for (int k = 0; k < due.length; k++) {
                if (due[k] > 0) {
                    object(order.get(k), root, null, named(RADIX), due[k]);
                }
            }
        }

        private static String cacheSuffix(int size) {
            return size >= 1024 && size % 1024 == 0 ? (size / 1024) + "k" : Integer.toString(size);
        }
    }
}
