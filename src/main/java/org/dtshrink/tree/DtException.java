package org.dtshrink.tree;

/**
 * The one error type every stage throws for bad input. Its message is already the single line a user sees:
 * {@code file:line:col: error: what} for source text, {@code file: offset 0xN: error: what} for blobs.
 */
public class DtException extends RuntimeException {

    public DtException(String message) {
        super(oneLine(message), null, false, false);
    }

    /**
     * Control characters escaped: messages quote names and strings from the input (an include name, a file name
     * from a line marker), and whatever those hold, the error must stay on one line.
     */
    static String oneLine(String message) {
        StringBuilder sb = null;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                if (sb == null) {
                    sb = new StringBuilder(message.substring(0, i));
                }
                sb.append(String.format("\\x%02x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? message : sb.toString();
    }

    public static DtException at(SourcePos pos, String what) {
        return new DtException(pos + ": error: " + what);
    }

    public static DtException atOffset(String file, long offset, String what) {
        return new DtException(file + ": offset 0x" + Long.toHexString(offset) + ": error: " + what);
    }
}
