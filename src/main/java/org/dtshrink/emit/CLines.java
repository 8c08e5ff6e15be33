package org.dtshrink.emit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a C file in the kernel's style, as scripts/checkpatch.pl --strict wants them: within 100 columns,
 * continuation lines aligned with the open parenthesis, macro continuations lined up, comments wrapped.
 */
final class CLines {

    private final StringBuilder out = new StringBuilder();

    void line(String s) {
        out.append(s).append('\n');
    }

    /** A comment paragraph: " * " lines wrapped within 80 columns. */
    void paragraph(String text) {
        for (String l : CText.wrap(" * ", " *", text)) {
            line(l);
        }
    }

    /** {@code indent.field = expr,}, the expression on a line of its own when the whole would be too long. */
    void assign(String indent, String field, String expr) {
        String one = indent + "." + field + " = " + expr + ",";
        if (CText.width(one) <= CText.MAX_COLUMNS) {
            line(one);
        } else {
            line(indent + "." + field + " =");
            line(indent + "\t" + expr + ",");
        }
    }

    /**
     * A call on one line when it fits in 100 columns, else with its arguments on as few lines as fit, lined up
     * under the first (checkpatch.pl --strict wants continuation lines aligned with the open parenthesis).
     */
    void call(String indent, String function, List<String> args, String end) {
        String one = indent + function + "(" + String.join(", ", args) + ")" + end;
        if (CText.width(one) <= CText.MAX_COLUMNS) {
            line(one);
            return;
        }
        int column = CText.width(indent + function + "(");
        StringBuilder cont = new StringBuilder();
        while (CText.width(cont.toString() + "\t") <= column) {
            cont.append('\t');
        }
        while (CText.width(cont) < column) {
            cont.append(' ');
        }
        StringBuilder l = new StringBuilder(indent + function + "(");
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i) + (i + 1 < args.size() ? "," : ")" + end);
            boolean fresh = CText.width(l) == column;
            if (!fresh && CText.width(l + " " + a) > CText.MAX_COLUMNS) {
                line(l.toString());
                l = new StringBuilder(cont);
                fresh = true;
            }
            l.append(fresh ? "" : " ").append(a);
        }
        line(l.toString());
    }

    /** A multi-line #define with its backslashes lined up at one column. */
    void macro(String head, List<String> body) {
        List<String> lines = new ArrayList<>();
        lines.add("#define " + head + " {");
        for (String b : body) {
            lines.add("\t" + b);
        }
        int column = 0;
        for (String l : lines) {
            column = Math.max(column, CText.width(l) + 1);
        }
        column = (column + 7) / 8 * 8;
        for (String l : lines) {
            StringBuilder sb = new StringBuilder(l);
            while (CText.width(sb) < column) {
                sb.append('\t');
            }
            line(sb.append('\\').toString());
        }
        line("}");
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
