package org.dtshrink.prune;

import org.dtshrink.scan.KernelScan;
import org.dtshrink.usage.Json;

/**
 * The JSON form of a prune report (schema {@code dtshrink-prune/1}): summary counts, blob and per-profile savings,
 * every removal (node path, property or null for a node, the counts that went, the reason), and the notes.
 */
public final class PruneJsonWriter {

    private PruneJsonWriter() {
    }

    public static String write(PruneReport r) {
        PruneResult res = r.result();
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"schema\": \"dtshrink-prune/1\",\n");
        sb.append("  \"input\": ").append(Json.quote(r.input())).append(",\n");
        sb.append("  \"properties_removed\": ").append(res.propertiesRemoved()).append(",\n");
        sb.append("  \"nodes_removed\": ").append(res.nodesRemoved()).append(",\n");
        sb.append("  \"properties_in_removed_nodes\": ").append(res.propertiesInRemovedNodes()).append(",\n");
        if (r.usage() != null && r.usage().scan() != null) {
            KernelScan.Result s = r.usage().scan();
            sb.append("  \"scan\": {\"root\": ").append(Json.quote(r.usage().scanRoot().toString()))
                    .append(", \"c_files\": ").append(s.cFiles()).append(", \"headers\": ").append(s.headers())
                    .append(", \"milliseconds\": ").append(s.millis()).append("},\n");
        }
        sb.append("  \"blob\": {\"before\": ").append(r.blobBefore()).append(", \"after\": ").append(r.blobAfter())
                .append(", \"saved\": ").append(r.blobBefore() - r.blobAfter()).append("},\n");
        sb.append("  \"profiles\": [");
        for (int i = 0; i < r.savings().size(); i++) {
            PruneReport.Saving s = r.savings().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(Json.quote(s.profile()))
                    .append(", \"before\": ").append(s.before()).append(", \"after\": ").append(s.after())
                    .append(", \"saved\": ").append(s.saved()).append('}');
        }
        sb.append(r.savings().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"removed\": [");
        for (int i = 0; i < res.removals().size(); i++) {
            Removal m = res.removals().get(i);
            sb.append(i == 0 ? "\n" : ",\n").append("    {\"path\": ").append(Json.quote(m.nodePath()))
                    .append(", \"property\": ").append(Json.quote(m.property()))
                    .append(", \"nodes\": ").append(m.nodes()).append(", \"properties\": ").append(m.properties())
                    .append(", \"reason\": ").append(Json.quote(m.reason())).append('}');
        }
        sb.append(res.removals().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"notes\": [");
        for (int i = 0; i < res.notes().size(); i++) {
            sb.append(i == 0 ? "\n" : ",\n").append("    ").append(Json.quote(res.notes().get(i)));
        }
        sb.append(res.notes().isEmpty() ? "]\n" : "\n  ]\n");
        return sb.append("}\n").toString();
    }
}
