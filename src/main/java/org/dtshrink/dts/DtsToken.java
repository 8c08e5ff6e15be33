package org.dtshrink.dts;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.dtshrink.tree.SourcePos;

/** A token that knows where it came from after includes and cpp line markers are taken into account. */
final class DtsToken extends CommonToken {

    private final SourcePos pos;
    /** The real directory of the file the token was read from, where /incbin/ looks first. */
    private final java.nio.file.Path dir;

    DtsToken(Token t, SourcePos pos, java.nio.file.Path dir) {
        super(t);
        this.pos = pos;
        this.dir = dir;
    }

    SourcePos pos() {
        return pos;
    }

    java.nio.file.Path dir() {
        return dir;
    }

    static SourcePos posOf(Token t) {
        return t instanceof DtsToken d ? d.pos : new SourcePos("<input>", t.getLine(), t.getCharPositionInLine() + 1);
    }

    /**
     * The token as a range, from its first character to just after its last, as dtc's lexer locates tokens. Made on
     * demand: only the tokens that end a node or property need it.
     */
    static SourcePos spanOf(Token t) {
        SourcePos start = posOf(t);
        String text = t.getText();
        int endLine = start.line();
        int endColumn = start.column();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                endLine++;
                endColumn = 1;
            } else {
                endColumn++;
            }
        }
        return new SourcePos(start.file(), start.line(), start.column(), endLine, endColumn);
    }

    /** From the start of {@code first} to the end of {@code last}, as a bison location over a rule. */
    static SourcePos span(Token first, Token last) {
        return SourcePos.span(posOf(first), spanOf(last));
    }
}
