package org.dtshrink.cli;

import java.io.PrintStream;

/** A one-line progress bar on standard error, drawn only when a person is watching (a terminal). */
final class Progress {

    private final PrintStream out;
    private final int total;
    private int done;
    private int lastDrawn = -1;

    private Progress(PrintStream out, int total) {
        this.out = out;
        this.total = total;
    }

    static Progress forStderr(int total) {
        boolean terminal = System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM"));
        return new Progress(terminal ? System.err : null, total);
    }

    void step() {
        done++;
        draw();
    }

    /** Erases the bar so that a message can be printed on a clean line. */
    void clear() {
        if (out != null && lastDrawn >= 0) {
            out.print("\r\033[K");
            out.flush();
            lastDrawn = -1;
        }
    }

    void done() {
        clear();
    }

    private void draw() {
        if (out == null || total == 0) {
            return;
        }
        int width = 40;
        int filled = (int) ((long) done * width / total);
        if (filled == lastDrawn && done != total) {
            return;
        }
        lastDrawn = filled;
        out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total);
        out.flush();
    }
}
