package org.dtshrink.dts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DtException;

/**
 * Computes integer expressions with dtc's rules: 64-bit unsigned arithmetic, C operator semantics, shifts by 64 or
 * more giving 0, division or modulo by zero an error. Every operand is evaluated, as in dtc's parser, and the walk
 * is iterative so that long operator chains cannot exhaust the stack.
 */
final class ExpressionEvaluator {

    private ExpressionEvaluator() {
    }

    static long evaluate(DtsParser.IntegerPrimContext prim) {
        if (prim instanceof DtsParser.LiteralContext) {
            Token t = prim.getStart();
            return Literals.integer(t.getText(), DtsToken.posOf(t));
        }
        if (!(prim instanceof DtsParser.ParensContext)) {
            return valueOf(prim, Map.of());
        }
        List<ParserRuleContext> order = postOrder(prim);
        Map<ParserRuleContext, Long> values = new IdentityHashMap<>();
        for (ParserRuleContext n : order) {
            values.put(n, valueOf(n, values));
        }
        return values.get(prim);
    }

    private static List<ParserRuleContext> postOrder(ParserRuleContext root) {
        List<ParserRuleContext> out = new ArrayList<>();
        Deque<ParserRuleContext> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            ParserRuleContext n = stack.pop();
            out.add(n);
            for (int i = 0; i < n.getChildCount(); i++) {
                ParseTree c = n.getChild(i);
                if (c instanceof ParserRuleContext p) {
                    stack.push(p);
                }
            }
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static long valueOf(ParserRuleContext n, Map<ParserRuleContext, Long> v) {
        if (n instanceof DtsParser.LiteralContext lit) {
            return Literals.integer(lit.LITERAL().getText(), DtsToken.posOf(lit.LITERAL().getSymbol()));
        }
        if (n instanceof DtsParser.CharLiteralContext ch) {
            return Literals.character(ch.CHAR_LITERAL().getText(), DtsToken.posOf(ch.CHAR_LITERAL().getSymbol()));
        }
        if (n instanceof DtsParser.ParensContext p) {
            return v.get(p.expr());
        }
        if (n instanceof DtsParser.PrimaryContext p) {
            return v.get(p.integerPrim());
        }
        if (n instanceof DtsParser.UnaryContext u) {
            long x = v.get(u.expr());
            switch (u.op.getType()) {
                case DtsLexer.MINUS: return -x;
                case DtsLexer.TILDE: return ~x;
                default: return x == 0 ? 1 : 0;
            }
        }
        if (n instanceof DtsParser.TernaryContext t) {
            return v.get(t.expr(0)) != 0 ? v.get(t.expr(1)) : v.get(t.expr(2));
        }
        if (n instanceof DtsParser.BinaryContext b) {
            return binary(b, v.get(b.expr(0)), v.get(b.expr(1)));
        }
        throw new IllegalStateException("unexpected expression node " + n.getClass().getSimpleName());
    }

    private static long binary(DtsParser.BinaryContext b, long x, long y) {
        switch (b.op.getType()) {
            case DtsLexer.STAR: return x * y;
            case DtsLexer.SLASH:
                zeroCheck(b, y);
                return Long.divideUnsigned(x, y);
            case DtsLexer.PERCENT:
                zeroCheck(b, y);
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
            default: throw new IllegalStateException("unexpected operator " + b.op.getText());
        }
    }

    private static void zeroCheck(DtsParser.BinaryContext b, long divisor) {
        if (divisor == 0) {
            throw DtException.at(DtsToken.posOf(b.getStart()), "Division by zero");
        }
    }
}
