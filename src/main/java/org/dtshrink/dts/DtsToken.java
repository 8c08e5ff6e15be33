package org.dtshrink.dts;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.WritableToken;
import org.dtshrink.tree.SourcePos;

/**
 * A token that knows where it came from after includes and cpp line markers are taken into account. Small, since
 * there is one per token of the input: what all tokens of a stretch of a file share (the text, the file name the
 * line markers gave, the line offset, the directory) is one {@link Origin}; the text and the position are made
 * when first asked for.
 */
final class DtsToken implements WritableToken {

    /**
     * A stretch of a source between line markers: its text, the file and line offset positions are reported under,
     * and the real directory of the file read, where /incbin/ looks first.
     */
    record Origin(String text, String file, int lineDelta, java.nio.file.Path dir) {
    }

    private int type;
    private final int start;
    private final int stop;
    private int line;
    private int column;
    private int index = -1;
    private int channel = DEFAULT_CHANNEL;
    private String text;
    private final Origin origin;
    private SourcePos pos;

    /** A token of the origin's text from {@code start} to {@code end} (exclusive) at {@code line}, {@code column}. */
    DtsToken(int type, int start, int end, int line, int column, Origin origin) {
        this.type = type;
        this.start = start;
        this.stop = end - 1;
        this.line = line;
        this.column = column;
        this.origin = origin;
    }

    @Override
    public String getText() {
        if (text == null) {
            text = type == EOF ? "<EOF>" : origin.text.substring(start, stop + 1);
        }
        return text;
    }

    @Override
    public void setText(String text) {
        this.text = text;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public void setType(int type) {
        this.type = type;
    }

    /** The line in the text read, before line markers. */
    @Override
    public int getLine() {
        return line;
    }

    @Override
    public void setLine(int line) {
        this.line = line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public void setCharPositionInLine(int pos) {
        this.column = pos;
    }

    @Override
    public int getChannel() {
        return channel;
    }

    @Override
    public void setChannel(int channel) {
        this.channel = channel;
    }

    @Override
    public int getTokenIndex() {
        return index;
    }

    @Override
    public void setTokenIndex(int index) {
        this.index = index;
    }

    @Override
    public int getStartIndex() {
        return start;
    }

    @Override
    public int getStopIndex() {
        return stop;
    }

    /** Not kept: the token source behind a token is never asked for. */
    @Override
    public TokenSource getTokenSource() {
        return null;
    }

    /** No ANTLR character stream stands behind these tokens. */
    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String toString() {
        return "[@" + index + "," + start + ":" + stop + "='" + getText() + "',<" + type + ">," + line + ":" + column
                + "]";
    }

    SourcePos pos() {
        if (pos == null) {
            pos = new SourcePos(origin.file, line + origin.lineDelta, column + 1);
        }
        return pos;
    }

    /** The whole text the token is in, from {@link #getStartIndex} to {@link #getStopIndex} (inclusive). */
    String source() {
        return origin.text;
    }

    java.nio.file.Path dir() {
        return origin.dir;
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

    /**
     * From the start of {@code first} to just after {@code end}, a one-character token, as a bison location; made
     * straight from the tokens, as this is asked for every node and property.
     */
    static SourcePos spanToChar(Token first, Token end) {
        if (first instanceof DtsToken a && end instanceof DtsToken b) {
            return new SourcePos(b.origin.file, a.line + a.origin.lineDelta, a.column + 1, b.line + b.origin.lineDelta,
                    b.column + 2);
        }
        SourcePos a = posOf(first);
        SourcePos b = posOf(end);
        return new SourcePos(b.file(), a.line(), a.column(), b.line(), b.column() + 1);
    }

    /** From the start of {@code first} to the end of {@code last}, as a bison location over a rule. */
    static SourcePos span(Token first, Token last) {
        return SourcePos.span(posOf(first), spanOf(last));
    }
}
