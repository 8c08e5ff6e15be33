package org.dtshrink.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtshrink.cost.BootCost;
import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.RamCategory;

/**
 * The text of {@code emit-c --sizes}: what the table costs in RAM and flash, next to what unflattening costs, what
 * stays in RAM and why, the digest the patched kernel prints of the tree, and (for profiles with boot figures) the
 * RAM the rest of boot spends on the tree unflattened, from the table, and from the table kept out of sysfs.
 */
public final class SizesReport {

    private SizesReport() {
    }

    /**
     * @param dtbSize the blob unflattening keeps (and reads), in bytes
     * @param bootDtbSize the blob early boot still needs with the table, or -1 when none was made
     */
    public static String write(String input, StaticTable table, long dtbSize, long bootDtbSize) {
        return write(input, table, dtbSize, bootDtbSize, null);
    }

    /** @param pruned what pruning took out before the table was built, or null when the tree was not pruned */
    public static String write(String input, StaticTable table, long dtbSize, long bootDtbSize, String pruned) {
        UnflattenedTree tree = table.tree();
        KernelProfile p = tree.profile();
        StructLayout l = tree.layout();
        CostResult cost = tree.cost();
        StringBuilder sb = new StringBuilder();
        sb.append(input).append(" under ").append(p.name()).append(" (").append(l.describe()).append(")\n");
        if (pruned != null) {
            sb.append("  pruned first   ").append(pruned).append('\n');
        }
        sb.append(String.format("  nodes          %8d of %d in the blob%n", tree.nodes().size(), cost.nodesInDtb()));
        sb.append(String.format("  properties     %8d (%d made-up names)%n", tree.propertyCount(),
                cost.synthesizedNames()));
        sb.append(String.format("  table RAM      %8d bytes (.data: %d struct device_node x %d%s)%n",
                table.ramBytes(), tree.nodes().size(), p.nodeSize(), table.propertiesConst() ? ""
                        : String.format(", %d struct property x %d", tree.propertyCount(), p.propertySize())));
        sb.append(String.format("  table flash    %8d bytes (.rodata: %svalues %d, strings %d, padding %d)%n",
                table.flashBytes(), table.propertiesConst() ? String.format("%d struct property x %d, ",
                        tree.propertyCount(), p.propertySize()) : "", table.valueBytes(), table.stringBytes(),
                table.constPadding()));
        sb.append(String.format("  unflattening   %8d bytes of RAM allocated at boot, plus the %d-byte blob it keeps%n",
                cost.allocation(), dtbSize));
        if (bootDtbSize >= 0) {
            sb.append(String.format("  boot DTB       %8d bytes (what early boot reads before the table takes over)%n",
                    bootDtbSize));
        }
        List<String> why = CText.wrap("                 ", "", whyInRam(table), 100);
        sb.append("  in RAM         ").append(why.get(0).substring(17)).append('\n');
        for (int i = 1; i < why.size(); i++) {
            sb.append(why.get(i)).append('\n');
        }
        if (!l.linux413()) {
            // what CONFIG_OF_STATIC_TREE_DIGEST prints at boot: the SHA-256 of the --dump text
            sb.append("  dump sha256    ").append(Provenance.sha256(UnflattenedDump.dump(tree))).append('\n');
        }
        bootRam(sb, table);
        return sb.toString();
    }

    /** What the table leaves in RAM, and why the kernel needs it writable. */
    public static String whyInRam(StaticTable table) {
        StructLayout l = table.tree().layout();
        String writes = "the kernel writes its " + (l.ofKobj() ? "kobj (refcount, sysfs state), " : "")
                + "_flags, fwnode (device links) and data.";
        if (!table.propertiesConst()) {
            return "struct device_node: " + writes + " And struct property: Linux 4.13, which has no kernel patch,"
                    + " fills in attr and relinks properties.";
        }
        return "struct device_node only: " + writes + " struct property" + (l.sysfsAttributes()
                ? " (with its sysfs attribute)" : "") + ", values and names are const: the patched kernel copies a"
                + " property to RAM before it changes one.";
    }

    /**
     * The rest of boot by category, as {@code dtshrink cost} counts it: unflattened, from the table published in
     * /sys/firmware/devicetree (CONFIG_OF_STATIC_TREE_SYSFS=y) and kept out of it (=n). RAM total adds the table's
     * .data; the blobs are not counted (they may sit in flash).
     */
    private static void bootRam(StringBuilder sb, StaticTable table) {
        CostResult cost = table.tree().cost();
        BootRam unflattened = BootCost.compute(cost);
        if (unflattened == null) {
            return;
        }
        boolean sysfs = cost.profile().boot().sysfs();
        List<BootRam> columns = new ArrayList<>(List.of(unflattened, BootCost.compute(cost, true, true)));
        List<String> heads = new ArrayList<>(List.of("unflattened", "table"));
        if (sysfs) {
            columns.add(BootCost.compute(cost, true, false));
            heads.add("no sysfs");
        }
        sb.append(String.format("  boot RAM       %-26s", "(dtshrink cost's categories)"));
        for (String h : heads) {
            sb.append(String.format("%12s", h));
        }
        sb.append('\n');
        for (RamCategory c : RamCategory.values()) {
            sb.append(String.format("    %-38s", c.label()));
            for (BootRam b : columns) {
                sb.append(String.format("%12d", b.bytes(c)));
            }
            sb.append('\n');
        }
        sb.append(String.format("    %-38s", "RAM total, with the table's .data"));
        long page = cost.profile().pageSize();
        StringBuilder pages = new StringBuilder(String.format("    %-38s", "  pages of " + page / 1024 + " KiB"));
        for (int i = 0; i < columns.size(); i++) {
            long total = columns.get(i).total() + (i == 0 ? 0 : table.ramBytes());
            sb.append(String.format("%12d", total));
            pages.append(String.format("%12d", (total + page - 1) / page));
        }
        sb.append('\n').append(pages).append('\n');
        // the objects behind the slab figures, cache by cache, as /proc/slabinfo counts them
        Map<String, long[]> objects = new TreeMap<>();
        Map<String, Integer> sizes = new TreeMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (BootRam.CacheCount cc : columns.get(i).caches()) {
                objects.computeIfAbsent(cc.cache(), k -> new long[columns.size()])[i] = cc.objects();
                sizes.put(cc.cache(), cc.objectSize());
            }
        }
        sb.append(String.format("  slab objects   %-26s", "(cache, object size)"));
        for (String h : heads) {
            sb.append(String.format("%12s", h));
        }
        sb.append('\n');
        for (Map.Entry<String, long[]> e : objects.entrySet()) {
            sb.append(String.format("    %-38s", e.getKey() + " " + sizes.get(e.getKey())));
            for (long n : e.getValue()) {
                sb.append(String.format("%12d", n));
            }
            sb.append('\n');
        }
    }
}
