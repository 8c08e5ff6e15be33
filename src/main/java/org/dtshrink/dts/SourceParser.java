package org.dtshrink.dts;

import static org.dtshrink.dts.grammar.DtsLexer.AMP;
import static org.dtshrink.dts.grammar.DtsLexer.AND;
import static org.dtshrink.dts.grammar.DtsLexer.ASSIGN;
import static org.dtshrink.dts.grammar.DtsLexer.BANG;
import static org.dtshrink.dts.grammar.DtsLexer.BITS;
import static org.dtshrink.dts.grammar.DtsLexer.BYTE;
import static org.dtshrink.dts.grammar.DtsLexer.CARET;
import static org.dtshrink.dts.grammar.DtsLexer.CHAR_LITERAL;
import static org.dtshrink.dts.grammar.DtsLexer.COLON;
import static org.dtshrink.dts.grammar.DtsLexer.COMMA;
import static org.dtshrink.dts.grammar.DtsLexer.DEL_NODE;
import static org.dtshrink.dts.grammar.DtsLexer.DEL_PROP;
import static org.dtshrink.dts.grammar.DtsLexer.EQ;
import static org.dtshrink.dts.grammar.DtsLexer.GE;
import static org.dtshrink.dts.grammar.DtsLexer.GT;
import static org.dtshrink.dts.grammar.DtsLexer.INCBIN;
import static org.dtshrink.dts.grammar.DtsLexer.LABEL;
import static org.dtshrink.dts.grammar.DtsLexer.LABEL_REF;
import static org.dtshrink.dts.grammar.DtsLexer.LBRACE;
import static org.dtshrink.dts.grammar.DtsLexer.LBRACK;
import static org.dtshrink.dts.grammar.DtsLexer.LE;
import static org.dtshrink.dts.grammar.DtsLexer.LITERAL;
import static org.dtshrink.dts.grammar.DtsLexer.LPAREN;
import static org.dtshrink.dts.grammar.DtsLexer.LSHIFT;
import static org.dtshrink.dts.grammar.DtsLexer.LT;
import static org.dtshrink.dts.grammar.DtsLexer.MEMRESERVE;
import static org.dtshrink.dts.grammar.DtsLexer.MINUS;
import static org.dtshrink.dts.grammar.DtsLexer.NE;
import static org.dtshrink.dts.grammar.DtsLexer.OMIT_NO_REF;
import static org.dtshrink.dts.grammar.DtsLexer.OR;
import static org.dtshrink.dts.grammar.DtsLexer.PATH_REF;
import static org.dtshrink.dts.grammar.DtsLexer.PERCENT;
import static org.dtshrink.dts.grammar.DtsLexer.PIPE;
import static org.dtshrink.dts.grammar.DtsLexer.PLUGIN;
import static org.dtshrink.dts.grammar.DtsLexer.PLUS;
import static org.dtshrink.dts.grammar.DtsLexer.PROPNODENAME;
import static org.dtshrink.dts.grammar.DtsLexer.QUESTION;
import static org.dtshrink.dts.grammar.DtsLexer.RBRACE;
import static org.dtshrink.dts.grammar.DtsLexer.RBRACK;
import static org.dtshrink.dts.grammar.DtsLexer.RPAREN;
import static org.dtshrink.dts.grammar.DtsLexer.RSHIFT;
import static org.dtshrink.dts.grammar.DtsLexer.SEMI;
import static org.dtshrink.dts.grammar.DtsLexer.SLASH;
import static org.dtshrink.dts.grammar.DtsLexer.STAR;
import static org.dtshrink.dts.grammar.DtsLexer.STRING;
import static org.dtshrink.dts.grammar.DtsLexer.TILDE;
import static org.dtshrink.dts.grammar.DtsLexer.V1;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsParser;

/**
 * A recursive-descent parser of device-tree source, the fast path: it reads grammar/.../DtsParser.g4, which stays
 * the specification, by hand, and calls the builders ({@link DtsParser.Tree}, {@link DtsParser.Values}) with the
 * same tokens, in the same order, as the generated parser's actions. It reports no syntax error itself: at the
 * first token the grammar does not accept it throws {@link SyntaxError}, and {@link DtsReader} parses the text
 * again with the generated parser, whose message users see. The differential test holds the two to the same
 * outcome on every input.
 *
 * <p>Errors other than syntax errors must come in the generated parser's order, so tokens are fetched as its
 * unbuffered stream fetches them: one token of look-ahead always loaded, the next fetched as soon as one is
 * consumed. Only the look-ahead's type is kept; a token object is made just for the tokens a builder is given
 * (names, labels, literals, the ';' that ends an item), not for the punctuation between them. Where the generated parser's prediction looks further (the labels before a property or a subnode, or
 * before a reserve entry or a labelled reference at the top), no action runs between the decision and the tokens
 * it looked at, so reading those tokens one by one and deciding after them fetches the same tokens between the
 * same actions. Every token still passes the token source's {@link NestingGuard}, which bounds the recursion here.
 */
final class SourceParser {

    /** The source is not in the grammar's language, at the look-ahead token. No stack trace: it is expected. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(int type) {
            super("syntax error at a token of type " + type, null, false, false);
        }
    }

    /** Precedence of each binary operator, as ANTLR numbers the alternatives of expr; 0 for none. */
    private static final int[] PRECEDENCE = new int[64];
    /** A prefix operator's operand is read at this precedence: unary operators bind tightest. */
    private static final int UNARY = 12;
    private static final int TERNARY = 1;

    static {
        for (int op : new int[] {STAR, SLASH, PERCENT}) {
            PRECEDENCE[op] = 11;
        }
        PRECEDENCE[PLUS] = 10;
        PRECEDENCE[MINUS] = 10;
        PRECEDENCE[LSHIFT] = 9;
        PRECEDENCE[RSHIFT] = 9;
        for (int op : new int[] {LT, GT, LE, GE}) {
            PRECEDENCE[op] = 8;
        }
        PRECEDENCE[EQ] = 7;
        PRECEDENCE[NE] = 7;
        PRECEDENCE[AMP] = 6;
        PRECEDENCE[CARET] = 5;
        PRECEDENCE[PIPE] = 4;
        PRECEDENCE[AND] = 3;
        PRECEDENCE[OR] = 2;
        PRECEDENCE[QUESTION] = TERNARY;
    }

    private final IncludingTokenSource tokens;
    private final DtsParser.Tree tree;
    private final DtsParser.Values values;
    /** The type of the look-ahead token, always loaded; the token object is made only when a builder needs it. */
    private int la;

    /** Loads the first token at once, as the generated parser's token stream does when it is made. */
    SourceParser(IncludingTokenSource tokens, DtsParser.Tree tree, DtsParser.Values values) {
        this.tokens = tokens;
        this.tree = tree;
        this.values = values;
        this.la = tokens.advance();
    }

    // ---- tokens ----

    /** Consumes the look-ahead token, which no builder is given. */
    private void skip() {
        if (la != Token.EOF) {
            la = tokens.advance();
        }
    }

    /** Consumes the look-ahead token and returns it, for a builder. */
    private Token take() {
        Token t = tokens.token();
        skip();
        return t;
    }

    private void skip(int type) {
        if (la != type) {
            throw unexpected();
        }
        skip();
    }

    private Token take(int type) {
        if (la != type) {
            throw unexpected();
        }
        return take();
    }

    private SyntaxError unexpected() {
        return new SyntaxError(la);
    }

    /** The labels at the look-ahead, consumed; a list only when there is one, since most items have none. */
    private List<Token> labels() {
        if (la != LABEL) {
            return List.of();
        }
        List<Token> ls = new ArrayList<>(2);
        do {
            ls.add(take());
        } while (la == LABEL);
        return ls;
    }

    // ---- sourceFile : header+ memreserve* topItem+ EOF ----

    void sourceFile() {
        do {
            header();
        } while (la == V1);
        // A reserve entry and a top item may both begin with labels; after them MEMRESERVE decides.
        List<Token> ls = labels();
        while (la == MEMRESERVE) {
            memreserve(ls);
            ls = labels();
        }
        topItem(ls);
        while (la != Token.EOF) {
            // a top item has one label at most: a second one is the error, read no further
            topItem(la == LABEL ? List.of(take()) : List.of());
        }
    }

    private void header() {
        Token v = take(V1);
        skip(SEMI);
        boolean plugin = false;
        if (la == PLUGIN) {
            skip();
            skip(SEMI);
            plugin = true;
        }
        tree.header(v, plugin);
    }

    private void memreserve(List<Token> ls) {
        skip();
        long a = integerPrim();
        long b = integerPrim();
        skip(SEMI);
        tree.memreserve(ls, a, b);
    }

    /** One top item, its labels (at most one, before a reference) already read. */
    private void topItem(List<Token> ls) {
        if (la == LABEL_REF || la == PATH_REF) {
            if (ls.size() > 1) {
                throw unexpected();
            }
            Token r = take();
            nodeBody();
            tree.refNode(ls.isEmpty() ? null : ls.get(0), r);
            return;
        }
        if (!ls.isEmpty()) {
            throw unexpected();
        }
        if (la == SLASH) {
            skip();
            nodeBody();
            tree.rootNode();
        } else if (la == DEL_NODE) {
            Token start = take();
            Token r = ref();
            skip(SEMI);
            tree.deleteRef(start, r);
        } else if (la == OMIT_NO_REF) {
            Token start = take();
            Token r = ref();
            skip(SEMI);
            tree.omitRef(start, r);
        } else {
            throw unexpected();
        }
    }

    private Token ref() {
        if (la != LABEL_REF && la != PATH_REF) {
            throw unexpected();
        }
        return take();
    }

    // ---- node bodies ----

    private void nodeBody() {
        Token lb = take(LBRACE);
        tree.openNode(lb);
        while (la != RBRACE) {
            item();
        }
        skip();
        Token s = take(SEMI);
        tree.closeNode(s);
    }

    /**
     * A property or a subnode. Labels and /omit-if-no-ref/ come first in both (the latter only in a subnode); the
     * token after them decides, or after the name when it is one: '=' or ';' a property, '{' a subnode.
     */
    private void item() {
        List<Token> ls = List.of();
        boolean omit = false;
        while (true) {
            if (la == LABEL) {
                if (ls.isEmpty()) {
                    ls = new ArrayList<>(2);
                }
                ls.add(take());
            } else if (la == OMIT_NO_REF) {
                skip();
                omit = true;
            } else {
                break;
            }
        }
        if (la == PROPNODENAME) {
            Token n = take();
            if (la == LBRACE) {
                nodeBody();
                tree.childNode(ls, omit, n);
                return;
            }
            if (omit || (la != ASSIGN && la != SEMI)) {
                throw unexpected();
            }
            boolean assigned = la == ASSIGN;
            if (assigned) {
                skip();
                propdata();
            }
            Token s = take(SEMI);
            // the grammar's $start: the first label, else the name
            tree.property(ls.isEmpty() ? n : ls.get(0), ls, n, s, assigned, false);
        } else if (la == DEL_PROP && !omit) {
            Token del = take();
            Token n = take(PROPNODENAME);
            Token s = take(SEMI);
            tree.property(ls.isEmpty() ? del : ls.get(0), ls, n, s, false, true);
        } else if (la == DEL_NODE) {
            Token d = take();
            Token n = take(PROPNODENAME);
            Token s = take(SEMI);
            tree.deleteChild(ls, omit, d, n, s);
        } else {
            throw unexpected();
        }
    }

    // ---- values ----

    private void propdata() {
        values.start();
        valueLabels();
        piece();
        valueLabels();
        while (la == COMMA) {
            skip();
            valueLabels();
            piece();
            valueLabels();
        }
    }

    private void valueLabels() {
        while (la == LABEL) {
            values.label(take());
        }
    }

    private void piece() {
        switch (la) {
            case STRING:
                values.string(take());
                break;
            case BITS:
            case LT:
                cells();
                break;
            case LBRACK:
                skip();
                values.bytes();
                while (true) {
                    if (la == BYTE) {
                        values.byteValue(take());
                    } else if (la == LABEL) {
                        values.label(take());
                    } else {
                        break;
                    }
                }
                skip(RBRACK);
                break;
            case LABEL_REF:
            case PATH_REF:
                values.pathRef(take());
                break;
            case INCBIN:
                skip();
                skip(LPAREN);
                values.incbinName(take(STRING));
                if (la == COMMA) {
                    skip();
                    long offset = integerPrim();
                    skip(COMMA);
                    long length = integerPrim();
                    values.incbinRange(offset, length);
                }
                skip(RPAREN);
                values.incbinEnd();
                break;
            default:
                throw unexpected();
        }
    }

    /** {@code (/bits/ LITERAL)? '<' (label | integer | reference)* '>'}. */
    private void cells() {
        Token bits = null;
        if (la == BITS) {
            skip();
            bits = take(LITERAL);
        }
        skip(LT);
        values.array(bits);
        while (true) {
            switch (la) {
                case LABEL:
                    values.label(take());
                    break;
                case LITERAL: {
                    Token t = take();
                    values.cell(values.literal(t), t, t);
                    break;
                }
                case CHAR_LITERAL: {
                    Token t = take();
                    values.cell(values.character(t), t, t);
                    break;
                }
                case LPAREN: {
                    // an integerPrim in parentheses: the cell spans them
                    Token first = take();
                    long v = expr(0);
                    Token last = take(RPAREN);
                    values.cell(v, first, last);
                    break;
                }
                case LABEL_REF:
                case PATH_REF:
                    values.cellRef(take());
                    break;
                case GT:
                    skip();
                    return;
                default:
                    throw unexpected();
            }
        }
    }

    // ---- integers and expressions ----

    private long integerPrim() {
        switch (la) {
            case LITERAL:
                return values.literal(take());
            case CHAR_LITERAL:
                return values.character(take());
            case LPAREN: {
                skip();
                long v = expr(0);
                skip(RPAREN);
                return v;
            }
            default:
                throw unexpected();
        }
    }

    /**
     * Precedence climbing, as ANTLR's rewrite of the left-recursive expr rule: the operators of precedence at least
     * {@code min} are taken here; the right operand of a left-associative operator is read at one more, the
     * false branch of the right-associative {@code ?:} at its own, its middle as a whole expression. Both branches
     * are read, and so evaluated, as the generated parser's actions do. {@code start} is the first token of this
     * invocation, prefix operator included, which ANTLR passes on to every operation it builds here.
     */
    private long expr(int min) {
        // the first token is made now, while it is the look-ahead, as only an operation below can need it
        Token start = tokens.token();
        long v;
        switch (la) {
            case LITERAL:
            case CHAR_LITERAL:
            case LPAREN:
                v = integerPrim();
                break;
            case MINUS:
            case TILDE:
            case BANG: {
                Token op = take();
                long x = expr(UNARY);
                v = values.unary(op, x);
                break;
            }
            default:
                throw unexpected();
        }
        while (true) {
            int prec = la >= 0 && la < PRECEDENCE.length ? PRECEDENCE[la] : 0;
            if (prec == 0 || prec < min) {
                return v;
            }
            if (prec == TERNARY) {
                skip();
                long t = expr(0);
                skip(COLON);
                long f = expr(TERNARY);
                v = v != 0 ? t : f;
            } else {
                Token op = take();
                long y = expr(prec + 1);
                v = values.binary(start, op, v, y);
            }
        }
    }
}
