package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.SourcePos;

/**
 * One message of one of dtc's checks, as dtc's check_msg() prints it:
 * {@code file:line.col-line.col: Warning (name): /path:prop: message}, then, for a message about a node, one
 * {@code   also defined at ...} line for every later definition merged into it. {@code warn} and {@code error} are the
 * check's levels when it failed: the message is an ERROR when the check is one, and which {@code -q} hides it
 * follows from both.
 *
 * @param pos where dtc locates the message (the property's definition, else the node's), or null for none, when
 *     dtc names the output file instead
 * @param also the node's later definitions, printed for a message about a node
 * @param path the node's full path, or null for a message about no node ("Failed prerequisite")
 * @param property the property's name, or null
 */
public record Diagnostic(String check, boolean warn, boolean error, SourcePos pos, List<SourcePos> also,
        String path, String property, String message) {

    public Diagnostic {
        also = List.copyOf(also);
    }

    /** Whether dtc prints it at this {@code -q} count: warnings go at 1, errors at 2. */
    public boolean shownAt(int quiet) {
        return (warn && quiet < 1) || (error && quiet < 2);
    }

    /** The lines dtc prints, without line ends; {@code outName} is dtc's -o argument ("-" for standard output). */
    public List<String> lines(String outName) {
        StringBuilder sb = new StringBuilder();
        if (pos != null) {
            sb.append(pos.dtcString());
        } else {
            sb.append(outName.equals("-") ? "<stdout>" : outName);
        }
        sb.append(": ").append(error ? "ERROR" : "Warning").append(" (").append(check).append("): ");
        if (path != null) {
            sb.append(path).append(':');
            if (property != null) {
                sb.append(property).append(':');
            }
            sb.append(' ');
        }
        sb.append(message);
        List<String> out = new ArrayList<>(List.of(sb.toString().split("\n", -1)));
        for (SourcePos p : also) {
            out.add("  also defined at " + p.dtcString());
        }
        return out;
    }

    /** The message as one line of dtshrink's own form, {@code file:line:col: error: /path: message}. */
    public String oneLine(String fallbackFile) {
        String where = pos != null ? pos.toString() : fallbackFile;
        String subject = path == null ? "" : property == null ? path + ": " : path + ":" + property + ": ";
        return where + ": " + (error ? "error" : "warning") + ": " + subject + message.strip();
    }
}
