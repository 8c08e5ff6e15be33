package org.dtshrink.cpp;

import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Evaluates the controlling expression of {@code #if} / {@code #elif} as C does: intmax_t / uintmax_t arithmetic with
 * the usual conversions, C precedence, short-circuit operators whose unevaluated side may divide by zero,
 * {@code defined X} / {@code defined(X)}, and 0 for any name left after macro expansion.
 */
final class CppExpression {

    /** Where the tokens come from: macro-expanded, except right after {@code defined}. */
    interface Tokens {
        CppToken next();

        void preventExpansion(boolean on);

        boolean isDefined(String name);
    }

    /** A value with its C type: signed or unsigned intmax. */
    private record Num(long v, boolean unsigned) {
        boolean isTrue() {
            return v != 0;
        }
    }

    private static final Num ZERO = new Num(0, false);
    private static final Num ONE = new Num(1, false);

    /** Nesting of parentheses, unary operators and '?:' allowed before giving up, to bound recursion. */
    static final int MAX_NESTING = 256;

    private final Tokens tokens;
    private CppToken cur;
    private int nesting;
    /** Tokens read (a {@code defined} operand counts as one), and the last name tested by {@code defined}. */
    private int count;
    private String definedName;

    /** The value, and X when the whole expression was {@code !defined X}: a possible include guard. */
    record Outcome(boolean value, String guard) {
    }

    private CppExpression(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Reads the rest of the directive line and returns whether the expression is non-zero. */
    static boolean evaluate(Tokens tokens, CppToken directive) {
        return evaluateIf(tokens, directive).value();
    }

    static Outcome evaluateIf(Tokens tokens, CppToken directive) {
        CppExpression e = new CppExpression(tokens);
        e.advance();
        CppToken first = e.cur;
        if (e.cur.kind == CppToken.Kind.EOF) {
            throw error(e.cur, "#" + directive.text + " with no expression");
        }
        Num n = e.comma(true, null);
        if (e.cur.kind != CppToken.Kind.EOF) {
            if (e.cur.is(")")) {
                throw error(e.cur, "missing '(' in expression");
            }
            if (e.cur.is(":")) {
                throw error(e.cur, "':' without preceding '?'");
            }
            throw error(e.cur, "missing binary operator before token \"" + e.cur.text + "\"");
        }
        boolean notDefined = first.is("!") && e.count == 3 && e.definedName != null;
        return new Outcome(n.isTrue(), notDefined ? e.definedName : null);
    }

    private void advance() {
        do {
            cur = tokens.next();
        } while (cur.kind == CppToken.Kind.PADDING);
        count++;
    }

    private static DtException error(CppToken t, String what) {
        return DtException.at(new SourcePos(t.file, t.line, t.column), what);
    }

    private Num comma(boolean eval, CppToken leftOf) {
        Num n = conditional(eval, leftOf);
        while (cur.is(",")) {
            CppToken op = cur;
            advance();
            n = conditional(eval, op);
        }
        return n;
    }

    private Num conditional(boolean eval, CppToken leftOf) {
        Num c = binary(0, eval, leftOf);
        if (!cur.is("?")) {
            return c;
        }
        CppToken q = cur;
        nest(q);
        advance();
        Num a = comma(eval && c.isTrue(), q);
        if (!cur.is(":")) {
            throw error(q, "'?' without following ':'");
        }
        CppToken colon = cur;
        advance();
        Num b = conditional(eval && !c.isTrue(), colon);
        nesting--;
        boolean unsigned = a.unsigned || b.unsigned;
        Num r = c.isTrue() ? a : b;
        return new Num(r.v, unsigned);
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}
    };

    private String operatorAt(int level) {
        if (cur.kind != CppToken.Kind.PUNCT) {
            return null;
        }
        for (String op : LEVELS[level]) {
            if (cur.text.equals(op)) {
                return op;
            }
        }
        return null;
    }

    private Num binary(int level, boolean eval, CppToken leftOf) {
        if (level == LEVELS.length) {
            return unary(eval, leftOf);
        }
        Num l = binary(level + 1, eval, leftOf);
        for (String op = operatorAt(level); op != null; op = operatorAt(level)) {
            CppToken opTok = cur;
            advance();
            boolean evalRight = eval && !(op.equals("&&") && !l.isTrue()) && !(op.equals("||") && l.isTrue());
            Num r = binary(level + 1, evalRight, opTok);
            l = apply(opTok, l, r, eval);
        }
        return l;
    }

    private Num apply(CppToken opTok, Num l, Num r, boolean eval) {
        String op = opTok.text;
        boolean u = l.unsigned || r.unsigned;
        long a = l.v;
        long b = r.v;
        switch (op) {
            case "||": return l.isTrue() || r.isTrue() ? ONE : ZERO;
            case "&&": return l.isTrue() && r.isTrue() ? ONE : ZERO;
            case "|": return new Num(a | b, u);
            case "^": return new Num(a ^ b, u);
            case "&": return new Num(a & b, u);
            case "==": return a == b ? ONE : ZERO;
            case "!=": return a != b ? ONE : ZERO;
            case "<": return compare(a, b, u) < 0 ? ONE : ZERO;
            case ">": return compare(a, b, u) > 0 ? ONE : ZERO;
            case "<=": return compare(a, b, u) <= 0 ? ONE : ZERO;
            case ">=": return compare(a, b, u) >= 0 ? ONE : ZERO;
            case "<<": return shift(l, r, true);
            case ">>": return shift(l, r, false);
            case "+": return new Num(a + b, u);
            case "-": return new Num(a - b, u);
            case "*": return new Num(a * b, u);
            default:
                if (b == 0) {
                    if (eval) {
                        throw error(opTok, "division by zero in #if");
                    }
                    return new Num(0, u);
                }
                if (op.equals("/")) {
                    return new Num(u ? Long.divideUnsigned(a, b) : a / b, u);
                }
                return new Num(u ? Long.remainderUnsigned(a, b) : a % b, u);
        }
    }

    private static int compare(long a, long b, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(a, b) : Long.compare(a, b);
    }

    /** The result has the left operand's type; a negative count shifts the other way, as cpp does. */
    private static Num shift(Num l, Num r, boolean left) {
        long n = r.v;
        if (!r.unsigned && n < 0) {
            left = !left;
            n = -n;
        }
        boolean big = r.unsigned ? Long.compareUnsigned(n, 64) >= 0 : n >= 64;
        if (left) {
            return new Num(big ? 0 : l.v << n, l.unsigned);
        }
        if (big) {
            return new Num(!l.unsigned && l.v < 0 ? -1 : 0, l.unsigned);
        }
        return new Num(l.unsigned ? l.v >>> n : l.v >> n, l.unsigned);
    }

    private void nest(CppToken at) {
        if (++nesting > MAX_NESTING) {
            throw error(at, "#if expression nested more than " + MAX_NESTING + " deep");
        }
    }

    private Num unary(boolean eval, CppToken leftOf) {
        nest(cur);
        try {
            return unaryOperand(eval, leftOf);
        } finally {
            nesting--;
        }
    }

    private Num unaryOperand(boolean eval, CppToken leftOf) {
        CppToken t = cur;
        if (t.kind == CppToken.Kind.PUNCT) {
            switch (t.text) {
                case "+": advance(); return unary(eval, t);
                case "-": { advance(); Num n = unary(eval, t); return new Num(-n.v, n.unsigned); }
                case "~": { advance(); Num n = unary(eval, t); return new Num(~n.v, n.unsigned); }
                case "!": { advance(); Num n = unary(eval, t); return n.isTrue() ? ZERO : ONE; }
                default: break;
            }
        }
        return primary(eval, leftOf);
    }

    private Num primary(boolean eval, CppToken leftOf) {
        CppToken t = cur;
        switch (t.kind) {
            case NUMBER:
                advance();
                return number(t);
            case CHAR:
                advance();
                return character(t);
            case NAME:
                if (t.text.equals("defined")) {
                    return defined(t);
                }
                advance();
                return ZERO;
            case EOF:
                throw noOperand(t, leftOf);
            case PUNCT:
                if (t.text.equals("(")) {
                    advance();
                    if (cur.is(")")) {
                        throw error(cur, "missing expression between '(' and ')'");
                    }
                    Num n = comma(eval, t);
                    if (!cur.is(")")) {
                        if (cur.kind == CppToken.Kind.EOF) {
                            throw error(t, "missing ')' in expression");
                        }
                        throw error(cur, "missing binary operator before token \"" + cur.text + "\"");
                    }
                    advance();
                    return n;
                }
                if (isOperator(t.text)) {
                    if (leftOf != null && !leftOf.is("(")) {
                        throw error(t, "operator '" + leftOf.text + "' has no right operand");
                    }
                    throw error(t, "operator '" + t.text + "' has no left operand");
                }
                throw error(t, "token \"" + t.text + "\" is not valid in preprocessor expressions");
            default:
                throw error(t, "token \"" + t.text + "\" is not valid in preprocessor expressions");
        }
    }

    private static DtException noOperand(CppToken t, CppToken leftOf) {
        if (leftOf != null && leftOf.is("(")) {
            return error(leftOf, "missing ')' in expression");
        }
        return error(t, "operator '" + (leftOf == null ? "?" : leftOf.text) + "' has no right operand");
    }

    private static boolean isOperator(String p) {
        switch (p) {
            case "||": case "&&": case "|": case "^": case "&": case "==": case "!=": case "<": case ">": case "<=":
            case ">=": case "<<": case ">>": case "*": case "/": case "%": case "?": case ":": case ",":
                return true;
            default:
                return false;
        }
    }

    private Num defined(CppToken op) {
        tokens.preventExpansion(true);
        try {
            cur = nextReal();
            boolean paren = cur.is("(");
            if (paren) {
                cur = nextReal();
            }
            if (cur.kind != CppToken.Kind.NAME) {
                throw error(cur, "operator \"defined\" requires an identifier");
            }
            boolean d = tokens.isDefined(cur.text);
            definedName = cur.text;
            if (paren) {
                CppToken close = nextReal();
                if (!close.is(")")) {
                    throw error(close, "missing ')' after \"defined\"");
                }
            }
            return d ? ONE : ZERO;
        } finally {
            tokens.preventExpansion(false);
            advance();
        }
    }

    private CppToken nextReal() {
        CppToken t;
        do {
            t = tokens.next();
        } while (t.kind == CppToken.Kind.PADDING);
        return t;
    }

    /** An integer constant: decimal, 0x hex, 0b binary or octal, with an optional u/l/ll suffix. */
    static Num number(CppToken t) {
        String s = t.text;
        int radix = 10;
        int i = 0;
        if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
            radix = 16;
            i = 2;
        } else if (s.length() > 1 && s.charAt(0) == '0' && (s.charAt(1) == 'b' || s.charAt(1) == 'B')) {
            radix = 2;
            i = 2;
        } else if (s.charAt(0) == '0') {
            radix = 8;
        }
        int digitsStart = i;
        while (i < s.length() && Character.digit(s.charAt(i), radix == 8 ? 10 : radix) >= 0) {
            i++;
        }
        String digits = s.substring(digitsStart, i);
        String suffix = s.substring(i);
        if (suffix.indexOf('.') >= 0 || radix != 16 && (suffix.startsWith("e") || suffix.startsWith("E"))
                || radix == 16 && (suffix.startsWith("p") || suffix.startsWith("P"))) {
            throw error(t, "floating constant in preprocessor expression");
        }
        if (!validSuffix(suffix) || digits.isEmpty() && radix != 8) {
            if (digits.isEmpty() && radix != 8) {
                throw error(t, "invalid suffix \"" + s.substring(1) + "\" on integer constant");
            }
            throw error(t, "invalid suffix \"" + suffix + "\" on integer constant");
        }
        boolean unsigned = suffix.indexOf('u') >= 0 || suffix.indexOf('U') >= 0;
        long v = 0;
        boolean overflow = false;
        for (int k = 0; k < digits.length(); k++) {
            int d = Character.digit(digits.charAt(k), radix == 8 ? 10 : radix);
            if (d >= radix) {
                throw error(t, "invalid digit \"" + digits.charAt(k) + "\" in octal constant");
            }
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, radix)) > 0) {
                overflow = true;
            }
            v = v * radix + d;
        }
        if (overflow) {
            throw error(t, "integer constant is too large for its type");
        }
        if (v < 0) {
            unsigned = true;
        }
        return new Num(v, unsigned);
    }

    private static boolean validSuffix(String s) {
        String l = s.toLowerCase(java.util.Locale.ROOT);
        if (s.contains("lL") || s.contains("Ll")) {
            return false;
        }
        switch (l) {
            case "": case "u": case "l": case "ul": case "lu": case "ll": case "ull": case "llu":
                return true;
            default:
                return false;
        }
    }

    /** A character constant: its value as the (signed) int a C compiler on the build machine gives it. */
    static Num character(CppToken t) {
        String s = t.text;
        boolean wide = s.charAt(0) == 'L';
        int i = wide ? 2 : 1;
        int end = s.length() - 1;
        long value = 0;
        int count = 0;
        while (i < end) {
            int c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': c = '\n'; break;
                    case 't': c = '\t'; break;
                    case 'r': c = '\r'; break;
                    case 'a': c = 7; break;
                    case 'b': c = 8; break;
                    case 'f': c = 12; break;
                    case 'v': c = 11; break;
                    case 'e': case 'E': c = 27; break;
                    case 'x': {
                        c = 0;
                        while (i < end && Character.digit(s.charAt(i), 16) >= 0) {
                            c = c * 16 + Character.digit(s.charAt(i++), 16);
                        }
                        break;
                    }
                    default:
                        if (e >= '0' && e <= '7') {
                            c = e - '0';
                            for (int k = 0; k < 2 && i < end && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
                                c = c * 8 + (s.charAt(i++) - '0');
                            }
                        } else {
                            c = e;
                        }
                }
            }
            value = wide ? c : (value << 8) | (c & 0xff);
            count++;
        }
        if (count == 0) {
            throw error(t, "empty character constant");
        }
        if (wide) {
            return new Num((int) value, false);
        }
        if (count == 1) {
            return new Num((byte) value, false);
        }
        return new Num((int) value, false);
    }
}
