package org.dtshrink.cpp;

import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Splits one source file into preprocessing tokens the way GNU cpp does in {@code -x assembler-with-cpp} mode: line
 * splices are removed first, comments become white space, a quote without its closing partner on the same line is a
 * plain one-token rest of line (assembler sources have apostrophes), and {@code $} is not part of a name. The kernel
 * scan reads C sources with it too.
 */
public final class CppLexer {

    /** The name line markers and {@code __FILE__} use; {@code #line} may change it. */
    private String name;
    /** The name the file was opened under. */
    private final String fileName;
    private final char[] buf;
    /** Physical line and byte column of each character of {@link #buf}; index {@code buf.length} is the end. */
    private final int[] lineAt;
    private final int[] colAt;
    private int pos;
    private boolean needLine = true;
    /** Added to physical line numbers after a {@code #line} directive. */
    private int lineDelta;
    private boolean inDirective;

    public CppLexer(String name, String text) {
        this.name = name;
        this.fileName = name;
        int n = text.length();
        char[] out = new char[n];
        int[] lines = new int[n + 1];
        int[] cols = new int[n + 1];
        int len = 0;
        int line = 1;
        int col = 1;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int j = i + 1;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\f')) {
                    j++;
                }
                int eol = newlineLength(text, j);
                if (eol > 0) {
                    i = j + eol;
                    line++;
                    col = 1;
                    continue;
                }
            }
            int eol = newlineLength(text, i);
            if (eol > 0) {
                out[len] = '\n';
                lines[len] = line;
                cols[len++] = col;
                i += eol;
                line++;
                col = 1;
                continue;
            }
            out[len] = c;
            lines[len] = line;
            cols[len++] = col;
            col += utf8Length(c);
            i++;
        }
        lines[len] = len > 0 && out[len - 1] != '\n' ? line + 1 : line;
        cols[len] = 1;
        this.buf = java.util.Arrays.copyOf(out, len);
        this.lineAt = lines;
        this.colAt = cols;
    }

    private static int newlineLength(String text, int i) {
        if (i >= text.length()) {
            return 0;
        }
        char c = text.charAt(i);
        if (c == '\n') {
            return 1;
        }
        if (c == '\r') {
            return i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        return 0;
    }

    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    String name() {
        return name;
    }

    String fileName() {
        return fileName;
    }

    void setDirective(boolean on) {
        inDirective = on;
    }

    /** The presumed line of the next character to be read (the line lexing continues on). */
    int nextLine() {
        return lineAt[pos] + lineDelta;
    }

    /** {@code #line}: the line after the directive gets number {@code line}, and the file may be renamed. */
    void renumber(int line, String newName) {
        lineDelta = line - lineAt[pos];
        if (newName != null) {
            name = newName;
        }
    }

    SourcePos posAt(int offset) {
        return new SourcePos(name, lineAt[offset] + lineDelta, colAt[offset]);
    }

    private CppToken token(CppToken.Kind kind, int start, int end, int flags) {
        return new CppToken(kind, new String(buf, start, end - start), flags, name, lineAt[start] + lineDelta,
                colAt[start]);
    }

    /** The next token of ordinary text: the file read as C, directives included, comments gone. */
    public CppToken next() {
        return next(false);
    }

    /**
     * The next token. Outside a directive, newlines are white space and the first token of a line carries BOL (and,
     * while a macro's arguments are being collected, PREV_WHITE as cpp does). In a directive the end of the line
     * is an EOF token.
     */
    CppToken next(boolean collectingArgs) {
        int flags = 0;
        if (needLine) {
            if (inDirective || pos >= buf.length) {
                return eof();
            }
            needLine = false;
            flags = CppToken.BOL | (collectingArgs ? CppToken.PREV_WHITE : 0);
        }
        for (;;) {
            if (pos >= buf.length) {
                needLine = true;
                return eof();
            }
            char c = buf[pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == 0x0b || c == 0) {
                pos++;
                flags |= CppToken.PREV_WHITE;
            } else if (c == '/' && pos + 1 < buf.length && buf[pos + 1] == '*') {
                skipBlockComment();
                flags |= CppToken.PREV_WHITE;
            } else if (c == '/' && pos + 1 < buf.length && buf[pos + 1] == '/') {
                while (pos < buf.length && buf[pos] != '\n') {
                    pos++;
                }
                flags |= CppToken.PREV_WHITE;
            } else if (c == '\n') {
                if (inDirective) {
                    CppToken t = eof();
                    pos++;
                    needLine = true;
                    return t;
                }
                pos++;
                if (pos >= buf.length) {
                    needLine = true;
                    return eof();
                }
                flags = CppToken.BOL | (collectingArgs ? CppToken.PREV_WHITE : 0);
            } else {
                return lexToken(flags);
            }
        }
    }

    private CppToken eof() {
        return new CppToken(CppToken.Kind.EOF, "", 0, name, lineAt[pos] + lineDelta, colAt[pos]);
    }

    private void skipBlockComment() {
        int start = pos;
        pos += 2;
        while (pos + 1 < buf.length && !(buf[pos] == '*' && buf[pos + 1] == '/')) {
            pos++;
        }
        if (pos + 1 >= buf.length) {
            pos = buf.length;
            throw DtException.at(posAt(start), "unterminated comment");
        }
        pos += 2;
    }

    /** In {@code #include}: a {@code <...>} header name, or null when the directive does not continue with one. */
    public CppToken headerName() {
        int flags = 0;
        for (;;) {
            if (pos >= buf.length || needLine) {
                return null;
            }
            char c = buf[pos];
            if (c == ' ' || c == '\t' || c == '\f' || c == 0x0b || c == 0) {
                pos++;
                flags = CppToken.PREV_WHITE;
            } else if (c == '/' && pos + 1 < buf.length && buf[pos + 1] == '*') {
                skipBlockComment();
                flags = CppToken.PREV_WHITE;
            } else {
                break;
            }
        }
        if (buf[pos] != '<') {
            return null;
        }
        int end = pos + 1;
        while (end < buf.length && buf[end] != '>' && buf[end] != '\n') {
            end++;
        }
        if (end >= buf.length || buf[end] != '>') {
            return null;
        }
        CppToken t = token(CppToken.Kind.HEADER, pos, end + 1, flags);
        pos = end + 1;
        return t;
    }

    static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    static boolean isNameChar(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    private static final String[] PUNCT3 = {"<<=", ">>=", "..."};
    private static final String[] PUNCT2 = {"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=",
        "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##"};
    private static final String PUNCT1 = "[](){}.&*+-~!/%<>^|?:;=,#";

    private CppToken lexToken(int flags) {
        int start = pos;
        char c = buf[pos];
        if (c == 'L' && pos + 1 < buf.length && (buf[pos + 1] == '"' || buf[pos + 1] == '\'')) {
            pos++;
            return lexQuoted(start, flags);
        }
        if (isNameStart(c)) {
            while (pos < buf.length && isNameChar(buf[pos])) {
                pos++;
            }
            return token(CppToken.Kind.NAME, start, pos, flags);
        }
        if (c >= '0' && c <= '9' || c == '.' && pos + 1 < buf.length && buf[pos + 1] >= '0' && buf[pos + 1] <= '9') {
            pos = numberEnd(buf, pos, buf.length);
            return token(CppToken.Kind.NUMBER, start, pos, flags);
        }
        if (c == '"' || c == '\'') {
            return lexQuoted(start, flags);
        }
        for (String p : PUNCT3) {
            if (matches(p)) {
                pos += 3;
                return token(CppToken.Kind.PUNCT, start, pos, flags);
            }
        }
        for (String p : PUNCT2) {
            if (matches(p)) {
                pos += 2;
                return token(p.equals("##") ? CppToken.Kind.PASTE : CppToken.Kind.PUNCT, start, pos, flags);
            }
        }
        pos++;
        if (c == '#') {
            return token(CppToken.Kind.HASH, start, pos, flags);
        }
        if (PUNCT1.indexOf(c) >= 0) {
            return token(CppToken.Kind.PUNCT, start, pos, flags);
        }
        if (Character.isHighSurrogate(c) && pos < buf.length && Character.isLowSurrogate(buf[pos])) {
            pos++;
        }
        return token(CppToken.Kind.OTHER, start, pos, flags);
    }

    /** The end of the pp-number starting at {@code i}: digits, letters, '_', '.', and a sign after e/E/p/P. */
    static int numberEnd(char[] b, int i, int limit) {
        i++;
        while (i < limit) {
            char c = b[i];
            if ((c == '+' || c == '-') && "eEpP".indexOf(b[i - 1]) >= 0) {
                i++;
            } else if (isNameChar(c) || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private boolean matches(String p) {
        if (pos + p.length() > buf.length) {
            return false;
        }
        for (int k = 0; k < p.length(); k++) {
            if (buf[pos + k] != p.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** A string or character constant; unterminated on its line it is an OTHER token up to the end of the line. */
    private CppToken lexQuoted(int start, int flags) {
        char quote = buf[pos++];
        while (pos < buf.length) {
            char c = buf[pos];
            if (c == '\\' && pos + 1 < buf.length && buf[pos + 1] != '\n') {
                pos += 2;
            } else if (c == quote) {
                pos++;
                return token(quote == '"' ? CppToken.Kind.STRING : CppToken.Kind.CHAR, start, pos, flags);
            } else if (c == '\n') {
                break;
            } else {
                pos++;
            }
        }
        return token(CppToken.Kind.OTHER, start, pos, flags);
    }

    /** Lexes {@code text} (the spelling of two pasted tokens) and returns its single token, or null if not one. */
    static CppToken lexSingle(String text, int flags, String file, int line, int column) {
        CppLexer l = new CppLexer(file, text);
        l.needLine = false;
        if (l.buf.length == 0 || l.buf[0] == ' ' || l.buf[0] == '\n') {
            return null;
        }
        CppToken t = l.lexToken(0);
        if (l.pos != l.buf.length || t.kind == CppToken.Kind.OTHER && (t.text.startsWith("\"")
                || t.text.startsWith("'"))) {
            return null;
        }
        return new CppToken(t.kind, t.text, flags, file, line, column);
    }
}
