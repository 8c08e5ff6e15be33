package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Function;
import org.dtshrink.tree.Node;

/**
 * Renders a {@link CostReport} for people: one table with a column per profile (split into several tables when the
 * profiles do not fit in 80 columns), the profiles' notes, then the optional per-node, subtree and property sections.
 * Numbers carry thousands separators.
 */
public final class CostTextWriter {

    static final int WIDTH = 80;
    private static final int LABEL_WIDTH = 26;
    private static final int MIN_COLUMN = 10;

    private CostTextWriter() {
    }

    public static String write(CostReport report, ReportOptions options) {
        ListingLimit.check(report, options);
        StringBuilder sb = new StringBuilder();
        sb.append(report.file()).append(": DTB ").append(n(report.dtbSize())).append(" bytes")
                .append(report.dtbInFlash() ? ", in flash" : ", in RAM").append('\n');
        List<CostResult> results = report.results();
        int column = columnWidth(report);
        int perTable = Math.max(1, (WIDTH - LABEL_WIDTH) / column);
        for (int from = 0; from < results.size(); from += perTable) {
            sb.append('\n');
            table(sb, report, results.subList(from, Math.min(results.size(), from + perTable)), column);
        }
        sb.append('\n');
        for (CostResult r : results) {
            profileNote(sb, r.profile());
        }
        for (CostResult r : results) {
            BootRam boot = report.ram(r).boot();
            if (options.perNode()) {
                perNode(sb, r, boot);
            }
            if (options.top() > 0) {
                top(sb, r, boot, options.top());
            }
            if (options.byProperty()) {
                byProperty(sb, r, boot);
            }
        }
        return sb.toString();
    }

    private static final class Row {
        final String label;
        final Function<RamCost, Long> value;

        Row(String label, Function<RamCost, Long> value) {
            this.label = label;
            this.value = value;
        }
    }

    private static List<Row> rows(List<CostResult> results) {
        String pages = pagesLabel(results);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("nodes in DTB", c -> (long) c.result().nodesInDtb()));
        rows.add(new Row("  allocated", c -> (long) c.result().nodesAllocated()));
        rows.add(new Row("  skipped", c -> (long) c.result().nodesSkipped()));
        rows.add(new Row("properties in DTB", c -> (long) c.result().propertiesInDtb()));
        rows.add(new Row("  allocated", c -> (long) c.result().propertiesAllocated()));
        rows.add(new Row("synthesized names", c -> (long) c.result().synthesizedNames()));
        rows.add(new Row("bytes", null));
        for (Category cat : Category.values()) {
            rows.add(new Row("  " + cat.label(), c -> c.result().bytes(cat)));
        }
        rows.add(new Row("allocation", c -> c.result().allocation()));
        rows.add(new Row("  " + pages, c -> c.result().pages()));
        rows.add(new Row("DTB kept in RAM", RamCost::dtbInRam));
        boolean boot = false;
        for (CostResult r : results) {
            boot |= r.profile().hasBoot();
        }
        if (boot) {
            rows.add(new Row("alias table", c -> c.boot() == null ? null : c.boot().bytes(RamCategory.ALIASES)));
            rows.add(new Row("memblock (reserved)", c -> c.boot() == null ? null : c.memblock()));
            for (RamCategory cat : RamCategory.values()) {
                if (!cat.isMemblock()) {
                    rows.add(new Row(cat.label(), c -> c.boot() == null ? null : c.boot().bytes(cat)));
                }
            }
            rows.add(new Row("slab", c -> c.boot() == null ? null : c.slab()));
        }
        rows.add(new Row("RAM total", RamCost::total));
        rows.add(new Row("  " + pages, RamCost::pages));
        return rows;
    }

    private static String pagesLabel(List<CostResult> results) {
        int size = results.get(0).profile().pageSize();
        for (CostResult r : results) {
            if (r.profile().pageSize() != size) {
                return "pages (of each profile)";
            }
        }
        return "pages of " + pageSize(size);
    }

    private static String pageSize(int bytes) {
        if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " B";
    }

    /** Wide enough for every figure and at least {@link #MIN_COLUMN}, plus one space between columns. */
    private static int columnWidth(CostReport report) {
        int w = MIN_COLUMN;
        for (CostResult r : report.results()) {
            RamCost ram = report.ram(r);
            for (Row row : rows(List.of(r))) {
                if (row.value != null && row.value.apply(ram) != null) {
                    w = Math.max(w, n(row.value.apply(ram)).length() + 1);
                }
            }
        }
        return w;
    }

    private static void table(StringBuilder sb, CostReport report, List<CostResult> results, int column) {
        List<List<String>> heads = new ArrayList<>();
        int headLines = 0;
        for (CostResult r : results) {
            List<String> h = splitName(r.profile().name(), column - 1);
            heads.add(h);
            headLines = Math.max(headLines, h.size());
        }
        for (int line = 0; line < headLines; line++) {
            StringBuilder l = new StringBuilder(pad("", LABEL_WIDTH));
            for (List<String> h : heads) {
                // Names are bottom-aligned so the last piece sits just above the figures.
                int i = line - (headLines - h.size());
                l.append(right(i >= 0 ? h.get(i) : "", column));
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
        for (Row row : rows(results)) {
            StringBuilder l = new StringBuilder(pad(row.label, LABEL_WIDTH));
            if (row.value != null) {
                for (CostResult r : results) {
                    Long v = row.value.apply(report.ram(r));
                    l.append(right(v == null ? "-" : n(v), column));
                }
            }
            sb.append(l.toString().stripTrailing()).append('\n');
        }
    }

    /** Splits a profile name after its dashes into pieces of at most {@code width} characters. */
    static List<String> splitName(String name, int width) {
        List<String> pieces = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            int dash = name.indexOf('-', i);
            String word = dash < 0 ? name.substring(i) : name.substring(i, dash + 1);
            i += word.length();
            if (cur.length() + word.length() > width && cur.length() > 0) {
                pieces.add(cur.toString());
                cur.setLength(0);
            }
            while (word.length() > width) {
                pieces.add(word.substring(0, width));
                word = word.substring(width);
            }
            cur.append(word);
        }
        if (cur.length() > 0) {
            pieces.add(cur.toString());
        }
        return pieces;
    }

    private static void profileNote(StringBuilder sb, KernelProfile p) {
        String text = p.name() + ": " + p.description() + ". device_node " + p.nodeSize() + "/" + p.nodeAlign()
                + ", property " + p.propertySize() + "/" + p.propertyAlign() + ", OF_KOBJ " + p.ofKobj()
                + ", OF_DYNAMIC " + (p.ofDynamic() ? "y" : "n") + ", full_name "
                + (p.fullName() == FullName.PATH ? "full path" : "node name") + ", disabled nodes "
                + (p.skipDisabled() ? "skipped" : "counted") + ", depth limit " + p.depthLimit() + ", page "
                + pageSize(p.pageSize()) + ". " + p.note();
        if (p.hasBoot()) {
            BootFigures b = p.boot();
            text += " Boot: sysfs " + (b.sysfs() ? "y" : "n") + ", PM " + (b.pm() ? "y" : "n") + ", fw_devlink "
                    + b.fwDevlink() + ", AMBA " + (b.amba() ? "y" : "n") + ", kmalloc " + b.kmallocMinimum() + " to "
                    + b.kmallocLargest() + ", kernfs_node " + b.kernfsNodeSlot() + ". " + b.note()
                    + " radix_tree_node: " + (b.kernfsIds() == null ? "" : "from a booted kernel's kernfs ids, ")
                    + b.kernfsIdsNote() + ".";
        } else {
            text += " No boot figures: the RAM total is the allocation and the blob.";
        }
        wrap(sb, text, "  ");
    }

    /** Word-wraps {@code text} to {@link #WIDTH}, continuation lines indented. */
    static void wrap(StringBuilder sb, String text, String indent) {
        StringBuilder line = new StringBuilder();
        boolean hasWord = false;
        for (String word : text.split(" +")) {
            if (hasWord && line.length() + 1 + word.length() > WIDTH) {
                sb.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
                hasWord = false;
            }
            if (hasWord) {
                line.append(' ');
            }
            line.append(word);
            hasWord = true;
        }
        sb.append(line).append('\n');
    }

    private static void perNode(StringBuilder sb, CostResult r, BootRam boot) {
        sb.append("\nper node, ").append(r.profile().name()).append('\n');
        sb.append("(each node's bytes include the padding before each of its allocations)\n");
        if (boot != null) {
            sb.append("(RAM: all boot spends on the node, its allocation's bytes included)\n");
        }
        sb.append(right("bytes", 11)).append(boot == null ? "" : right("RAM", 11)).append("  path\n");
        for (ListedNode l : CostBreakdowns.listing(r)) {
            NodeCost c = l.cost();
            if (c.isAllocated()) {
                sb.append(right(n(c.bytes()), 11)).append(boot == null ? "" : right(n(boot.nodeBytes(c.node())), 11))
                        .append("  ").append(c.path()).append('\n');
            } else {
                sb.append(right("skipped", 11)).append(boot == null ? "" : right("", 11)).append("  ").append(c.path())
                        .append("  (").append(c.skipped().key())
                        .append(l.nodes() > 1 ? ", " + n(l.nodes()) + " nodes" : "").append(")\n");
            }
        }
        sb.append(right(n(r.tailPadding() + r.bytes(Category.END_MARKER)), 11))
                .append("  (end: size rounded up to 4, end marker)\n");
        sb.append(right(n(r.allocation()), 11)).append("  allocation\n");
    }

    /** Largest first by all their RAM with boot figures (share: of all the tree's RAM), else by allocation. */
    private static void top(StringBuilder sb, CostResult r, BootRam boot, int limit) {
        sb.append("\nlargest subtrees, ").append(r.profile().name()).append('\n');
        sb.append(right("bytes", 11)).append(boot == null ? "" : right("RAM", 11)).append(right("nodes", 8))
                .append(right("share", 8)).append("  path\n");
        Map<Node, Long> unflattened = new IdentityHashMap<>();
        for (SubtreeCost s : CostBreakdowns.subtrees(r)) {
            unflattened.put(s.root().node(), s.bytes());
        }
        long whole = boot == null ? r.allocation() : boot.total();
        for (SubtreeCost s : CostBreakdowns.topSubtrees(r, boot, limit)) {
            sb.append(right(n(unflattened.get(s.root().node())), 11)).append(boot == null ? "" : right(n(s.bytes()), 11))
                    .append(right(n(s.nodes()), 8)).append(right(percent(s.bytes(), whole), 8)).append("  ")
                    .append(s.root().path()).append('\n');
        }
    }

    private static void byProperty(StringBuilder sb, CostResult r, BootRam boot) {
        sb.append("\nbytes by property name, ").append(r.profile().name()).append('\n');
        sb.append(right("bytes", 11)).append(boot == null ? "" : right("RAM", 11)).append(right("count", 8))
                .append(right("share", 8)).append("  property\n");
        Map<String, Long> unflattened = new HashMap<>();
        for (PropertyNameCost p : CostBreakdowns.byProperty(r)) {
            unflattened.put(p.synthesized() + p.name(), p.bytes());
        }
        long whole = boot == null ? r.allocation() : boot.total();
        for (PropertyNameCost p : CostBreakdowns.byProperty(r, boot)) {
            sb.append(right(n(unflattened.get(p.synthesized() + p.name())), 11))
                    .append(boot == null ? "" : right(n(p.bytes()), 11)).append(right(n(p.count()), 8))
                    .append(right(percent(p.bytes(), whole), 8)).append("  ").append(p.name())
                    .append(p.synthesized() ? " (synthesized)" : "").append('\n');
        }
    }

    private static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f%%", whole == 0 ? 0.0 : 100.0 * part / whole);
    }

    /** The number with a comma every three digits. */
    static String n(long v) {
        String digits = Long.toString(Math.abs(v));
        StringBuilder sb = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (v < 0) {
            sb.append('-');
        }
        int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    private static String right(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
