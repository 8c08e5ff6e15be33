package org.dtshrink.cpp;

/**
 * One preprocessing token, with the whitespace and expansion flags GNU cpp keeps on its tokens. The flags decide the
 * spacing of the output, so they follow libcpp's meaning: {@link #PREV_WHITE} means white space (or a comment) came
 * before the token, {@link #BOL} that it is the first token of a source line.
 */
public final class CppToken {

    public enum Kind {
        NAME, NUMBER, CHAR, STRING, HEADER, PUNCT, HASH, PASTE, OTHER, MACRO_ARG, PADDING, EOF
    }

    static final int PREV_WHITE = 1;
    static final int BOL = 2;
    /** A name that must never be expanded again (it named a macro while that macro was being expanded). */
    static final int NO_EXPAND = 4;
    /** In a macro body: this token is the left operand of {@code ##}. */
    static final int PASTE_LEFT = 8;
    /** In a macro body: this parameter is the operand of {@code #}. */
    static final int STRINGIFY = 16;
    /** Comes from a macro's replacement list (not from the source text or an argument). */
    static final int BODY = 32;

    final Kind kind;
    final String text;
    final int flags;
    final String file;
    final int line;
    final int column;
    /** For {@link Kind#PADDING}: the token whose leading white space the padding stands for, or null. */
    final CppToken source;
    /** For {@link Kind#MACRO_ARG}: the index of the parameter. */
    final int argIndex;

    CppToken(Kind kind, String text, int flags, String file, int line, int column, CppToken source, int argIndex) {
        this.kind = kind;
        this.text = text;
        this.flags = flags;
        this.file = file;
        this.line = line;
        this.column = column;
        this.source = source;
        this.argIndex = argIndex;
    }

    CppToken(Kind kind, String text, int flags, String file, int line, int column) {
        this(kind, text, flags, file, line, column, null, -1);
    }

    static CppToken padding(CppToken source) {
        return new CppToken(Kind.PADDING, "", 0, null, 0, 0, source, -1);
    }

    public Kind kind() {
        return kind;
    }

    /** The token's spelling, as in the source. */
    public String text() {
        return text;
    }

    public int line() {
        return line;
    }

    /** Whether the token is the first of its source line. */
    public boolean firstOnLine() {
        return has(BOL);
    }

    /** Whether white space or a comment came right before the token. */
    public boolean afterWhiteSpace() {
        return has(PREV_WHITE);
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean is(String punct) {
        return (kind == Kind.PUNCT || kind == Kind.HASH || kind == Kind.PASTE) && text.equals(punct);
    }

    CppToken withFlags(int newFlags) {
        return newFlags == flags ? this : new CppToken(kind, text, newFlags, file, line, column, source, argIndex);
    }

    CppToken asArg(int index) {
        return new CppToken(Kind.MACRO_ARG, text, flags, file, line, column, null, index);
    }

    @Override
    public String toString() {
        return kind + "'" + text + "'";
    }
}
