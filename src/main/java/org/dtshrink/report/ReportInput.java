package org.dtshrink.report;

import java.util.Map;
import org.dtshrink.tree.DeviceTree;

/**
 * Everything a report is made from. {@code pruned} is null and {@code flashTables} empty when those stages did not
 * run; the report then says so instead of showing figures. {@code flashTables} is keyed by profile name.
 *
 * @param missingPruned why there is no pruned column (shown to the user), when {@code pruned} is null
 * @param missingFlash why there is no flash-table column, for profiles {@code flashTables} lacks
 */
public record ReportInput(String file, DeviceTree tree, long dtbSize, boolean dtbInFlash, PrunedTree pruned,
        String missingPruned, Map<String, FlashTable> flashTables, String missingFlash) {

    public ReportInput {
        flashTables = Map.copyOf(flashTables);
    }

    /** Only the tree as it is: the other columns are not available for the reasons given. */
    public static ReportInput asIs(String file, DeviceTree tree, long dtbSize, boolean dtbInFlash,
            String missingPruned, String missingFlash) {
        return new ReportInput(file, tree, dtbSize, dtbInFlash, null, missingPruned, Map.of(), missingFlash);
    }
}
