package org.dtshrink.scan;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.dtshrink.cpp.CppLexer;
import org.dtshrink.cpp.CppToken;
import org.dtshrink.tree.DtException;

/**
 * A C file as the scanner reads it, on top of the preprocessor's lexer: identifiers, string literals (escapes
 * decoded, adjacent literals joined as the compiler joins them), punctuation one character at a time, and everything
 * else (numbers, character constants) as OTHER. Comments go; preprocessor lines stay as tokens, except that an
 * {@code #include} line becomes one INCLUDE token holding its name. Lines are kept for messages. Kernel sources are
 * not always valid C to the end (an unterminated comment in a file no configuration builds): the tokens up to the
 * first such place are the file.
 */
final class CSourceTokens {

    enum Type { IDENT, STRING, PUNCT, OTHER, INCLUDE }

    record Token(Type type, String text, int line) {
        boolean is(String punct) {
            return type == Type.PUNCT && text.equals(punct);
        }
    }

    /** Encoding prefixes that belong to the string literal they touch ({@code L"x"} is one token already). */
    private static final Set<String> PREFIXES = Set.of("u", "U", "u8");

    private final CppLexer lexer;
    private final List<Token> out = new ArrayList<>();

    private CSourceTokens(String src) {
        this.lexer = new CppLexer("", src);
    }

    static List<Token> lex(String src) {
        return new CSourceTokens(src).run();
    }

    private List<Token> run() {
        CppToken t = next();
        while (t != null) {
            t = token(t);
        }
        return out;
    }

    /** The next token, or null at the end (or where the lexer gives up). */
    private CppToken next() {
        try {
            CppToken t = lexer.next();
            return t.kind() == CppToken.Kind.EOF ? null : t;
        } catch (DtException e) {
            return null;
        }
    }

    /** Adds what {@code t} stands for; returns the token after it. */
    private CppToken token(CppToken t) {
        String text = t.text();
        switch (t.kind()) {
            case HASH:
                if (t.firstOnLine()) {
                    return directive(t);
                }
                punctuation(t);
                return next();
            case NAME:
                if (PREFIXES.contains(text)) {
                    CppToken n = next();
                    if (n != null && !n.afterWhiteSpace() && isString(n)) {
                        return string(n);
                    }
                    out.add(new Token(Type.IDENT, text, t.line()));
                    return n;
                }
                if (isAscii(text)) {
                    out.add(new Token(Type.IDENT, text, t.line()));
                } else {
                    runs(t);
                }
                return next();
            case STRING:
                return string(t);
            case CHAR:
                if (text.startsWith("L")) {
                    // only a string takes the prefix with it
                    out.add(new Token(Type.IDENT, "L", t.line()));
                }
                out.add(new Token(Type.OTHER, "'", t.line()));
                return next();
            case NUMBER:
                runs(t);
                return next();
            case OTHER:
                if (isString(t)) {
                    return string(t);
                }
                if (text.startsWith("'") || text.startsWith("L'")) {
                    out.add(new Token(Type.OTHER, "'", t.line()));
                    return next();
                }
                for (int i = 0; i < text.length(); i++) {
                    if (text.charAt(i) != '\\') {
                        out.add(new Token(Type.PUNCT, String.valueOf(text.charAt(i)), t.line()));
                    }
                }
                return next();
            default:
                punctuation(t);
                return next();
        }
    }

    /** A '#' opening a line: an include becomes one token and its line goes; any other directive stays tokens. */
    private CppToken directive(CppToken hash) {
        CppToken name = next();
        if (name == null || name.firstOnLine() || name.kind() != CppToken.Kind.NAME
                || !name.text().startsWith("include")) {
            punctuation(hash);
            return name;
        }
        CppToken rest;
        if (name.text().equals("include")) {
            CppToken header = lexer.headerName();
            if (header != null && header.text().length() > 2) {
                out.add(new Token(Type.INCLUDE, header.text(), hash.line()));
                rest = next();
            } else {
                rest = next();
                if (rest != null && !rest.firstOnLine() && rest.kind() == CppToken.Kind.STRING
                        && rest.text().startsWith("\"") && rest.text().length() > 2) {
                    out.add(new Token(Type.INCLUDE, rest.text(), hash.line()));
                    rest = next();
                }
            }
        } else {
            rest = next();
        }
        while (rest != null && !rest.firstOnLine()) {
            rest = next();
        }
        return rest;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isString(CppToken t) {
        String s = t.text();
        return t.kind() == CppToken.Kind.STRING || t.kind() == CppToken.Kind.OTHER
                && (s.startsWith("\"") || s.startsWith("L\""));
    }

    /** A string literal and the ones right after it, as one STRING token. */
    private CppToken string(CppToken first) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        decode(first, buf);
        CppToken n = next();
        while (n != null && isString(n) && n.text().startsWith("\"")) {
            decode(n, buf);
            n = next();
        }
        out.add(new Token(Type.STRING, buf.toString(StandardCharsets.ISO_8859_1), first.line()));
        return n;
    }

    private void punctuation(CppToken t) {
        String text = t.text();
        for (int i = 0; i < text.length(); i++) {
            out.add(new Token(Type.PUNCT, String.valueOf(text.charAt(i)), t.line()));
        }
    }

    /**
     * A pp-number, or a name with characters beyond ASCII, in the scanner's runs: a number is digits, letters and
     * dots; a name letters, digits and '_'; anything else (an exponent's sign, a '_' after a number) stands alone.
     */
    private void runs(CppToken t) {
        String text = t.text();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i + 1;
            Type type;
            if (Character.isDigit(c)) {
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                    j++;
                }
                type = Type.OTHER;
            } else if (Character.isLetter(c) || c == '_') {
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                type = Type.IDENT;
            } else {
                type = Type.PUNCT;
            }
            out.add(new Token(type, text.substring(i, j), t.line()));
            i = j;
        }
    }

    /**
     * Decodes a literal's contents (after its quote and any prefix, up to its closing quote or, unterminated, the end
     * of its line) into {@code buf}.
     */
    private static void decode(CppToken literal, ByteArrayOutputStream buf) {
        String s = literal.text().startsWith("L") ? literal.text().substring(1) : literal.text();
        int n = literal.kind() == CppToken.Kind.STRING ? s.length() - 1 : s.length();
        int j = 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < n) {
                char e = s.charAt(j + 1);
                j += 2;
                switch (e) {
                    case 'n' -> buf.write('\n');
                    case 't' -> buf.write('\t');
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        int v = e - '0';
                        int k = 0;
                        while (k < 2 && j < n && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                            v = v * 8 + (s.charAt(j++) - '0');
                            k++;
                        }
                        buf.write(v);
                    }
                    case 'x' -> {
                        int v = 0;
                        while (j < n && Character.digit(s.charAt(j), 16) >= 0) {
                            v = v * 16 + Character.digit(s.charAt(j++), 16);
                        }
                        buf.write(v);
                    }
                    default -> buf.write(e);
                }
                continue;
            }
            buf.write(c);
            j++;
        }
    }
}
