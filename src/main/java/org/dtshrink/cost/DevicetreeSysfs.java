package org.dtshrink.cost;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.dtshrink.cost.KernelTree.KNode;
import org.dtshrink.tree.Names;

/**
 * What {@code of_core_init()} spends publishing the tree in /sys/firmware/devicetree (drivers/of/kobj.c): per node a
 * kernfs directory, the node's kobject name and kernfs's copy of it; per property a kernfs file, the name copy
 * {@code safe_name()} makes and kernfs's copy of that. Every name is a fresh {@code kstrdup()} first, so kernfs's
 * {@code kstrdup_const()} always copies too, wherever the tree's own strings live.
 *
 * <p>dtshrink's kernel patch changes this for its static table: {@code safe_name()} takes {@code kstrdup_const()},
 * so a node's name in .rodata is copied neither for its kobject nor by kernfs (a node renamed for a clash still is),
 * and the table's properties arrive with their attribute filled in, names in .rodata, so only their kernfs files
 * are made. Kept out of sysfs (CONFIG_OF_STATIC_TREE_SYSFS=n) the tree gets no kset, no /proc/device-tree link and
 * no kernfs node at all.
 */
final class DevicetreeSysfs {

    /** Which tree the kernel publishes. */
    enum Mode {
        /** unflattened at boot: every name copied */
        UNFLATTENED,
        /** the static table, published: names in .rodata, not copied */
        STATIC,
        /** the static table kept out of sysfs: nothing */
        STATIC_HIDDEN
    }

    /** safe_name() gives up after this many renames. */
    private static final int RENAMES = 16;

    private DevicetreeSysfs() {
    }

    /**
     * Charges the /sys/firmware/devicetree allocations of every node to {@code ledger}. Without sysfs only the kset
     * and the /proc/device-tree link are made, which of_core_init() creates all the same.
     */
    static void charge(KernelTree tree, BootFigures f, BootRam.Ledger ledger, Mode mode) {
        KNode root = tree.root();
        if (root == null || mode == Mode.STATIC_HIDDEN) {
            return;
        }
        boolean copies = mode == Mode.UNFLATTENED;
        RamCategory c = RamCategory.SYSFS;
        // of_kset ("devicetree" under /sys/firmware) and the /proc/device-tree link: once per tree. The kset's
        // names are string literals, which kstrdup_const() does not copy.
        ledger.kmalloc(c, root.node, null, f.ksetSize());
        if (f.sysfs()) {
            ledger.kernfs(c, KernfsIds.Phase.SYSFS, root.node, null);
        }
        ledger.procDirEntry(c, root.node);
        ledger.kmalloc(c, root.node, null, "/sys/firmware/devicetree/base".length() + 1);
        if (!f.sysfs()) {
            return;
        }

        Map<KNode, Set<String>> entries = new IdentityHashMap<>();
        for (KNode n : tree.nodes()) {
            Set<String> own = new HashSet<>();
            entries.put(n, own);
            String name = n.parent == null ? "base" : safeName(entries.get(n.parent), n.fullName());
            if (n.parent != null) {
                entries.get(n.parent).add(name);
            }
            long len = Names.byteLength(name) + 1;
            // kobject_add(): the kobject's name, then kernfs's copy for the directory (the static table's own
            // names are not copied; a renamed node's name is safe_name()'s kasprintf(), which both copy)
            if (copies || (n.parent != null && !name.equals(n.fullName()))) {
                ledger.kmalloc(c, n.node, null, len);
                ledger.kmalloc(c, n.node, null, len);
            }
            ledger.kernfs(c, KernfsIds.Phase.SYSFS, n.node, null);
            for (int i = 0; i < n.propertyNames.size(); i++) {
                String propName = n.propertyNames.get(i);
                BootRam.PropertyKey prop = n.propertyKeys.get(i);
                String file = safeName(own, propName);
                own.add(file);
                long plen = Names.byteLength(file) + 1;
                // the attribute's name (safe_name()'s kstrdup), then kernfs's copy for the file; the static
                // table's attributes come filled in, with their names in .rodata
                if (copies) {
                    ledger.kmalloc(c, n.node, prop, plen);
                    ledger.kmalloc(c, n.node, prop, plen);
                }
                ledger.kernfs(c, KernfsIds.Phase.SYSFS, n.node, prop);
            }
        }
    }

    /** safe_name(): the name, or {@code name#1}, {@code name#2}, ... while the directory already has one. */
    static String safeName(Set<String> taken, String name) {
        String candidate = name;
        for (int i = 1; i <= RENAMES && taken.contains(candidate); i++) {
            candidate = name + "#" + i;
        }
        return candidate;
    }
}
