package org.dtshrink.usage;

import java.util.List;
import org.dtshrink.json.JsonWriter;

/** Lists a usage set for audit: one entry a line, its kind, its name or pattern, and the files it came from. */
public final class UsageWriter {

    private UsageWriter() {
    }

    public static String text(UsageSet set) {
        StringBuilder sb = new StringBuilder();
        for (UsageSet.Entry e : set.entries()) {
            String kind = switch (e.kind()) {
                case PROPERTY -> "property";
                case COMPATIBLE -> "compatible";
                case SUBTREE -> "subtree";
            };
            sb.append(kind).append(' ').append(e.text()).append("\t").append(String.join(" ", e.origins()))
                    .append('\n');
        }
        for (String d : set.drops()) {
            sb.append("drop ").append(d).append("\t--drop\n");
        }
        return sb.toString();
    }

    /**
     * The set as a usage file ({@link UsageFile}) that {@code --usage} reads back to the same set, so a kernel is
     * scanned once and its list checked in beside the board: entries only the built-in core set gave are left out
     * (the core set is always loaded), and {@code header} lines open the file as comments.
     */
    public static String list(UsageSet set, List<String> header) {
        StringBuilder sb = new StringBuilder();
        for (String h : header) {
            sb.append("# ").append(h).append('\n');
        }
        for (UsageSet.Entry e : set.entries()) {
            if (e.origins().equals(java.util.Set.of(CoreUsage.ORIGIN))) {
                continue;
            }
            String spelling = UsageFile.spelling(e.text());
            if (spelling == null) {
                // A '"' or a control character: no property name or compatible in a tree has one.
                sb.append("# left out, no spelling reads back to it: ").append(e.kind().name().toLowerCase(
                        java.util.Locale.ROOT)).append(' ').append(e.text().replaceAll("[\\x00-\\x1f\\x7f]", "?"));
            } else {
                switch (e.kind()) {
                    case PROPERTY -> sb.append(spelling);
                    case COMPATIBLE -> sb.append("compatible: ").append(spelling);
                    case SUBTREE -> sb.append("subtree: ").append(spelling);
                }
            }
            sb.append('\n');
        }
        for (String d : set.drops()) {
            sb.append("# not kept in this list, pass it again: --drop ").append(d).append('\n');
        }
        return sb.toString();
    }

    public static String json(UsageSet set) {
        JsonWriter j = new JsonWriter().beginObject().member("schema", "dtshrink-usage/1").name("entries").beginArray();
        for (UsageSet.Entry e : set.entries()) {
            j.beginInlineObject().member("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .member("name", e.text()).name("from").beginArray();
            for (String o : e.origins()) {
                j.value(o);
            }
            j.endArray().endObject();
        }
        j.endArray().name("drops").beginInlineArray();
        for (String d : set.drops()) {
            j.value(d);
        }
        return j.endArray().endObject().finish();
    }
}
