package org.dtshrink.report;

import java.util.List;
import org.dtshrink.cost.RamCategory;
import org.dtshrink.json.JsonWriter;
import org.dtshrink.report.ProfileReport.CacheRow;
import org.dtshrink.report.ProfileReport.CategoryRow;
import org.dtshrink.report.ProfileReport.PropertyRow;
import org.dtshrink.report.ProfileReport.RemovalRow;
import org.dtshrink.report.ProfileReport.SubtreeRow;

/** Renders a {@link SizeReport} as JSON of schema {@value #SCHEMA} (docs/report-json.md), keys in a fixed order. */
public final class JsonReportWriter {

    public static final String SCHEMA = "dtshrink-report/2";

    private JsonReportWriter() {
    }

    public static String write(SizeReport report) {
        ReportInput in = report.input();
        JsonWriter j = new JsonWriter().beginObject();
        j.member("schema", SCHEMA);
        j.member("file", in.file());
        j.member("dtb_size", in.dtbSize());
        j.member("dtb_in_flash", in.dtbInFlash());
        j.member("pruned_dtb_size", in.pruned() == null ? null : in.pruned().dtbSize());
        j.member("top", report.top());
        j.name("profiles").beginArray();
        for (ProfileReport p : report.profiles()) {
            profile(j, p);
        }
        j.endArray();
        return j.endObject().finish();
    }

    private static void profile(JsonWriter j, ProfileReport p) {
        j.beginObject();
        j.member("name", p.profile().name());
        j.member("description", p.profile().description());
        j.member("page_size", p.profile().pageSize());
        j.member("boot", p.hasBoot());
        j.name("columns").beginObject();
        for (Column c : Column.values()) {
            j.name(c.key()).beginInlineObject();
            ColumnFigures f = p.column(c);
            j.member("available", f != null);
            if (f == null) {
                j.member("reason", p.missing(c));
            } else {
                j.member("unflatten", f.unflatten());
                j.member("table_ram", f.tableRam());
                j.member("dtb_in_ram", f.dtbInRam());
                j.member("aliases", f.bytes(RamCategory.ALIASES));
                j.member("memblock", f.memblock());
                j.member("sysfs", f.bytes(RamCategory.SYSFS));
                j.member("devices", f.bytes(RamCategory.DEVICES));
                j.member("fw_devlink", f.bytes(RamCategory.FW_DEVLINK));
                j.member("slab", f.slab());
                j.member("ram", f.ram());
                j.member("pages", f.pages());
                j.member("flash", f.flash());
                j.member("saved", f.savedAgainst(p.asIs()));
                j.number("saved_percent", Figures.tenthsNumber(f.savedTenthsOfPercent(p.asIs())));
            }
            j.endObject();
        }
        j.endObject();
        j.name("categories").beginArray();
        for (CategoryRow r : p.categories()) {
            j.beginInlineObject().member("category", r.category().key()).member("as_is", r.asIs())
                    .member("pruned", r.pruned()).endObject();
        }
        j.endArray();
        j.name("slab_caches").beginArray();
        for (CacheRow r : p.caches()) {
            j.beginInlineObject().member("cache", r.cache()).member("object_size", r.objectSize())
                    .member("as_is", r.asIs()).member("pruned", r.pruned()).member("flash_table", r.flashTable())
                    .endObject();
        }
        j.endArray();
        subtrees(j, "largest_subtrees", p.largestSubtrees());
        subtrees(j, "top_level_subtrees", p.topLevel());
        j.name("property_names").beginArray();
        for (PropertyRow r : p.propertyNames()) {
            j.beginInlineObject().member("name", r.name()).member("synthesized", r.synthesized())
                    .member("count", r.count()).member("as_is", r.asIs()).member("pruned", r.pruned())
                    .endObject();
        }
        j.endArray();
        if (p.prunedCost() == null) {
            j.nullMember("removals");
        } else {
            j.name("removals").beginArray();
            for (RemovalRow r : p.removals()) {
                j.beginInlineObject().member("path", r.removal().nodePath())
                        .member("property", r.removal().property()).member("reason", r.removal().reason())
                        .member("bytes", r.bytes()).endObject();
            }
            j.endArray();
        }
        j.endObject();
    }

    private static void subtrees(JsonWriter j, String name, List<SubtreeRow> rows) {
        j.name(name).beginArray();
        for (SubtreeRow r : rows) {
            j.beginInlineObject().member("path", r.path()).member("nodes", r.nodes()).member("as_is", r.asIs())
                    .member("pruned", r.pruned()).endObject();
        }
        j.endArray();
    }
}
