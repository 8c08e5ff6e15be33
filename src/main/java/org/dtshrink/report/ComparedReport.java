package org.dtshrink.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.json.Json;
import org.dtshrink.tree.DtException;

/**
 * What {@code report --compare} reads of a report: per profile, the RAM of each column it has and the as-is bytes of
 * each top-level subtree. Made from a fresh {@link SizeReport}, or bound from a stored JSON report (schema
 * {@value JsonReportWriter#SCHEMA}; other members are ignored), so a stored report and a fresh input compare alike.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComparedReport(String schema, List<ProfileFigures> profiles) {

    /** One profile: its columns by JSON key ({@link Column#key()}) and its top-level subtrees. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfileFigures(String name, Map<String, ColumnRam> columns,
            @JsonProperty("top_level_subtrees") List<SubtreeBytes> topLevelSubtrees) {
    }

    /** A column: whether the report has it, and its RAM total when it does. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ColumnRam(boolean available, Long ram) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SubtreeBytes(String path, @JsonProperty("as_is") long asIs) {
    }

    /** The figures of a report just made. */
    public static ComparedReport of(SizeReport report) {
        List<ProfileFigures> profiles = new ArrayList<>();
        for (ProfileReport p : report.profiles()) {
            Map<String, ColumnRam> columns = new LinkedHashMap<>();
            for (Column c : Column.values()) {
                ColumnFigures f = p.column(c);
                columns.put(c.key(), f == null ? new ColumnRam(false, null) : new ColumnRam(true, f.ram()));
            }
            List<SubtreeBytes> subtrees = new ArrayList<>();
            for (ProfileReport.SubtreeRow r : p.topLevel()) {
                subtrees.add(new SubtreeBytes(r.path(), r.asIs()));
            }
            profiles.add(new ProfileFigures(p.profile().name(), columns, subtrees));
        }
        return new ComparedReport(JsonReportWriter.SCHEMA, profiles);
    }

    /** A stored JSON report; bad JSON, another schema or a missing member is bad input naming {@code file}. */
    public static ComparedReport read(String file, String json) {
        Object any = Json.read(file, json);
        if (!(any instanceof Map<?, ?> m) || !JsonReportWriter.SCHEMA.equals(m.get("schema"))) {
            throw new DtException(file + ": error: not a " + JsonReportWriter.SCHEMA + " report");
        }
        ComparedReport r = Json.read(file, json, ComparedReport.class);
        if (r.profiles() == null) {
            throw bad(file, "profiles is not an array");
        }
        for (ProfileFigures p : r.profiles()) {
            if (p == null || p.name() == null) {
                throw bad(file, "a profile's name is not a string");
            }
            if (p.columns() == null) {
                throw bad(file, "columns is not an object");
            }
            for (Column c : Column.values()) {
                ColumnRam col = p.columns().get(c.key());
                if (col == null) {
                    throw bad(file, "a column is not an object");
                }
                if (col.available() && col.ram() == null) {
                    throw bad(file, "a column's ram is not a whole number");
                }
            }
            if (p.topLevelSubtrees() == null) {
                throw bad(file, "top_level_subtrees is not an array");
            }
            for (SubtreeBytes s : p.topLevelSubtrees()) {
                if (s == null || s.path() == null) {
                    throw bad(file, "a subtree's path is not a string");
                }
            }
        }
        return r;
    }

    private static DtException bad(String file, String what) {
        return new DtException(file + ": error: " + what);
    }
}
