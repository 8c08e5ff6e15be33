package org.dtshrink.report;

import java.util.Locale;

/** How the report spells its numbers, the same in every format and locale. */
final class Figures {

    private Figures() {
    }

    /** A whole number with comma thousands separators. */
    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Tenths of a percent as {@code 12.3%}. */
    static String percent(long tenths) {
        return tenthsNumber(tenths) + "%";
    }

    /** Tenths as a decimal number with one digit after the point ({@code -0.5}, {@code 12.0}). */
    static String tenthsNumber(long tenths) {
        String sign = tenths < 0 ? "-" : "";
        long a = Math.abs(tenths);
        return sign + (a / 10) + "." + (a % 10);
    }

    /** {@code part} as tenths of a percent of {@code whole}, rounded half up; 0 for an empty whole. */
    static long tenthsOf(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 1000.0 / whole);
    }

    /** What a page count's label says: {@code 4 KiB pages} for the usual size. */
    static String pagesLabel(int pageSize) {
        return pageSize % 1024 == 0 ? (pageSize / 1024) + " KiB pages" : pageSize + "-byte pages";
    }
}
