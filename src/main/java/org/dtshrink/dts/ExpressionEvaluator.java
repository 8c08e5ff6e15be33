package org.dtshrink.dts;

import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.tree.DtException;

/**
 * Integer operators with dtc's rules: 64-bit unsigned arithmetic, C operator semantics, shifts by 64 or more giving
 * 0, division or modulo by zero an error. The parser applies them as each operator's rule ends, so every operand
 * is evaluated, left to right and inner first, as in dtc's parser; long operator chains loop in the parser rather
 * than recurse.
 */
final class ExpressionEvaluator {

    private ExpressionEvaluator() {
    }

    static long unary(int op, long x) {
        switch (op) {
            case DtsLexer.MINUS: return -x;
            case DtsLexer.TILDE: return ~x;
            default: return x == 0 ? 1 : 0;
        }
    }

    /** {@code start} is the first token of the whole operation, where a division by zero is reported. */
    static long binary(Token start, int op, long x, long y) {
        switch (op) {
            case DtsLexer.STAR: return x * y;
            case DtsLexer.SLASH:
                zeroCheck(start, y);
                return Long.divideUnsigned(x, y);
            case DtsLexer.PERCENT:
                zeroCheck(start, y);
                return Long.remainderUnsigned(x, y);
            case DtsLexer.PLUS: return x + y;
            case DtsLexer.MINUS: return x - y;
            case DtsLexer.LSHIFT: return Long.compareUnsigned(y, 64) < 0 ? x << y : 0;
            case DtsLexer.RSHIFT: return Long.compareUnsigned(y, 64) < 0 ? x >>> y : 0;
            case DtsLexer.LT: return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
            case DtsLexer.GT: return Long.compareUnsigned(x, y) > 0 ? 1 : 0;
            case DtsLexer.LE: return Long.compareUnsigned(x, y) <= 0 ? 1 : 0;
            case DtsLexer.GE: return Long.compareUnsigned(x, y) >= 0 ? 1 : 0;
            case DtsLexer.EQ: return x == y ? 1 : 0;
            case DtsLexer.NE: return x != y ? 1 : 0;
            case DtsLexer.AMP: return x & y;
            case DtsLexer.CARET: return x ^ y;
            case DtsLexer.PIPE: return x | y;
            case DtsLexer.AND: return (x != 0 && y != 0) ? 1 : 0;
            case DtsLexer.OR: return (x != 0 || y != 0) ? 1 : 0;
            default: throw new IllegalStateException("unexpected operator " + DtsLexer.VOCABULARY.getSymbolicName(op));
        }
    }

    private static void zeroCheck(Token start, long divisor) {
        if (divisor == 0) {
            throw DtException.at(DtsToken.posOf(start), "Division by zero");
        }
    }
}
