package org.dtshrink.report;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.RamCategory;
import org.dtshrink.report.ProfileReport.CacheRow;
import org.dtshrink.report.ProfileReport.CategoryRow;
import org.dtshrink.report.ProfileReport.PropertyRow;
import org.dtshrink.report.ProfileReport.RemovalRow;
import org.dtshrink.report.ProfileReport.SubtreeRow;

/**
 * Renders a {@link SizeReport} for an 80-column terminal: with several profiles a summary side by side first, then
 * per profile the three columns, what the RAM is made of, the largest subtrees, the costliest property names and
 * the removals. "n/a" marks a figure of a column that is not available, "-" one that does not apply to a column.
 */
public final class TextReportWriter {

    static final int WIDTH = 80;
    private static final int LABEL = 30;
    private static final int COLUMN = 14;
    static final String NOT_AVAILABLE = "n/a";
    static final String NOT_APPLICABLE = "-";

    private TextReportWriter() {
    }

    public static String write(SizeReport report) {
        StringBuilder sb = new StringBuilder();
        ReportInput in = report.input();
        String dtb = "DTB " + Figures.bytes(in.dtbSize()) + " bytes" + (in.dtbInFlash() ? ", in flash" : ", in RAM");
        wrapInto(sb, "", in.file() + (in.file().length() + dtb.length() + 2 > WIDTH ? "" : ": " + dtb), "");
        if (in.file().length() + dtb.length() + 2 > WIDTH) {
            sb.append("  ").append(dtb).append('\n');
        }
        if (report.profiles().size() > 1) {
            summary(sb, report);
        }
        for (ProfileReport p : report.profiles()) {
            sb.append('\n');
            wrapInto(sb, p.profile().name() + ": ", p.profile().description(), "  ");
            columns(sb, p);
            categories(sb, p, in);
            caches(sb, p);
            subtrees(sb, p);
            propertyNames(sb, p);
            removals(sb, p);
        }
        return sb.toString();
    }

    private static void summary(StringBuilder sb, SizeReport report) {
        sb.append('\n');
        header(sb, "RAM total by profile");
        for (ProfileReport p : report.profiles()) {
            List<String> cells = new ArrayList<>();
            for (Column c : Column.values()) {
                ColumnFigures f = p.column(c);
                cells.add(f == null ? NOT_AVAILABLE : Figures.bytes(f.ram()));
            }
            row(sb, "  " + p.profile().name(), cells);
        }
    }

    private static void header(StringBuilder sb, String title) {
        List<String> cells = new ArrayList<>();
        for (Column c : Column.values()) {
            cells.add(c.label());
        }
        row(sb, title, cells);
    }

    private interface Cell {
        String of(ColumnFigures f, ColumnFigures asIs, Column c);
    }

    private static void columns(StringBuilder sb, ProfileReport p) {
        sb.append('\n');
        header(sb, "RAM and flash");
        figureRow(sb, p, "  unflatten allocation",
                (f, a, c) -> c == Column.FLASH_TABLE ? NOT_APPLICABLE : Figures.bytes(f.unflatten()));
        figureRow(sb, p, "  static table RAM (.data)",
                (f, a, c) -> c == Column.FLASH_TABLE ? Figures.bytes(f.tableRam()) : NOT_APPLICABLE);
        figureRow(sb, p, "  DTB kept in RAM", (f, a, c) -> Figures.bytes(f.dtbInRam()));
        if (p.hasBoot()) {
            figureRow(sb, p, "  alias table", (f, a, c) -> Figures.bytes(f.bytes(RamCategory.ALIASES)));
            figureRow(sb, p, "  memblock (reserved)", (f, a, c) -> Figures.bytes(f.memblock()));
            for (RamCategory cat : RamCategory.values()) {
                if (!cat.isMemblock()) {
                    figureRow(sb, p, "  " + cat.label(), (f, a, c) -> Figures.bytes(f.bytes(cat)));
                }
            }
            figureRow(sb, p, "  slab", (f, a, c) -> Figures.bytes(f.slab()));
        }
        figureRow(sb, p, "  RAM total", (f, a, c) -> Figures.bytes(f.ram()));
        figureRow(sb, p, "  " + Figures.pagesLabel(p.profile().pageSize()), (f, a, c) -> Figures.bytes(f.pages()));
        figureRow(sb, p, "  saved", (f, a, c) -> c == Column.AS_IS ? NOT_APPLICABLE
                : Figures.bytes(f.savedAgainst(a)));
        figureRow(sb, p, "  saved %", (f, a, c) -> c == Column.AS_IS ? NOT_APPLICABLE
                : Figures.percent(f.savedTenthsOfPercent(a)));
        figureRow(sb, p, "  static table flash (.rodata)",
                (f, a, c) -> c == Column.FLASH_TABLE ? Figures.bytes(f.flash()) : NOT_APPLICABLE);
        if (p.tableInRam() != null) {
            wrapInto(sb, "  ", Column.FLASH_TABLE.label() + ", in RAM: " + p.tableInRam(), "    ");
        }
        for (Column c : Column.values()) {
            String why = p.missing(c);
            if (why != null) {
                wrapInto(sb, "  ", c.label() + ": not available: " + why, "    ");
            }
        }
        if (!p.hasBoot()) {
            wrapInto(sb, "  ", "This profile has no boot figures: the RAM total is the allocation and the blob,"
                    + " without sysfs, devices and links.", "    ");
        }
    }

    private static void figureRow(StringBuilder sb, ProfileReport p, String label, Cell cell) {
        List<String> cells = new ArrayList<>();
        for (Column c : Column.values()) {
            ColumnFigures f = p.column(c);
            cells.add(f == null ? NOT_AVAILABLE : cell.of(f, p.asIs(), c));
        }
        row(sb, label, cells);
    }

    private static void row(StringBuilder sb, String label, List<String> cells) {
        sb.append(fit(label, LABEL)).append(" ".repeat(Math.max(0, LABEL - label.length())));
        for (String cell : cells) {
            pad(sb, cell, COLUMN);
        }
        sb.append('\n');
    }

    private static void categories(StringBuilder sb, ProfileReport p, ReportInput in) {
        boolean pruned = p.prunedCost() != null;
        long asIsTotal = p.asIsCost().allocation();
        long prunedTotal = pruned ? p.prunedCost().allocation() : 0;
        sb.append('\n');
        String title = "What the RAM is made of";
        sb.append(title).append(" ".repeat(30 - title.length()));
        pad(sb, "as is", 12);
        pad(sb, "", 7);
        pad(sb, "pruned", 12);
        sb.append('\n');
        for (CategoryRow r : p.categories()) {
            shareRow(sb, "  " + r.category().label(), r.asIs(), asIsTotal, r.pruned(), prunedTotal);
        }
        shareRow(sb, "  allocation", asIsTotal, asIsTotal, pruned ? prunedTotal : null, prunedTotal);
        ColumnFigures pf = p.column(Column.PRUNED);
        List<String> dtb = List.of(Figures.bytes(p.asIs().dtbInRam()),
                pf == null ? NOT_AVAILABLE : Figures.bytes(pf.dtbInRam()));
        sb.append(fit("  DTB kept in RAM", 30));
        sb.append(" ".repeat(Math.max(0, 30 - "  DTB kept in RAM".length())));
        pad(sb, dtb.get(0), 12);
        sb.append(" ".repeat(7));
        pad(sb, dtb.get(1), 12);
        sb.append('\n');
    }

    /** A row of bytes with each figure's share of its total: label 30, then 12 + 7 per column. */
    private static void shareRow(StringBuilder sb, String label, long asIs, long asIsTotal, Long pruned,
            long prunedTotal) {
        sb.append(fit(label, 30)).append(" ".repeat(Math.max(0, 30 - label.length())));
        pad(sb, Figures.bytes(asIs), 12);
        pad(sb, Figures.percent(Figures.tenthsOf(asIs, asIsTotal)), 7);
        if (pruned == null) {
            pad(sb, NOT_AVAILABLE, 12);
        } else {
            pad(sb, Figures.bytes(pruned), 12);
            pad(sb, Figures.percent(Figures.tenthsOf(pruned, prunedTotal)), 7);
        }
        sb.append('\n');
    }

    private static void caches(StringBuilder sb, ProfileReport p) {
        if (!p.hasBoot()) {
            return;
        }
        sb.append('\n');
        String title = "Slab objects by cache";
        sb.append(title).append(" ".repeat(LABEL - 6 - title.length()));
        pad(sb, "size", 6);
        for (Column c : Column.values()) {
            pad(sb, c.label(), COLUMN);
        }
        sb.append('\n');
        for (CacheRow r : p.caches()) {
            String label = "  " + r.cache();
            sb.append(fit(label, LABEL - 6)).append(" ".repeat(Math.max(0, LABEL - 6 - label.length())));
            pad(sb, Figures.bytes(r.objectSize()), 6);
            pad(sb, Figures.bytes(r.asIs()), COLUMN);
            pad(sb, r.pruned() == null ? NOT_AVAILABLE : Figures.bytes(r.pruned()), COLUMN);
            pad(sb, r.flashTable() == null ? NOT_AVAILABLE : Figures.bytes(r.flashTable()), COLUMN);
            sb.append('\n');
        }
    }

    private static void subtrees(StringBuilder sb, ProfileReport p) {
        sb.append('\n');
        listHeader(sb, p.hasBoot() ? "Largest subtrees, all RAM (as is)" : "Largest subtrees (as is)", "nodes");
        for (SubtreeRow r : p.largestSubtrees()) {
            listRow(sb, r.path(), r.nodes(), r.asIs(), r.pruned());
        }
    }

    private static void propertyNames(StringBuilder sb, ProfileReport p) {
        sb.append('\n');
        listHeader(sb, p.hasBoot() ? "Costliest property names, all RAM" : "Costliest property names", "count");
        for (PropertyRow r : p.propertyNames()) {
            listRow(sb, r.synthesized() ? "name (made up by the kernel)" : r.name(), r.count(), r.asIs(),
                    r.pruned());
        }
    }

    private static final int LIST_NAME = 44;

    private static void listHeader(StringBuilder sb, String title, String countLabel) {
        sb.append(fit(title, LIST_NAME + 2)).append(" ".repeat(Math.max(0, LIST_NAME + 2 - title.length())));
        pad(sb, countLabel, 8);
        pad(sb, "as is", 12);
        pad(sb, "pruned", 12);
        sb.append('\n');
    }

    private static void listRow(StringBuilder sb, String name, int count, long asIs, Long pruned) {
        String shown = leftFit(name, LIST_NAME);
        sb.append("  ").append(shown).append(" ".repeat(LIST_NAME - shown.length()));
        pad(sb, Figures.bytes(count), 8);
        pad(sb, Figures.bytes(asIs), 12);
        pad(sb, pruned == null ? NOT_AVAILABLE : Figures.bytes(pruned), 12);
        sb.append('\n');
    }

    private static void removals(StringBuilder sb, ProfileReport p) {
        sb.append('\n');
        if (p.prunedCost() == null) {
            wrapInto(sb, "", "What pruning removed: not available: " + p.missing(Column.PRUNED), "  ");
            return;
        }
        String title = "What pruning removed (" + p.removals().size() + ")";
        sb.append(title).append(" ".repeat(Math.max(1, WIDTH - 12 - title.length())));
        pad(sb, "as is bytes", 12);
        sb.append('\n');
        for (RemovalRow r : p.removals()) {
            String shown = leftFit(r.removal().what(), WIDTH - 14);
            sb.append("  ").append(shown).append(" ".repeat(WIDTH - 14 - shown.length()));
            pad(sb, Figures.bytes(r.bytes()), 12);
            sb.append('\n');
            wrapInto(sb, "      ", r.removal().reason(), "      ");
        }
    }

    private static void pad(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    /** Cuts a label to {@code width}, keeping its start. */
    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    /** Cuts a path to {@code width}, keeping its end, where the node's own name is. */
    static String leftFit(String s, int width) {
        return s.length() <= width ? s : "..." + s.substring(s.length() - (width - 3));
    }

    /**
     * Appends {@code first} then {@code text} wrapped at spaces to fit {@link #WIDTH}, later lines starting with
     * {@code indent}; a word longer than a line is broken.
     */
    static void wrapInto(StringBuilder sb, String first, String text, String indent) {
        sb.append(first);
        int col = first.length();
        boolean lineHasWord = false;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (lineHasWord && col + 1 + word.length() > WIDTH) {
                sb.append('\n').append(indent);
                col = indent.length();
                lineHasWord = false;
            }
            if (lineHasWord) {
                sb.append(' ');
                col++;
            }
            String rest = word;
            while (col + rest.length() > WIDTH) {
                int room = Math.max(1, WIDTH - col);
                sb.append(rest, 0, room).append('\n').append(indent);
                rest = rest.substring(room);
                col = indent.length();
            }
            sb.append(rest);
            col += rest.length();
            lineHasWord = true;
        }
        sb.append('\n');
    }
}
