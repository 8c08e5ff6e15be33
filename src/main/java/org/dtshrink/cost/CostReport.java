package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;

/**
 * One input measured under one or more profiles: what the text and JSON writers render. The boot figures of each
 * result (for profiles that have them) are computed once, here.
 */
public final class CostReport {

    private final String file;
    private final long dtbSize;
    private final boolean dtbInFlash;
    private final List<CostResult> results;
    private final Map<CostResult, BootRam> boots = new IdentityHashMap<>();

    public CostReport(String file, long dtbSize, boolean dtbInFlash, List<CostResult> results) {
        this.file = file;
        this.dtbSize = dtbSize;
        this.dtbInFlash = dtbInFlash;
        this.results = List.copyOf(results);
        for (CostResult r : this.results) {
            boots.put(r, BootCost.compute(r));
        }
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

    public String file() {
        return file;
    }

    public long dtbSize() {
        return dtbSize;
    }

    public boolean dtbInFlash() {
        return dtbInFlash;
    }

    public List<CostResult> results() {
        return results;
    }

    public RamCost ram(CostResult result) {
        return new RamCost(result, dtbSize, dtbInFlash, boots.get(result));
    }
}
