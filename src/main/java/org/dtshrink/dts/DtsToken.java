package org.dtshrink.dts;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.dtshrink.tree.SourcePos;

/** A token that knows where it came from after includes and cpp line markers are taken into account. */
final class DtsToken extends CommonToken {

    /** The text the token was read from; its own text is cut from it when first asked for. */
    private final String sourceText;
    private final String file;
    private final int fileLine;
    /** The real directory of the file the token was read from, where /incbin/ looks first. */
    private final java.nio.file.Path dir;
    private SourcePos pos;

    /**
     * A token of {@code source} from {@code start} to {@code end} (exclusive) at {@code line} and {@code column}
     * (0-based) of that text, and at {@code fileLine} of {@code file} once line markers are applied.
     */
    DtsToken(int type, String source, int start, int end, int line, int column, String file, int fileLine,
            java.nio.file.Path dir) {
        super(type);
        this.sourceText = source;
        this.start = start;
        this.stop = end - 1;
        this.line = line;
        this.charPositionInLine = column;
        this.file = file;
        this.fileLine = fileLine;
        this.dir = dir;
    }

    @Override
    public String getText() {
        if (text == null) {
            text = type == EOF ? "<EOF>" : sourceText.substring(start, stop + 1);
        }
        return text;
    }

    SourcePos pos() {
        if (pos == null) {
            pos = new SourcePos(file, fileLine, charPositionInLine + 1);
        }
        return pos;
    }

    java.nio.file.Path dir() {
        return dir;
    }

    static SourcePos posOf(Token t) {
        return t instanceof DtsToken d ? d.pos() : new SourcePos("<input>", t.getLine(), t.getCharPositionInLine() + 1);
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
