package org.dtshrink.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two reports side by side for size-regression checks: per profile both have, the RAM of each column both have and
 * the as-is bytes of every top-level subtree. RAM grows too much when any column both reports have grows by more
 * than the allowed bytes. Works on {@link ComparedReport}s, so a stored report and a fresh input compare alike.
 */
public final class ReportComparison {

    /** A column both reports have, under one profile. */
    public record ColumnChange(String profile, Column column, long oldRam, long newRam) {
        public long change() {
            return newRam - oldRam;
        }
    }

    private final String oldName;
    private final String newName;
    private final long maxGrowth;
    private final StringBuilder text = new StringBuilder();
    private final List<ColumnChange> changes = new ArrayList<>();

    private ReportComparison(String oldName, String newName, long maxGrowth) {
        this.oldName = oldName;
        this.newName = newName;
        this.maxGrowth = maxGrowth;
    }

    /** Compares two reports; {@code maxGrowth} is the RAM growth in bytes each column may have. */
    public static ReportComparison compare(String oldName, ComparedReport oldReport, String newName,
            ComparedReport newReport, long maxGrowth) {
        ReportComparison c = new ReportComparison(oldName, newName, maxGrowth);
        c.run(oldReport, newReport);
        return c;
    }

    /** Every column both reports have, in profile then column order. */
    public List<ColumnChange> changes() {
        return List.copyOf(changes);
    }

    /** The columns whose RAM grew by more than the allowed bytes. */
    public List<ColumnChange> tooMuchGrowth() {
        List<ColumnChange> out = new ArrayList<>();
        for (ColumnChange c : changes) {
            if (c.change() > maxGrowth) {
                out.add(c);
            }
        }
        return out;
    }

    /** The comparison for people, 80 columns wide. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("old: ").append(oldName).append('\n');
        sb.append("new: ").append(newName).append('\n');
        sb.append(text);
        sb.append('\n');
        List<ColumnChange> bad = tooMuchGrowth();
        if (bad.isEmpty()) {
            sb.append("RAM did not grow by more than ").append(Figures.bytes(maxGrowth)).append(" bytes\n");
        } else {
            sb.append("RAM grew by more than ").append(Figures.bytes(maxGrowth)).append(" bytes:\n");
            for (ColumnChange c : bad) {
                sb.append("  ").append(c.profile()).append(", ").append(c.column().label()).append(": ")
                        .append(signed(c.change())).append(" bytes\n");
            }
        }
        return sb.toString();
    }

    private void run(ComparedReport oldReport, ComparedReport newReport) {
        Map<String, ComparedReport.ProfileFigures> oldProfiles = profiles(oldReport);
        Map<String, ComparedReport.ProfileFigures> newProfiles = profiles(newReport);
        for (Map.Entry<String, ComparedReport.ProfileFigures> e : newProfiles.entrySet()) {
            ComparedReport.ProfileFigures o = oldProfiles.get(e.getKey());
            if (o == null) {
                text.append('\n').append(e.getKey()).append(": only in the new report\n");
                continue;
            }
            profile(e.getKey(), o, e.getValue());
        }
        for (String name : oldProfiles.keySet()) {
            if (!newProfiles.containsKey(name)) {
                text.append('\n').append(name).append(": only in the old report\n");
            }
        }
    }

    private void profile(String name, ComparedReport.ProfileFigures o, ComparedReport.ProfileFigures n) {
        text.append('\n');
        line(name, "old", "new", "change");
        for (Column c : Column.values()) {
            Long a = ram(o.columns().get(c.key()));
            Long b = ram(n.columns().get(c.key()));
            if (a != null && b != null) {
                changes.add(new ColumnChange(name, c, a, b));
            }
            line("  " + c.label() + " RAM", a == null ? "n/a" : Figures.bytes(a), b == null ? "n/a" : Figures.bytes(b),
                    a == null || b == null ? "" : signed(b - a));
        }
        Map<String, Long> os = subtrees(o);
        Map<String, Long> ns = subtrees(n);
        Set<String> paths = new LinkedHashSet<>(os.keySet());
        paths.addAll(ns.keySet());
        List<String> changed = new ArrayList<>();
        for (String p : paths) {
            if (!os.getOrDefault(p, 0L).equals(ns.getOrDefault(p, 0L))) {
                changed.add(p);
            }
        }
        if (changed.isEmpty()) {
            text.append("  top-level subtrees (as is): no change\n");
            return;
        }
        text.append("  top-level subtrees (as is)\n");
        for (String p : changed) {
            Long a = os.get(p);
            Long b = ns.get(p);
            line("    " + TextReportWriter.leftFit(p, 30), a == null ? "absent" : Figures.bytes(a),
                    b == null ? "absent" : Figures.bytes(b), signed((b == null ? 0 : b) - (a == null ? 0 : a)));
        }
    }

    private void line(String label, String a, String b, String c) {
        text.append(label).append(" ".repeat(Math.max(1, 36 - label.length())));
        pad(a, 14);
        pad(b, 14);
        pad(c, 14);
        int end = text.length();
        while (text.charAt(end - 1) == ' ') {
            end--;
        }
        text.setLength(end);
        text.append('\n');
    }

    private void pad(String s, int width) {
        text.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
    }

    private static String signed(long n) {
        return (n > 0 ? "+" : "") + Figures.bytes(n);
    }

    private static Map<String, ComparedReport.ProfileFigures> profiles(ComparedReport report) {
        Map<String, ComparedReport.ProfileFigures> out = new LinkedHashMap<>();
        for (ComparedReport.ProfileFigures p : report.profiles()) {
            out.put(p.name(), p);
        }
        return out;
    }

    private static Long ram(ComparedReport.ColumnRam column) {
        return column.available() ? column.ram() : null;
    }

    private static Map<String, Long> subtrees(ComparedReport.ProfileFigures profile) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (ComparedReport.SubtreeBytes s : profile.topLevelSubtrees()) {
            out.put(s.path(), s.asIs());
        }
        return out;
    }
}
