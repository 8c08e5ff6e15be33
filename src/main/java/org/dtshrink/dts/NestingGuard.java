package org.dtshrink.dts;

import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsLexer;

/**
 * Rejects input nested deeper than the parser can follow on an ordinary thread stack, before the parser sees it
 * (the token source shows it each token on the way):
 * the parser is recursive, one level per open node and per level of expression nesting. Braces are counted as
 * they come; inside a parenthesised expression every '(' and '?' and every prefix operator adds a level.
 */
final class NestingGuard {

    /**
     * Deepest node nesting accepted; real trees stay below 20. With {@link #MAX_EXPRESSION_DEPTH} this keeps the
     * parser within half of a default 1 MiB thread stack.
     */
    static final int MAX_NODE_DEPTH = 256;
    /** Most nesting levels one expression may use; real expressions stay below 20. */
    static final int MAX_EXPRESSION_DEPTH = 256;

    private int braces;
    private int parens;
    private int expressionLevels;
    private int previousType = Token.INVALID_TYPE;

    /**
     * Null when the next token for the parser, of this type, may come; else the error, which the token source
     * reports at the token. Only the type is needed, so that the parser's token objects can be made on demand.
     */
    String check(int type) {
        String error = null;
        switch (type) {
            case DtsLexer.LBRACE:
                if (++braces > MAX_NODE_DEPTH) {
                    error = "nodes nested too deeply (more than " + MAX_NODE_DEPTH + " levels)";
                }
                break;
            case DtsLexer.RBRACE:
                braces = Math.max(0, braces - 1);
                break;
            case DtsLexer.LPAREN:
                parens++;
                error = deeper();
                break;
            case DtsLexer.RPAREN:
                if (parens > 0 && --parens == 0) {
                    expressionLevels = 0;
                }
                break;
            case DtsLexer.QUESTION:
                if (parens > 0) {
                    error = deeper();
                }
                break;
            case DtsLexer.MINUS:
            case DtsLexer.TILDE:
            case DtsLexer.BANG:
                if (parens > 0 && !endsOperand(previousType)) {
                    error = deeper();
                }
                break;
            default:
                break;
        }
        previousType = type;
        return error;
    }

    private static boolean endsOperand(int type) {
        return type == DtsLexer.LITERAL || type == DtsLexer.CHAR_LITERAL || type == DtsLexer.RPAREN;
    }

    private String deeper() {
        return ++expressionLevels > MAX_EXPRESSION_DEPTH
                ? "expression nested too deeply (more than " + MAX_EXPRESSION_DEPTH + " levels)" : null;
    }
}
