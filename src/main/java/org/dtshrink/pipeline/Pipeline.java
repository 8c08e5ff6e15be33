package org.dtshrink.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.CostReport;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.emit.BootDtb;
import org.dtshrink.emit.SizesReport;
import org.dtshrink.emit.StaticTable;
import org.dtshrink.emit.UnflattenedTree;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.prune.PruneReport;
import org.dtshrink.prune.PruneResult;
import org.dtshrink.prune.Pruner;
import org.dtshrink.report.FlashTable;
import org.dtshrink.report.PrunedTree;
import org.dtshrink.report.Removal;
import org.dtshrink.report.ReportInput;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * The runs the commands render: a loaded input ({@link Inputs}) priced as is, pruned against a resolved usage set
 * ({@link UsageBuilder}), and as a static flash table, for a list of kernel profiles. Each returns the typed results
 * its command writes out; nothing here parses options or prints.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /** {@code cost}: the unflattening's allocation and the blob kept, per profile. */
    public static CostReport cost(Loaded in, boolean dtbInFlash, List<KernelProfile> profiles) {
        return CostReport.measure(in.name(), in.tree(), in.dtbSize(), dtbInFlash, profiles);
    }

    /** The pruned tree (the input's, changed in place), its blob, and the figures of the prune. */
    public record Pruned(DeviceTree tree, byte[] blob, PruneReport report) {
    }

    /** {@code prune}: removes what the kernel never reads; every reference is checked whole afterwards. */
    public static Pruned prune(Loaded in, UsageBuilder.Built usage, boolean driverless,
            List<KernelProfile> profiles) {
        DeviceTree tree = in.tree();
        long blobBefore = in.dtbSize();
        List<CostResult> before = PruneReport.measure(tree, profiles);
        PruneResult result = Pruner.pruneVerified(tree, usage.usage(), driverless);
        byte[] blob = FdtWriter.write(tree, FdtOptions.DEFAULTS);
        return new Pruned(tree, blob, PruneReport.finish(in.name(), result, before, tree, blobBefore, blob.length,
                usage.scan()));
    }

    /**
     * The static table for one profile and the boot blob beside it; {@code pruned} is what pruning took first (null
     * when the tree was not pruned), with the blob's size before.
     */
    public record Table(UnflattenedTree tree, StaticTable table, byte[] bootDtb, long dtbSize, PruneResult pruned,
            long dtbSizeBefore) {

        /** One line on what pruning took, or null. */
        public String prunedSummary() {
            return pruned == null ? null : String.format("%d properties and %d nodes removed (blob %d -> %d bytes)",
                    pruned.propertiesRemoved(), pruned.nodesRemoved(), dtbSizeBefore, dtbSize);
        }
    }

    /** {@code emit-c}: the flash table, of the tree pruned first when {@code usage} is given. */
    public static Table flashTable(Loaded in, UsageBuilder.Built usage, boolean driverless, KernelProfile profile) {
        DeviceTree full = in.tree();
        long dtbSize = in.dtbSize();
        long before = dtbSize;
        PruneResult pruned = null;
        if (usage != null) {
            pruned = Pruner.pruneVerified(full, usage.usage(), driverless);
            dtbSize = FdtWriter.write(full, FdtOptions.DEFAULTS).length;
        }
        UnflattenedTree tree = UnflattenedTree.of(full, profile, in.displayName());
        StaticTable table = new StaticTable(tree);
        byte[] boot = FdtWriter.write(BootDtb.of(full), FdtOptions.DEFAULTS);
        return new Table(tree, table, boot, dtbSize, pruned, before);
    }

    /**
     * {@code report}: the tree as is, pruned (when {@code usage} is given; else {@code noUsage} says why the column is
     * empty) and as a flash table under each profile. A profile whose kernel could not build the table says why.
     */
    public static ReportInput report(Loaded in, UsageBuilder.Built usage, boolean driverless, boolean dtbInFlash,
            List<KernelProfile> profiles, String noUsage) {
        DeviceTree tree = in.tree();
        PrunedTree pruned = null;
        if (usage != null) {
            DeviceTree copy = tree.copy();
            PruneResult result = Pruner.pruneVerified(copy, usage.usage(), driverless);
            List<Removal> removals = new ArrayList<>();
            for (org.dtshrink.prune.Removal r : result.removals()) {
                removals.add(new Removal(r.nodePath(), r.property(), r.reason()));
            }
            pruned = new PrunedTree(copy, FdtWriter.write(copy, FdtOptions.DEFAULTS).length, removals);
        }
        DeviceTree tabled = pruned != null ? pruned.tree() : tree;
        long bootDtb = FdtWriter.write(BootDtb.of(tabled), FdtOptions.DEFAULTS).length;
        Map<String, FlashTable> tables = new LinkedHashMap<>();
        List<String> refused = new ArrayList<>();
        for (KernelProfile p : profiles) {
            try {
                StaticTable t = new StaticTable(UnflattenedTree.of(tabled, p, in.name()));
                tables.put(p.name(), new FlashTable(t.ramBytes(), t.flashBytes(), bootDtb,
                        SizesReport.whyInRam(t)));
            } catch (DtException e) {
                refused.add(e.getMessage());
            }
        }
        return new ReportInput(in.name(), tree, in.dtbSize(), dtbInFlash, pruned, pruned == null ? noUsage : null,
                tables, refused.isEmpty() ? null : String.join("; ", refused));
    }
}
