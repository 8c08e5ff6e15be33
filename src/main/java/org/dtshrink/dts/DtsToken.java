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
}
