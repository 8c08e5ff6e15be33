package org.dtshrink.dts;

import java.nio.charset.StandardCharsets;
import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsLexer;

/**
 * The tokens of grammar/.../DtsLexer.g4, found by hand. The grammar stays the specification: the same modes, the
 * same longest match with ties to the earlier rule, the same token types, positions and mode changes, which
 * {@code DtsScannerTest} checks against the generated lexer over the corpus and over random text. ANTLR's lexer
 * spends most of its time per token (simulation state, actions, token factory) rather than per character, and a
 * device tree is mostly short tokens; here a token costs a switch on its first character and a scan of its text.
 *
 * <p>Skipped tokens (white space, comments) are not returned. Line markers and /include/ are, for the token source
 * to act on. After {@link #next}, the token is {@link #start} (inclusive) to {@link #end} (exclusive), at
 * {@link #line} (1-based) and {@link #column} (0-based, counted in characters since the last '\n', as ANTLR does).
 */
final class DtsScanner {

    static final int DEFAULT = DtsLexer.DEFAULT_MODE;
    static final int NAME = DtsLexer.NAME;
    static final int BYTES = DtsLexer.BYTES;

    private static final int SKIP = -2;
    /** Skipped, and its new lines already counted. */
    private static final int SKIP_COUNTED = -3;
    /** Characters of the grammar's PROPNODECHAR_F, PATHCHAR_F (with '/'), LABEL_F and hex digits, as bit flags. */
    private static final byte[] CLASS = new byte[256];
    private static final int PROPNODE = 1;
    private static final int LABEL_START = 2;
    private static final int LABEL_PART = 4;
    private static final int HEX = 8;
    private static final int DIGIT = 16;
    private static final int WS = 32;

    static {
        for (int c = 0; c < 256; c++) {
            int k = 0;
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean digit = c >= '0' && c <= '9';
            if (letter || digit || ",._+*#?@-".indexOf(c) >= 0) {
                k |= PROPNODE;
            }
            if (letter || c == '_') {
                k |= LABEL_START | LABEL_PART;
            }
            if (digit) {
                k |= LABEL_PART | DIGIT;
            }
            if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                k |= HEX;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b) {
                k |= WS;
            }
            CLASS[c] = (byte) k;
        }
    }

    private final String text;
    /** The text as bytes (each character is one, the text being ISO-8859-1), read faster than the string. */
    private final byte[] s;
    private final int n;
    private int pos;
    private int curLine = 1;
    private int lineStart;

    /** The mode the next token is read in: {@link #DEFAULT}, {@link #NAME} or {@link #BYTES}. */
    int mode = DEFAULT;
    int type;
    int start;
    int end;
    int line;
    int column;

    DtsScanner(String text) {
        this.text = text;
        this.s = text.getBytes(StandardCharsets.ISO_8859_1);
        this.n = s.length;
    }

    String text() {
        return text;
    }

    /** The current token's text as the one string {@code names} holds for it. */
    String name(NameTexts names) {
        return names.get(s, start, end);
    }

    /** Reads the next token that is not skipped and returns its type, {@link Token#EOF} at the end. */
    int next() {
        while (true) {
            start = pos;
            line = curLine;
            column = pos - lineStart;
            if (pos >= n) {
                end = pos;
                return type = Token.EOF;
            }
            int t = scan((char) (s[pos] & 0xff));
            if (t == SKIP || t == DtsLexer.STRING || t == DtsLexer.CHAR_LITERAL || t == DtsLexer.LINE_MARKER
                    || t == DtsLexer.INCLUDE) {
                // the only tokens that may hold a new line
                for (int i = pos; i < end; i++) {
                    if (s[i] == '\n') {
                        curLine++;
                        lineStart = i + 1;
                    }
                }
            }
            pos = end;
            if (t != SKIP && t != SKIP_COUNTED) {
                return type = t;
            }
        }
    }

    private int cls(int i) {
        return i < n ? CLASS[s[i] & 0xff] : 0;
    }

    private char at(int i) {
        return i < n ? (char) (s[i] & 0xff) : '\uffff';
    }

    /** The token at {@link #pos}: sets {@link #end} and the mode after it, returns its type or {@link #SKIP}. */
    private int scan(char c) {
        int p = pos;
        switch (c) {
            case ' ': case '\t': case '\n': case '\r': case '\f': case 0x0b: {
                int i = p;
                while (i < n && (CLASS[s[i] & 0xff] & WS) != 0) {
                    if (s[i] == '\n') {
                        curLine++;
                        lineStart = i + 1;
                    }
                    i++;
                }
                end = i;
                return SKIP_COUNTED;
            }
            case '/':
                return slash(p);
            case '#': {
                int e = column == 0 ? lineMarker(p) : -1;
                if (e >= 0) {
                    end = e;
                    return DtsLexer.LINE_MARKER;
                }
                return mode == NAME ? propNodeName(p) : any(p);
            }
            case '"': {
                int e = string(p);
                if (e >= 0) {
                    end = e;
                    return DtsLexer.STRING;
                }
                return any(p);
            }
            case '\'': {
                int e = charLiteral(p);
                if (e >= 0) {
                    end = e;
                    return DtsLexer.CHAR_LITERAL;
                }
                return any(p);
            }
            case '&':
                return ampersand(p);
            case '\\':
                return mode == NAME && (cls(p + 1) & PROPNODE) != 0 ? propNodeName(p) : any(p);
            case '<':
                return pair(p, '<', DtsLexer.LSHIFT, '=', DtsLexer.LE, DtsLexer.LT);
            case '>':
                return pair(p, '>', DtsLexer.RSHIFT, '=', DtsLexer.GE, DtsLexer.GT);
            case '=':
                return pair(p, '=', DtsLexer.EQ, '\0', 0, DtsLexer.ASSIGN);
            case '!':
                return pair(p, '=', DtsLexer.NE, '\0', 0, DtsLexer.BANG);
            case '|':
                return pair(p, '|', DtsLexer.OR, '\0', 0, DtsLexer.PIPE);
            case '[':
                mode = BYTES;
                return one(p, DtsLexer.LBRACK);
            case '{':
                mode = NAME;
                return one(p, DtsLexer.LBRACE);
            case ';':
                mode = NAME;
                return one(p, DtsLexer.SEMI);
            case '}':
                return one(p, DtsLexer.RBRACE);
            case ']':
                if (mode == BYTES) {
                    mode = DEFAULT;
                }
                return one(p, DtsLexer.RBRACK);
            case '(':
                return one(p, DtsLexer.LPAREN);
            case ')':
                return one(p, DtsLexer.RPAREN);
            case '%':
                return one(p, DtsLexer.PERCENT);
            case '^':
                return one(p, DtsLexer.CARET);
            case '~':
                return one(p, DtsLexer.TILDE);
            case ':':
                return one(p, DtsLexer.COLON);
            default:
                return word(p, c);
        }
    }

    /** Letters, digits and the name characters that are also operators: what each mode makes of them. */
    private int word(int p, char c) {
        int k = cls(p);
        if ((k & LABEL_START) != 0) {
            int i = p + 1;
            while ((cls(i) & LABEL_PART) != 0) {
                i++;
            }
            if (at(i) == ':') {
                end = i + 1;
                return DtsLexer.LABEL;
            }
        }
        if (mode == NAME) {
            if ((k & PROPNODE) != 0) {
                return propNodeName(p);
            }
        } else if (mode == BYTES) {
            if ((k & HEX) != 0 && (cls(p + 1) & HEX) != 0) {
                end = p + 2;
                return DtsLexer.BYTE;
            }
        } else if ((k & DIGIT) != 0) {
            return literal(p);
        }
        switch (c) {
            case ',':
                return one(p, DtsLexer.COMMA);
            case '+':
                return one(p, DtsLexer.PLUS);
            case '-':
                return one(p, DtsLexer.MINUS);
            case '*':
                return one(p, DtsLexer.STAR);
            case '?':
                return one(p, DtsLexer.QUESTION);
            default:
                return any(p);
        }
    }

    private int one(int p, int t) {
        end = p + 1;
        return t;
    }

    private int any(int p) {
        end = p + 1;
        return DtsLexer.ANY;
    }

    /** One character, or two when the second is {@code a} or {@code b}. */
    private int pair(int p, char a, int ta, char b, int tb, int single) {
        char d = at(p + 1);
        if (d == a) {
            end = p + 2;
            return ta;
        }
        if (b != '\0' && d == b) {
            end = p + 2;
            return tb;
        }
        end = p + 1;
        return single;
    }

    /** PROPNODENAME: an optional backslash, then name characters; back to the default mode after it. */
    private int propNodeName(int p) {
        int i = s[p] == '\\' ? p + 1 : p;
        while ((cls(i) & PROPNODE) != 0) {
            i++;
        }
        end = i;
        mode = DEFAULT;
        return DtsLexer.PROPNODENAME;
    }

    /** LITERAL: decimal digits, or 0x and hex digits, then an optional U, L, UL, LL or ULL. */
    private int literal(int p) {
        int i;
        if (s[p] == '0' && (at(p + 1) == 'x' || at(p + 1) == 'X') && (cls(p + 2) & HEX) != 0) {
            i = p + 3;
            while ((cls(i) & HEX) != 0) {
                i++;
            }
        } else {
            i = p + 1;
            while ((cls(i) & DIGIT) != 0) {
                i++;
            }
        }
        if (at(i) == 'U') {
            i++;
            if (at(i) == 'L') {
                i++;
                if (at(i) == 'L') {
                    i++;
                }
            }
        } else if (at(i) == 'L') {
            i++;
            if (at(i) == 'L') {
                i++;
            }
        }
        end = i;
        return DtsLexer.LITERAL;
    }

    private int ampersand(int p) {
        char d = at(p + 1);
        if (d == '&') {
            end = p + 2;
            return DtsLexer.AND;
        }
        if (d == '{') {
            int i = p + 2;
            while ((cls(i) & PROPNODE) != 0 || at(i) == '/') {
                i++;
            }
            if (at(i) == '}') {
                end = i + 1;
                return DtsLexer.PATH_REF;
            }
        } else if ((cls(p + 1) & LABEL_START) != 0) {
            int i = p + 2;
            while ((cls(i) & LABEL_PART) != 0) {
                i++;
            }
            end = i;
            return DtsLexer.LABEL_REF;
        }
        end = p + 1;
        return DtsLexer.AMP;
    }

    private static final String[] KEYWORDS = {"/dts-v1/", "/plugin/", "/memreserve/", "/bits/", "/delete-property/",
        "/delete-node/", "/omit-if-no-ref/", "/incbin/"};
    private static final int[] KEYWORD_TYPES = {DtsLexer.V1, DtsLexer.PLUGIN, DtsLexer.MEMRESERVE, DtsLexer.BITS,
        DtsLexer.DEL_PROP, DtsLexer.DEL_NODE, DtsLexer.OMIT_NO_REF, DtsLexer.INCBIN};

    /** What starts with '/': comments, keywords, /include/, else the operator. */
    private int slash(int p) {
        char d = at(p + 1);
        if (d == '*') {
            for (int i = p + 2; i + 1 < n; i++) {
                if (s[i] == '*' && s[i + 1] == '/') {
                    end = i + 2;
                    return SKIP;
                }
            }
        } else if (d == '/') {
            int i = p + 2;
            while (i < n && s[i] != '\n') {
                i++;
            }
            end = i < n ? i + 1 : n;
            return SKIP;
        } else if (startsWith("/include/", p)) {
            int i = p + 9;
            while ((cls(i) & WS) != 0) {
                i++;
            }
            int e = at(i) == '"' ? string(i) : -1;
            if (e >= 0) {
                end = e;
                return DtsLexer.INCLUDE;
            }
        } else {
            for (int k = 0; k < KEYWORDS.length; k++) {
                int t = KEYWORD_TYPES[k];
                if ((t != DtsLexer.INCBIN || mode == DEFAULT) && startsWith(KEYWORDS[k], p)) {
                    end = p + KEYWORDS[k].length();
                    if (t == DtsLexer.V1 || t == DtsLexer.MEMRESERVE || t == DtsLexer.BITS) {
                        mode = DEFAULT;
                    } else if (t == DtsLexer.DEL_PROP || t == DtsLexer.DEL_NODE || t == DtsLexer.OMIT_NO_REF) {
                        mode = NAME;
                    }
                    return t;
                }
            }
        }
        end = p + 1;
        return DtsLexer.SLASH;
    }

    private boolean startsWith(String word, int p) {
        int k = word.length();
        if (p + k > n) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (s[p + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** STRING_F from the quote at {@code p}: the end after the closing quote, or -1 where it does not close. */
    private int string(int p) {
        int i = p + 1;
        while (i < n) {
            byte c = s[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= n || s[i + 1] == '\n') {
                    return -1;
                }
                i += 2;
            } else {
                i++;
            }
        }
        return -1;
    }

    /**
     * CHAR_F, {@code '\'' (~['] | '\\\'')* '\''}: inside, a quote may stand only right after a backslash. The
     * longest match ends at the last quote reached before one that cannot be inside; -1 if none closes it.
     */
    private int charLiteral(int p) {
        int last = -1;
        for (int i = p + 1; i < n; i++) {
            if (s[i] == '\'') {
                last = i + 1;
                if (i - 1 <= p || s[i - 1] != '\\') {
                    break;
                }
            }
        }
        return last;
    }

    /** LINE_MARKER from the '#' at {@code p}: {@code '#' 'line'? [ \t]+ [0-9]+ [ \t]+ STRING_F ([ \t]+ [0-9]+)*}. */
    private int lineMarker(int p) {
        int i = p + 1;
        if (startsWith("line", i)) {
            i += 4;
        }
        int j = blanks(i);
        if (j == i) {
            return -1;
        }
        i = digits(j);
        if (i == j) {
            return -1;
        }
        j = blanks(i);
        if (j == i || at(j) != '"') {
            return -1;
        }
        int e = string(j);
        if (e < 0) {
            return -1;
        }
        while (true) {
            int b = blanks(e);
            int d = digits(b);
            if (b == e || d == b) {
                return e;
            }
            e = d;
        }
    }

    private int blanks(int i) {
        while (at(i) == ' ' || at(i) == '\t') {
            i++;
        }
        return i;
    }

    private int digits(int i) {
        while ((cls(i) & DIGIT) != 0) {
            i++;
        }
        return i;
    }
}
