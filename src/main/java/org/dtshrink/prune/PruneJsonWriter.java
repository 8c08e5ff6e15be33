package org.dtshrink.prune;

import org.dtshrink.json.JsonWriter;
import org.dtshrink.scan.KernelScan;

/**
 * The JSON form of a prune report (schema {@code dtshrink-prune/1}): summary counts, blob and per-profile savings,
 * every removal (node path, property or null for a node, the counts that went, the reason), and the notes.
 */
public final class PruneJsonWriter {

    private PruneJsonWriter() {
    }

    public static String write(PruneReport r) {
        PruneResult res = r.result();
        JsonWriter j = new JsonWriter().beginObject()
                .member("schema", "dtshrink-prune/1")
                .member("input", r.input())
                .member("properties_removed", res.propertiesRemoved())
                .member("nodes_removed", res.nodesRemoved())
                .member("properties_in_removed_nodes", res.propertiesInRemovedNodes());
        if (r.scan() != null) {
            KernelScan.Result s = r.scan();
            j.name("scan").beginInlineObject()
                    .member("root", s.root().toString())
                    .member("c_files", s.cFiles())
                    .member("headers", s.headers())
                    .member("milliseconds", s.millis())
                    .endObject();
        }
        j.name("blob").beginInlineObject()
                .member("before", r.blobBefore())
                .member("after", r.blobAfter())
                .member("saved", r.blobBefore() - r.blobAfter())
                .endObject();
        j.name("profiles").beginArray();
        for (PruneReport.Saving s : r.savings()) {
            j.beginInlineObject().member("name", s.profile()).member("before", s.before())
                    .member("after", s.after()).member("saved", s.saved()).endObject();
        }
        j.endArray();
        j.name("removed").beginArray();
        for (Removal m : res.removals()) {
            j.beginInlineObject().member("path", m.nodePath()).member("property", m.property())
                    .member("nodes", m.nodes()).member("properties", m.properties())
                    .member("reason", m.reason()).endObject();
        }
        j.endArray();
        j.name("notes").beginArray();
        for (String note : res.notes()) {
            j.value(note);
        }
        return j.endArray().endObject().finish();
    }
}
