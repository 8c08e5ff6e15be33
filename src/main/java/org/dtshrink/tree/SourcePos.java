package org.dtshrink.tree;

/** A place in a source file, after cpp line markers have been applied: 1-based line and column. */
public record SourcePos(String file, int line, int column) {

    public static final SourcePos NONE = new SourcePos("<none>", 0, 0);

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
