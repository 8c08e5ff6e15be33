package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DeviceTree;

/** One input measured under one or more profiles: what the text and JSON writers render. */
public record CostReport(String file, long dtbSize, boolean dtbInFlash, List<CostResult> results) {

    public CostReport {
        results = List.copyOf(results);
    }

    /** Measures {@code tree} (whose blob is {@code dtbSize} bytes) under each profile. */
    public static CostReport measure(String file, DeviceTree tree, long dtbSize, boolean dtbInFlash,
            List<KernelProfile> profiles) {
        List<CostResult> results = new ArrayList<>(profiles.size());
        for (KernelProfile p : profiles) {
            results.add(UnflattenCost.compute(tree, p));
        }
        return new CostReport(file, dtbSize, dtbInFlash, results);
    }

    public RamCost ram(CostResult result) {
        return new RamCost(result, dtbSize, dtbInFlash);
    }
}
