package org.dtshrink.tree;

/**
 * A place in a source file, after cpp line markers have been applied: 1-based line and column where it starts, and
 * where it ends (the line and column just after its last character, as dtc's locations count). A point has its end
 * at its start.
 */
public record SourcePos(String file, int line, int column, int endLine, int endColumn) {

    public static final SourcePos NONE = new SourcePos("<none>", 0, 0);

    public SourcePos(String file, int line, int column) {
        this(file, line, column, line, column);
    }

    /** From the start of {@code first} to the end of {@code last}, named after {@code last}'s file, as dtc does. */
    public static SourcePos span(SourcePos first, SourcePos last) {
        return new SourcePos(last.file, first.line, first.column, last.endLine, last.endColumn);
    }

    public boolean isNone() {
        return this == NONE || line == 0;
    }

    /** dtc's form: {@code file:line.col-line.col}, {@code file:line.col-col} on one line, {@code file:line.col}. */
    public String dtcString() {
        if (line != endLine) {
            return file + ":" + line + "." + column + "-" + endLine + "." + endColumn;
        }
        if (column != endColumn) {
            return file + ":" + line + "." + column + "-" + endColumn;
        }
        return file + ":" + line + "." + column;
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
