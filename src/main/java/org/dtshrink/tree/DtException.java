package org.dtshrink.tree;

/**
 * The one error type every stage throws for bad input. Its message is already the single line a user sees:
 * {@code file:line:col: error: what} for source text, {@code file: offset 0xN: error: what} for blobs.
 */
public class DtException extends RuntimeException {

    public DtException(String message) {
        super(message, null, false, false);
    }

    public static DtException at(SourcePos pos, String what) {
        return new DtException(pos + ": error: " + what);
    }

    public static DtException atOffset(String file, long offset, String what) {
        return new DtException(file + ": offset 0x" + Long.toHexString(offset) + ": error: " + what);
    }
}
