package org.dtshrink.report;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.cost.RamCategory;
import org.dtshrink.report.ProfileReport.CacheRow;
import org.dtshrink.report.ProfileReport.CategoryRow;
import org.dtshrink.report.ProfileReport.PropertyRow;
import org.dtshrink.report.ProfileReport.RemovalRow;
import org.dtshrink.report.ProfileReport.SubtreeRow;

/**
 * Renders a {@link SizeReport} as one self-contained HTML page: the text report's tables, and per profile a treemap
 * of the RAM by subtree (all of it with boot figures, else the unflattened bytes) before and after pruning, drawn
 * to the same scale. Styles and the hover script
 * are inline; the page loads nothing. Each figure's cell carries a {@code data-key} naming its JSON member
 * ({@code profile/columns/as_is/ram}, {@code profile/largest_subtrees/0/as_is}, ...) so it can be checked.
 */
public final class HtmlReportWriter {

    static final double MAP_WIDTH = 600;
    static final double MAP_HEIGHT = 340;

    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1b;background:#fff}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 2px;border-top:1px solid #ccc;\
            padding-top:12px}h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;margin:6px 0}th,td{padding:2px 10px;text-align:right;\
            font-variant-numeric:tabular-nums;white-space:nowrap}th:first-child,td.name{text-align:left}
            thead th{border-bottom:1px solid #888}tbody tr:nth-child(even){background:#f4f4f4}
            .na{color:#999}.note{color:#555;margin:2px 0}.reason{color:#555;font-size:12px;text-align:left;\
            white-space:normal}
            .maps{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-end}figure{margin:0}\
            figcaption{font-weight:600;margin-bottom:2px}
            svg.treemap rect{stroke:#fff;stroke-width:0.6}svg.treemap rect:hover{stroke:#000;stroke-width:1.5}
            svg.treemap text{font-size:10px;pointer-events:none;fill:#222}
            .info{font-family:monospace;min-height:1.4em;background:#f7f7e8;padding:2px 6px;margin:4px 0}
            """;

    private static final String SCRIPT = """
            (function () {
              var maps = document.querySelectorAll('svg.treemap');
              for (var i = 0; i < maps.length; i++) {
                (function (svg) {
                  var info = document.getElementById(svg.getAttribute('data-info'));
                  svg.addEventListener('mouseover', function (e) {
                    var r = e.target;
                    if (r.getAttribute && r.getAttribute('data-path') !== null) {
                      info.textContent = r.getAttribute('data-path') + ': ' + r.getAttribute('data-bytes')
                          + ' bytes (' + r.getAttribute('data-own') + ' in the node itself)';
                    }
                  });
                })(maps[i]);
              }
            })();
            """;

    private HtmlReportWriter() {
    }

    public static String write(SizeReport report) {
        ReportInput in = report.input();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.append("<title>dtshrink report: ").append(esc(in.file())).append("</title>\n");
        sb.append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>dtshrink report</h1>\n<p class=\"note\">").append(esc(in.file())).append(": DTB ")
                .append(Figures.bytes(in.dtbSize())).append(" bytes, ")
                .append(in.dtbInFlash() ? "in flash" : "in RAM").append("</p>\n");
        if (report.profiles().size() > 1) {
            summary(sb, report);
        }
        int index = 0;
        for (ProfileReport p : report.profiles()) {
            profile(sb, p, index++);
        }
        sb.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static void summary(StringBuilder sb, SizeReport report) {
        sb.append("<h3>RAM total by profile</h3>\n<table class=\"summary\">\n<thead><tr><th>profile</th>");
        for (Column c : Column.values()) {
            sb.append("<th>").append(c.label()).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (ProfileReport p : report.profiles()) {
            sb.append("<tr><td class=\"name\">").append(esc(p.profile().name())).append("</td>");
            for (Column c : Column.values()) {
                ColumnFigures f = p.column(c);
                cell(sb, null, f == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(f.ram()));
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private interface Field {
        String of(ColumnFigures f, ColumnFigures asIs, Column c);
    }

    private static void profile(StringBuilder sb, ProfileReport p, int index) {
        String name = p.profile().name();
        sb.append("<section id=\"profile-").append(index).append("\">\n<h2>").append(esc(name)).append("</h2>\n");
        sb.append("<p class=\"note\">").append(esc(p.profile().description())).append("</p>\n");

        sb.append("<table class=\"columns\">\n<thead><tr><th>RAM and flash</th>");
        for (Column c : Column.values()) {
            sb.append("<th>").append(c.label()).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        String na = TextReportWriter.NOT_APPLICABLE;
        columnRow(sb, p, "unflatten allocation", "unflatten",
                (f, a, c) -> c == Column.FLASH_TABLE ? na : Figures.bytes(f.unflatten()));
        columnRow(sb, p, "static table RAM (.data)", "table_ram",
                (f, a, c) -> c == Column.FLASH_TABLE ? Figures.bytes(f.tableRam()) : na);
        columnRow(sb, p, "DTB kept in RAM", "dtb_in_ram", (f, a, c) -> Figures.bytes(f.dtbInRam()));
        if (p.hasBoot()) {
            columnRow(sb, p, "alias table", "aliases", (f, a, c) -> Figures.bytes(f.bytes(RamCategory.ALIASES)));
            columnRow(sb, p, "memblock (reserved)", "memblock", (f, a, c) -> Figures.bytes(f.memblock()));
            for (RamCategory cat : RamCategory.values()) {
                if (!cat.isMemblock()) {
                    columnRow(sb, p, cat.label(), cat.key(), (f, a, c) -> Figures.bytes(f.bytes(cat)));
                }
            }
            columnRow(sb, p, "slab", "slab", (f, a, c) -> Figures.bytes(f.slab()));
        }
        columnRow(sb, p, "RAM total", "ram", (f, a, c) -> Figures.bytes(f.ram()));
        columnRow(sb, p, Figures.pagesLabel(p.profile().pageSize()), "pages", (f, a, c) -> Figures.bytes(f.pages()));
        columnRow(sb, p, "saved", "saved", (f, a, c) -> c == Column.AS_IS ? na : Figures.bytes(f.savedAgainst(a)));
        columnRow(sb, p, "saved %", "saved_percent",
                (f, a, c) -> c == Column.AS_IS ? na : Figures.percent(f.savedTenthsOfPercent(a)));
        columnRow(sb, p, "static table flash (.rodata)", "flash",
                (f, a, c) -> c == Column.FLASH_TABLE ? Figures.bytes(f.flash()) : na);
        sb.append("</tbody>\n</table>\n");
        if (p.tableInRam() != null) {
            sb.append("<p class=\"note\">").append(Column.FLASH_TABLE.label()).append(", in RAM: ")
                    .append(esc(p.tableInRam())).append("</p>\n");
        }
        for (Column c : Column.values()) {
            if (p.missing(c) != null) {
                sb.append("<p class=\"note\">").append(c.label()).append(": not available: ")
                        .append(esc(p.missing(c))).append("</p>\n");
            }
        }
        if (!p.hasBoot()) {
            sb.append("<p class=\"note\">This profile has no boot figures: the RAM total is the allocation and the"
                    + " blob, without sysfs, devices and links.</p>\n");
        }

        treemaps(sb, p, index);
        categories(sb, p);
        caches(sb, p);
        subtrees(sb, p);
        propertyNames(sb, p);
        removals(sb, p);
        sb.append("</section>\n");
    }

    private static void columnRow(StringBuilder sb, ProfileReport p, String label, String key, Field field) {
        sb.append("<tr><th>").append(esc(label)).append("</th>");
        for (Column c : Column.values()) {
            ColumnFigures f = p.column(c);
            cell(sb, p.profile().name() + "/columns/" + c.key() + "/" + key,
                    f == null ? TextReportWriter.NOT_AVAILABLE : field.of(f, p.asIs(), c));
        }
        sb.append("</tr>\n");
    }

    private static void treemaps(StringBuilder sb, ProfileReport p, int index) {
        String info = "info-" + index;
        sb.append(p.hasBoot() ? "<h3>RAM by subtree</h3>\n<div class=\"maps\">\n"
                : "<h3>Unflattened RAM by subtree</h3>\n<div class=\"maps\">\n");
        CostResult asIs = p.asIsCost();
        BootRam asIsBoot = p.asIs().boot();
        long asIsTotal = treemap(sb, "as is", asIs, asIsBoot, MAP_WIDTH, MAP_HEIGHT, info);
        CostResult pruned = p.prunedCost();
        if (pruned == null) {
            sb.append("<figure><figcaption>pruned</figcaption><p class=\"note\">not available: ")
                    .append(esc(p.missing(Column.PRUNED))).append("</p></figure>\n");
        } else {
            // The same bytes per pixel as the map before, so the saving shows as lost area.
            BootRam prunedBoot = p.column(Column.PRUNED).boot();
            double scale = Math.sqrt((double) total(pruned, prunedBoot) / Math.max(1, asIsTotal));
            treemap(sb, "pruned", pruned, prunedBoot, MAP_WIDTH * scale, MAP_HEIGHT * scale, info);
        }
        sb.append("</div>\n<p class=\"info\" id=\"").append(info)
                .append("\">Point at a rectangle to see its node's path and bytes.</p>\n");
    }

    /** What the map of a tree adds up to: its nodes' bytes (the end of the allocation belongs to no node). */
    private static long total(CostResult cost, BootRam boot) {
        long sum = 0;
        for (NodeCost n : cost.nodes()) {
            sum += boot == null ? n.bytes() : boot.nodeBytes(n.node());
        }
        return sum;
    }

    /** One treemap; returns the bytes it shows. */
    private static long treemap(StringBuilder sb, String title, CostResult cost, BootRam boot, double w, double h,
            String info) {
        long total = boot == null ? cost.allocation() : total(cost, boot);
        sb.append("<figure><figcaption>").append(title).append(": ").append(Figures.bytes(total))
                .append(" bytes</figcaption>\n");
        sb.append(String.format(Locale.ROOT,
                "<svg class=\"treemap\" width=\"%.0f\" height=\"%.0f\""
                        + " viewBox=\"0 0 %.1f %.1f\" data-info=\"%s\" role=\"img\" aria-label=\"%s treemap\">\n",
                Math.ceil(w), Math.ceil(h), w, h, info, title));
        ToLongFunction<NodeCost> own = boot == null ? NodeCost::bytes : n -> boot.nodeBytes(n.node());
        for (TreemapLayout.Box b : TreemapLayout.layout(cost, own, w, h)) {
            // Neighbouring groups get far-apart hues (golden angle); deeper nodes a darker shade.
            int hue = b.group() < 0 ? 0 : (int) ((b.group() * 137.508 + 200) % 360);
            int sat = b.group() < 0 ? 0 : 60;
            int light = Math.max(45, 88 - b.depth() * 7);
            sb.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"hsl(%d,%d%%,%d%%)\""
                            + " data-path=\"%s\" data-bytes=\"%s\" data-own=\"%s\"><title>%s: %s bytes</title></rect>\n",
                    b.x(), b.y(), b.w(), b.h(), hue, sat, light, esc(b.path()), Figures.bytes(b.bytes()),
                    Figures.bytes(b.ownBytes()), esc(b.path()), Figures.bytes(b.bytes())));
            String label = b.path().equals("/") ? "/" : b.path().substring(b.path().lastIndexOf('/') + 1);
            int room = (int) ((b.w() - 4) / 6);
            if ((b.header() || b.leaf() && b.h() >= 14) && room >= 4) {
                if (label.length() > room) {
                    label = label.substring(0, room - 1) + "~";
                }
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", b.x() + 3,
                        b.y() + 11, esc(label)));
            }
        }
        sb.append("</svg></figure>\n");
        return total;
    }

    private static void caches(StringBuilder sb, ProfileReport p) {
        if (!p.hasBoot()) {
            return;
        }
        String name = p.profile().name();
        sb.append("<h3>Slab objects by cache</h3>\n<table class=\"caches\">\n<thead><tr><th>cache</th>"
                + "<th>object size</th>");
        for (Column c : Column.values()) {
            sb.append("<th>").append(c.label()).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        List<CacheRow> rows = p.caches();
        for (int i = 0; i < rows.size(); i++) {
            CacheRow r = rows.get(i);
            String key = name + "/slab_caches/" + i + "/";
            sb.append("<tr>");
            nameCell(sb, key + "cache", r.cache());
            cell(sb, key + "object_size", Figures.bytes(r.objectSize()));
            cell(sb, key + "as_is", Figures.bytes(r.asIs()));
            cell(sb, key + "pruned", r.pruned() == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(r.pruned()));
            cell(sb, key + "flash_table",
                    r.flashTable() == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(r.flashTable()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void categories(StringBuilder sb, ProfileReport p) {
        String name = p.profile().name();
        boolean pruned = p.prunedCost() != null;
        long asIsTotal = p.asIsCost().allocation();
        long prunedTotal = pruned ? p.prunedCost().allocation() : 0;
        sb.append("<h3>What the RAM is made of</h3>\n<table class=\"categories\">\n<thead><tr><th>category</th>"
                + "<th>as is</th><th>%</th><th>pruned</th><th>%</th></tr></thead>\n<tbody>\n");
        for (CategoryRow r : p.categories()) {
            String key = name + "/categories/" + r.category().key();
            sb.append("<tr><th>").append(r.category().label()).append("</th>");
            cell(sb, key + "/as_is", Figures.bytes(r.asIs()));
            cell(sb, null, Figures.percent(Figures.tenthsOf(r.asIs(), asIsTotal)));
            cell(sb, key + "/pruned", r.pruned() == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(r.pruned()));
            cell(sb, null, r.pruned() == null ? "" : Figures.percent(Figures.tenthsOf(r.pruned(), prunedTotal)));
            sb.append("</tr>\n");
        }
        sb.append("<tr><th>allocation</th>");
        cell(sb, null, Figures.bytes(asIsTotal));
        cell(sb, null, "100.0%");
        cell(sb, null, pruned ? Figures.bytes(prunedTotal) : TextReportWriter.NOT_AVAILABLE);
        cell(sb, null, pruned ? "100.0%" : "");
        sb.append("</tr>\n</tbody>\n</table>\n");
    }

    private static void subtrees(StringBuilder sb, ProfileReport p) {
        sb.append("<h3>Largest subtrees</h3>\n<table class=\"subtrees\">\n<thead><tr><th>path</th><th>nodes</th>"
                + "<th>as is</th><th>pruned</th></tr></thead>\n<tbody>\n");
        List<SubtreeRow> rows = p.largestSubtrees();
        for (int i = 0; i < rows.size(); i++) {
            SubtreeRow r = rows.get(i);
            String key = p.profile().name() + "/largest_subtrees/" + i + "/";
            sb.append("<tr>");
            nameCell(sb, key + "path", r.path());
            cell(sb, key + "nodes", Figures.bytes(r.nodes()));
            cell(sb, key + "as_is", Figures.bytes(r.asIs()));
            cell(sb, key + "pruned", r.pruned() == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(r.pruned()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void propertyNames(StringBuilder sb, ProfileReport p) {
        sb.append("<h3>Costliest property names</h3>\n<table class=\"properties\">\n<thead><tr><th>name</th>"
                + "<th>count</th><th>as is</th><th>pruned</th></tr></thead>\n<tbody>\n");
        List<PropertyRow> rows = p.propertyNames();
        for (int i = 0; i < rows.size(); i++) {
            PropertyRow r = rows.get(i);
            String key = p.profile().name() + "/property_names/" + i + "/";
            sb.append("<tr>");
            nameCell(sb, key + "name", r.synthesized() ? "name (made up by the kernel)" : r.name());
            cell(sb, key + "count", Figures.bytes(r.count()));
            cell(sb, key + "as_is", Figures.bytes(r.asIs()));
            cell(sb, key + "pruned", r.pruned() == null ? TextReportWriter.NOT_AVAILABLE : Figures.bytes(r.pruned()));
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void removals(StringBuilder sb, ProfileReport p) {
        if (p.prunedCost() == null) {
            sb.append("<h3>What pruning removed</h3>\n<p class=\"note\">not available: ")
                    .append(esc(p.missing(Column.PRUNED))).append("</p>\n");
            return;
        }
        sb.append("<h3>What pruning removed (").append(p.removals().size()).append(")</h3>\n")
                .append("<table class=\"removals\">\n<thead><tr><th>node</th><th>property</th><th>bytes as is</th>"
                        + "<th>why</th></tr></thead>\n<tbody>\n");
        List<RemovalRow> rows = p.removals();
        for (int i = 0; i < rows.size(); i++) {
            RemovalRow r = rows.get(i);
            String key = p.profile().name() + "/removals/" + i + "/";
            sb.append("<tr>");
            nameCell(sb, key + "path", r.removal().nodePath());
            nameCell(sb, key + "property", r.removal().property() == null ? "" : r.removal().property());
            cell(sb, key + "bytes", Figures.bytes(r.bytes()));
            sb.append("<td class=\"reason\" data-key=\"").append(esc(key)).append("reason\">")
                    .append(esc(r.removal().reason())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static void cell(StringBuilder sb, String key, String text) {
        sb.append("<td");
        if (text.equals(TextReportWriter.NOT_AVAILABLE) || text.equals(TextReportWriter.NOT_APPLICABLE)) {
            sb.append(" class=\"na\"");
        }
        if (key != null) {
            sb.append(" data-key=\"").append(esc(key)).append('"');
        }
        sb.append('>').append(esc(text)).append("</td>");
    }

    private static void nameCell(StringBuilder sb, String key, String text) {
        sb.append("<td class=\"name\" data-key=\"").append(esc(key)).append("\">").append(esc(text))
                .append("</td>");
    }

    /** Escapes for both text and attribute values; characters outside ASCII become references. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        sb.append("&#").append((int) c).append(';');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
