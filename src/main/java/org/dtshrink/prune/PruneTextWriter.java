package org.dtshrink.prune;

import java.util.Locale;
import org.dtshrink.scan.KernelScan;

/** The text form of a prune report: a summary, the savings per profile, and with {@code explain} every removal. */
public final class PruneTextWriter {

    private PruneTextWriter() {
    }

    public static String write(PruneReport r, boolean explain) {
        StringBuilder sb = new StringBuilder();
        PruneResult res = r.result();
        int phandles = 0;
        for (Removal m : res.removals()) {
            if (!m.isNode() && (m.property().equals("phandle") || m.property().equals("linux,phandle"))) {
                phandles++;
            }
        }
        sb.append(r.input()).append(": removed ").append(res.propertiesRemoved()).append(" properties (")
                .append(phandles).append(" of them phandles) and ").append(res.nodesRemoved()).append(" nodes (with ")
                .append(res.propertiesInRemovedNodes()).append(" properties)\n");
        KernelScan.Result scan = r.scan();
        if (scan != null) {
            sb.append(String.format(Locale.ROOT, "usage: scanned %d C files and %d headers of %s in %.1f s%n",
                    scan.cFiles(), scan.headers(), scan.root(), scan.millis() / 1000.0));
        }
        sb.append(String.format(Locale.ROOT, "blob: %d -> %d bytes (saved %d)%n", r.blobBefore(), r.blobAfter(),
                r.blobBefore() - r.blobAfter()));
        for (PruneReport.Saving s : r.savings()) {
            sb.append(String.format(Locale.ROOT, "%s: unflattened tree %d -> %d bytes (saved %d)%n", s.profile(),
                    s.before(), s.after(), s.saved()));
        }
        if (explain) {
            for (Removal m : res.removals()) {
                if (m.isNode()) {
                    sb.append("node ").append(m.nodePath()).append(" (").append(m.nodes()).append(m.nodes() == 1
                            ? " node, " : " nodes, ").append(m.properties()).append(" properties): ")
                            .append(m.reason()).append('\n');
                } else {
                    sb.append("property ").append(m.nodePath()).append(' ').append(m.property()).append(": ")
                            .append(m.reason()).append('\n');
                }
            }
            for (String n : res.notes()) {
                sb.append("note: ").append(n).append('\n');
            }
        }
        return sb.toString();
    }
}
