package org.dtshrink.emit;

import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;

/** The text of {@code emit-c --sizes}: what the table costs in RAM and flash, next to what unflattening costs. */
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
        return sb.toString();
    }
}
