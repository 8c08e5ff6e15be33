package org.dtshrink.prune;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.scan.KernelScan;
import org.dtshrink.tree.DeviceTree;

/**
 * The figures of one prune: what went, and what it saves under each kernel profile — the allocation of
 * unflatten_device_tree() before and after (the cost model), and the blob before and after.
 */
public record PruneReport(String input, PruneResult result, List<Saving> savings, long blobBefore, long blobAfter,
        KernelScan.Result scan) {

    /** One profile's allocation before and after. */
    public record Saving(String profile, long before, long after) {
        public long saved() {
            return before - after;
        }
    }

    /** Measures {@code before} now; call {@link #finish} with the pruned tree. */
    public static List<CostResult> measure(DeviceTree before, List<KernelProfile> profiles) {
        List<CostResult> out = new ArrayList<>();
        for (KernelProfile p : profiles) {
            out.add(UnflattenCost.compute(before, p));
        }
        return out;
    }

    public static PruneReport finish(String input, PruneResult result, List<CostResult> before, DeviceTree after,
            long blobBefore, long blobAfter, KernelScan.Result scan) {
        List<Saving> savings = new ArrayList<>();
        for (CostResult b : before) {
            CostResult a = UnflattenCost.compute(after, b.profile());
            savings.add(new Saving(b.profile().name(), b.allocation(), a.allocation()));
        }
        return new PruneReport(input, result, savings, blobBefore, blobAfter, scan);
    }
}
