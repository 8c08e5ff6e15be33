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
 * consumed. Where the generated parser's prediction looks further (the labels before a property or a subnode, or
 * before a reserve entry or a labelled reference at the top), no action runs between the decision and the tokens
 * it looked at, so reading those tokens one by one and deciding after them fetches the same tokens between the
 * same actions. Every token still passes the token source's {@link NestingGuard}, which bounds the recursion here.
 */
final class SourceParser {

    /** The source is not in the grammar's language, at the look-ahead token. No stack trace: it is expected. */
    static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SyntaxError(Token at) {
            super("syntax error at " + at, null, false, false);
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
    /** The look-ahead token, always loaded. */
    private DtsToken la;
    /** The token consumed last: where an integer ends. */
    private DtsToken last;

    /** Loads the first token at once, as the generated parser's token stream does when it is made. */
    SourceParser(IncludingTokenSource tokens, DtsParser.Tree tree, DtsParser.Values values) {
        this.tokens = tokens;
        this.tree = tree;
        this.values = values;
        this.la = tokens.next();
    }

    // ---- tokens ----

    private DtsToken consume() {
        DtsToken t = la;
        last = t;
        if (t.getType() != Token.EOF) {
            la = tokens.next();
        }
        return t;
    }

    private DtsToken expect(int type) {
        if (la.getType() != type) {
            throw new SyntaxError(la);
        }
        return consume();
    }

    private SyntaxError unexpected() {
        return new SyntaxError(la);
    }

    /** The labels at the look-ahead, consumed; a list only when there is one, since most items have none. */
    private List<Token> labels() {
        if (la.getType() != LABEL) {
            return List.of();
        }
        List<Token> ls = new ArrayList<>(2);
        do {
            ls.add(consume());
        } while (la.getType() == LABEL);
        return ls;
    }

    // ---- sourceFile : header+ memreserve* topItem+ EOF ----

    void sourceFile() {
        do {
            header();
        } while (la.getType() == V1);
        // A reserve entry and a top item may both begin with labels; after them MEMRESERVE decides.
        List<Token> ls = labels();
        while (la.getType() == MEMRESERVE) {
            memreserve(ls);
            ls = labels();
        }
        topItem(ls);
        while (la.getType() != Token.EOF) {
            // a top item has one label at most: a second one is the error, read no further
            topItem(la.getType() == LABEL ? List.of(consume()) : List.of());
        }
    }

    private void header() {
        Token v = expect(V1);
        expect(SEMI);
        boolean plugin = false;
        if (la.getType() == PLUGIN) {
            consume();
            expect(SEMI);
            plugin = true;
        }
        tree.header(v, plugin);
    }

    private void memreserve(List<Token> ls) {
        consume();
        long a = integerPrim();
        long b = integerPrim();
        expect(SEMI);
        tree.memreserve(ls, a, b);
    }

    /** One top item, its labels (at most one, before a reference) already read. */
    private void topItem(List<Token> ls) {
        int type = la.getType();
        if (type == LABEL_REF || type == PATH_REF) {
            if (ls.size() > 1) {
                throw unexpected();
            }
            Token r = consume();
            nodeBody();
            tree.refNode(ls.isEmpty() ? null : ls.get(0), r);
            return;
        }
        if (!ls.isEmpty()) {
            throw unexpected();
        }
        if (type == SLASH) {
            consume();
            nodeBody();
            tree.rootNode();
        } else if (type == DEL_NODE || type == OMIT_NO_REF) {
            Token start = consume();
            Token r = ref();
            expect(SEMI);
            if (type == DEL_NODE) {
                tree.deleteRef(start, r);
            } else {
                tree.omitRef(start, r);
            }
        } else {
            throw unexpected();
        }
    }

    private Token ref() {
        int type = la.getType();
        if (type != LABEL_REF && type != PATH_REF) {
            throw unexpected();
        }
        return consume();
    }

    // ---- node bodies ----

    private void nodeBody() {
        Token lb = expect(LBRACE);
        tree.openNode(lb);
        while (true) {
            int type = la.getType();
            if (type == RBRACE) {
                break;
            }
            item();
        }
        consume();
        Token s = expect(SEMI);
        tree.closeNode(s);
    }

    /**
     * A property or a subnode. Labels and /omit-if-no-ref/ come first in both (the latter only in a subnode); the
     * token after them decides, or after the name when it is one: '=' or ';' a property, '{' a subnode.
     */
    private void item() {
        Token start = la;
        List<Token> ls = List.of();
        boolean omit = false;
        while (true) {
            int type = la.getType();
            if (type == LABEL) {
                if (ls.isEmpty()) {
                    ls = new ArrayList<>(2);
                }
                ls.add(consume());
            } else if (type == OMIT_NO_REF) {
                consume();
                omit = true;
            } else {
                break;
            }
        }
        int type = la.getType();
        if (type == PROPNODENAME) {
            Token n = consume();
            int next = la.getType();
            if (next == LBRACE) {
                nodeBody();
                tree.childNode(ls, omit, n);
                return;
            }
            if (omit || (next != ASSIGN && next != SEMI)) {
                throw unexpected();
            }
            boolean assigned = next == ASSIGN;
            if (assigned) {
                consume();
                propdata();
            }
            Token s = expect(SEMI);
            tree.property(start, ls, n, s, assigned, false);
        } else if (type == DEL_PROP && !omit) {
            consume();
            Token n = expect(PROPNODENAME);
            Token s = expect(SEMI);
            tree.property(start, ls, n, s, false, true);
        } else if (type == DEL_NODE) {
            Token d = consume();
            Token n = expect(PROPNODENAME);
            Token s = expect(SEMI);
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
        while (la.getType() == COMMA) {
            consume();
            valueLabels();
            piece();
            valueLabels();
        }
    }

    private void valueLabels() {
        while (la.getType() == LABEL) {
            values.label(consume());
        }
    }

    private void piece() {
        switch (la.getType()) {
            case STRING:
                values.string(consume());
                break;
            case BITS:
            case LT:
                cells();
                break;
            case LBRACK:
                consume();
                values.bytes();
                while (true) {
                    int type = la.getType();
                    if (type == BYTE) {
                        values.byteValue(consume());
                    } else if (type == LABEL) {
                        values.label(consume());
                    } else {
                        break;
                    }
                }
                expect(RBRACK);
                break;
            case LABEL_REF:
            case PATH_REF:
                values.pathRef(consume());
                break;
            case INCBIN:
                consume();
                expect(LPAREN);
                values.incbinName(expect(STRING));
                if (la.getType() == COMMA) {
                    consume();
                    long offset = integerPrim();
                    expect(COMMA);
                    long length = integerPrim();
                    values.incbinRange(offset, length);
                }
                expect(RPAREN);
                values.incbinEnd();
                break;
            default:
                throw unexpected();
        }
    }

    /** {@code (/bits/ LITERAL)? '<' (label | integer | reference)* '>'}. */
    private void cells() {
        Token bits = null;
        if (la.getType() == BITS) {
            consume();
            bits = expect(LITERAL);
        }
        expect(LT);
        values.array(bits);
        while (true) {
            switch (la.getType()) {
                case LABEL:
                    values.label(consume());
                    break;
                case LITERAL:
                case CHAR_LITERAL:
                case LPAREN: {
                    Token first = la;
                    long v = integerPrim();
                    values.cell(v, first, last);
                    break;
                }
                case LABEL_REF:
                case PATH_REF:
                    values.cellRef(consume());
                    break;
                case GT:
                    consume();
                    return;
                default:
                    throw unexpected();
            }
        }
    }

    // ---- integers and expressions ----

    private long integerPrim() {
        switch (la.getType()) {
            case LITERAL:
                return values.literal(consume());
            case CHAR_LITERAL:
                return values.character(consume());
            case LPAREN: {
                consume();
                long v = expr(0);
                expect(RPAREN);
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
        Token start = la;
        long v;
        switch (start.getType()) {
            case LITERAL:
            case CHAR_LITERAL:
            case LPAREN:
                v = integerPrim();
                break;
            case MINUS:
            case TILDE:
            case BANG: {
                Token op = consume();
                long x = expr(UNARY);
                v = values.unary(op, x);
                break;
            }
            default:
                throw unexpected();
        }
        while (true) {
            int type = la.getType();
            int prec = type < PRECEDENCE.length && type >= 0 ? PRECEDENCE[type] : 0;
            if (prec == 0 || prec < min) {
                return v;
            }
            if (prec == TERNARY) {
                consume();
                long t = expr(0);
                expect(COLON);
                long f = expr(TERNARY);
                v = v != 0 ? t : f;
            } else {
                Token op = consume();
                long y = expr(prec + 1);
                v = values.binary(start, op, v, y);
            }
        }
    }
}
