package org.dtshrink.cost;

/** Which optional sections a cost report shows; {@code top} is 0 for none. */
public record ReportOptions(boolean perNode, int top, boolean byProperty) {

    public static final ReportOptions TOTALS = new ReportOptions(false, 0, false);
}
