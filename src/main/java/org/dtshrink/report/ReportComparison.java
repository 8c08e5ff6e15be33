package org.dtshrink.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.DtException;

/**
 * Two reports side by side for size-regression checks: per profile both have, the RAM of each column both have and
 * the as-is bytes of every top-level subtree. RAM grows too much when any column both reports have grows by more
 * than the allowed bytes. Works on the JSON form (schema {@value JsonReportWriter#SCHEMA}), so a stored report and
 * a fresh input compare alike.
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

    /** Compares two parsed reports; {@code maxGrowth} is the RAM growth in bytes each column may have. */
    public static ReportComparison compare(String oldName, Object oldJson, String newName, Object newJson,
            long maxGrowth) {
        ReportComparison c = new ReportComparison(oldName, newName, maxGrowth);
        c.run(report(oldName, oldJson), report(newName, newJson));
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

    private void run(Map<String, Object> oldReport, Map<String, Object> newReport) {
        Map<String, Map<String, Object>> oldProfiles = profiles(oldName, oldReport);
        Map<String, Map<String, Object>> newProfiles = profiles(newName, newReport);
        for (Map.Entry<String, Map<String, Object>> e : newProfiles.entrySet()) {
            Map<String, Object> o = oldProfiles.get(e.getKey());
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

    private void profile(String name, Map<String, Object> o, Map<String, Object> n) {
        text.append('\n');
        line(name, "old", "new", "change");
        Map<String, Object> oc = object(oldName, o.get("columns"), "columns");
        Map<String, Object> nc = object(newName, n.get("columns"), "columns");
        for (Column c : Column.values()) {
            Long a = ram(oldName, oc.get(c.key()));
            Long b = ram(newName, nc.get(c.key()));
            if (a != null && b != null) {
                changes.add(new ColumnChange(name, c, a, b));
            }
            line("  " + c.label() + " RAM", a == null ? "n/a" : Figures.bytes(a), b == null ? "n/a" : Figures.bytes(b),
                    a == null || b == null ? "" : signed(b - a));
        }
        Map<String, Long> os = subtrees(oldName, o);
        Map<String, Long> ns = subtrees(newName, n);
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

    private static Map<String, Object> report(String file, Object json) {
        Map<String, Object> r = object(file, json, "the report");
        if (!JsonReportWriter.SCHEMA.equals(r.get("schema"))) {
            throw new DtException(file + ": error: not a " + JsonReportWriter.SCHEMA + " report");
        }
        return r;
    }

    private static Map<String, Map<String, Object>> profiles(String file, Map<String, Object> report) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Object p : list(file, report.get("profiles"), "profiles")) {
            Map<String, Object> m = object(file, p, "a profile");
            out.put(string(file, m.get("name"), "a profile's name"), m);
        }
        return out;
    }

    private static Long ram(String file, Object column) {
        Map<String, Object> c = object(file, column, "a column");
        if (!Boolean.TRUE.equals(c.get("available"))) {
            return null;
        }
        return number(file, c.get("ram"), "a column's ram");
    }

    private static Map<String, Long> subtrees(String file, Map<String, Object> profile) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Object s : list(file, profile.get("top_level_subtrees"), "top_level_subtrees")) {
            Map<String, Object> m = object(file, s, "a subtree");
            out.put(string(file, m.get("path"), "a subtree's path"), number(file, m.get("as_is"), "a subtree's bytes"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String file, Object v, String what) {
        if (!(v instanceof Map)) {
            throw bad(file, what + " is not an object");
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String file, Object v, String what) {
        if (!(v instanceof List)) {
            throw bad(file, what + " is not an array");
        }
        return (List<Object>) v;
    }

    private static String string(String file, Object v, String what) {
        if (!(v instanceof String s)) {
            throw bad(file, what + " is not a string");
        }
        return s;
    }

    private static long number(String file, Object v, String what) {
        if (!(v instanceof Long n)) {
            throw bad(file, what + " is not a whole number");
        }
        return n;
    }

    private static DtException bad(String file, String what) {
        return new DtException(file + ": error: " + what);
    }
}
