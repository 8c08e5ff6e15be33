package org.dtshrink.cpp;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dtshrink.tree.DtException;

/**
 * Macro expansion as libcpp does it, because the output's spacing depends on it: a macro's tokens become a context
 * of the engine's token stream, a function-like macro's arguments are collected, expanded on their own and
 * substituted (with {@code #} and {@code ##}), and built-ins such as {@code __LINE__} get their value here.
 */
final class MacroExpander {

    /** One collected macro argument: its tokens as written, and (lazily) fully macro-expanded. */
    private static final class Arg {
        final List<CppToken> raw = new ArrayList<>();
        List<CppToken> expanded;
        CppToken stringified;
        /** A variadic argument left out entirely: {@code , ## __VA_ARGS__} then drops the comma. */
        boolean omitted;
    }

    /** Marks the end of an argument's tokens while the argument is being macro-expanded on its own. */
    private static final CppToken END_ARG = new CppToken(CppToken.Kind.EOF, "", 0, "", 0, 0);
    /** Arguments are expanded recursively; this bounds the Java stack on hostile nesting such as F(F(F(...))). */
    private static final int MAX_ARG_NESTING = 256;

    private final CppEngine e;
    /** The outermost macro being expanded, and the line of its name. */
    private Macro topMacro;
    private int invocationLine;
    private int counter;
    private int argDepth;

    MacroExpander(CppEngine engine) {
        this.e = engine;
    }

    /** A macro named in the file itself (no expansion open): {@code __LINE__} may report its line. */
    void startOutermost(Macro m, int line) {
        topMacro = m;
        invocationLine = line;
    }

    /** Starts expanding {@code m}; false when a function-like macro's name is not followed by '('. */
    boolean enter(Macro m, CppToken name, int line) {
        if (m.builtin != null) {
            e.pushContext(null, List.of(builtin(m, name, line)));
            return true;
        }
        if (m.functionLike) {
            e.preventExpansion++;
            e.parsingArgs = 1;
            Arg[] args;
            try {
                args = invocation(m, name);
            } finally {
                e.parsingArgs = 0;
                e.preventExpansion--;
            }
            if (args == null) {
                return false;
            }
            if (!m.params.isEmpty()) {
                replaceArgs(m, args, name, line);
            }
        }
        m.disabled = true;
        if (m.params.isEmpty()) {
            e.pushContext(m, m.body, line);
        }
        return true;
    }

    private Arg[] invocation(Macro m, CppToken name) {
        CppToken padding = null;
        CppToken t;
        for (;;) {
            t = e.getToken();
            if (t.kind != CppToken.Kind.PADDING) {
                break;
            }
            if (padding == null || padding.source == null
                    || !padding.source.has(CppToken.PREV_WHITE) && t.source == null) {
                padding = t;
            }
        }
        if (t.is("(")) {
            e.parsingArgs = 2;
            return collectArgs(m, name);
        }
        if (t.kind != CppToken.Kind.EOF || t == END_ARG) {
            e.backup(t);
            if (padding != null) {
                e.pushContext(null, List.of(padding));
            }
        }
        return null;
    }

    private Arg[] collectArgs(Macro m, CppToken name) {
        List<Arg> args = new ArrayList<>();
        int paramCount = m.params.size();
        CppToken t;
        do {
            Arg arg = new Arg();
            args.add(arg);
            int depth = 0;
            for (;;) {
                t = e.getToken();
                if (t.kind == CppToken.Kind.PADDING) {
                    if (arg.raw.isEmpty()) {
                        continue;
                    }
                } else if (t.is("(")) {
                    depth++;
                } else if (t.is(")")) {
                    if (depth-- == 0) {
                        break;
                    }
                } else if (t.is(",")) {
                    if (depth == 0 && !(m.variadic && args.size() == paramCount)) {
                        break;
                    }
                } else if (t.kind == CppToken.Kind.EOF || t.kind == CppToken.Kind.HASH && t.has(CppToken.BOL)) {
                    break;
                }
                arg.raw.add(t);
            }
            while (!arg.raw.isEmpty() && arg.raw.get(arg.raw.size() - 1).kind == CppToken.Kind.PADDING) {
                arg.raw.remove(arg.raw.size() - 1);
            }
        } while (!t.is(")") && t.kind != CppToken.Kind.EOF);
        if (t.kind == CppToken.Kind.EOF) {
            throw DtException.at(CppEngine.pos(name), "unterminated argument list invoking macro \"" + m.name + "\"");
        }
        int argc = args.size();
        if (argc == 1 && paramCount == 0 && args.get(0).raw.isEmpty()) {
            argc = 0;
        }
        if (argc < paramCount) {
            if (argc + 1 == paramCount && m.variadic) {
                args.add(new Arg());
            } else {
                throw DtException.at(CppEngine.pos(t), "macro \"" + m.name + "\" requires " + paramCount
                        + " arguments, but only " + argc + " given");
            }
        } else if (argc > paramCount) {
            throw DtException.at(CppEngine.pos(t), "macro \"" + m.name + "\" passed " + argc
                    + " arguments, but takes just " + paramCount);
        }
        if (m.variadic && (argc < paramCount || argc == 1 && args.get(0).raw.isEmpty())) {
            args.get(paramCount - 1).omitted = true;
        }
        return args.toArray(new Arg[0]);
    }

    /** Substitutes the arguments into the body and opens the result as the macro's context. */
    private void replaceArgs(Macro m, Arg[] args, CppToken name, int line) {
        List<CppToken> body = m.body;
        List<CppToken> result = new ArrayList<>(body.size() + 8);
        for (int i = 0; i < body.size(); i++) {
            CppToken src = body.get(i);
            if (src.kind != CppToken.Kind.MACRO_ARG) {
                result.add(src);
                continue;
            }
            Arg arg = args[src.argIndex];
            boolean afterPaste = i > 0 && body.get(i - 1).has(CppToken.PASTE_LEFT);
            int pasteFlagAt = -1;
            List<CppToken> from;
            if (src.has(CppToken.STRINGIFY)) {
                if (arg.stringified == null) {
                    arg.stringified = stringify(arg.raw, src);
                }
                from = List.of(arg.stringified);
            } else if (src.has(CppToken.PASTE_LEFT)) {
                from = arg.raw;
            } else if (afterPaste) {
                from = arg.raw;
                if (!result.isEmpty()) {
                    int last = result.size() - 1;
                    if (result.get(last).is(",") && m.variadic && src.argIndex == m.params.size() - 1) {
                        if (arg.omitted) {
                            result.remove(last);
                        } else {
                            pasteFlagAt = last;
                        }
                    } else if (arg.raw.isEmpty()) {
                        pasteFlagAt = last;
                    }
                }
            } else {
                if (arg.expanded == null) {
                    arg.expanded = expandArg(arg, name, line);
                }
                from = arg.expanded;
            }
            if (!e.inDirective && i > 0 && !afterPaste) {
                result.add(CppToken.padding(src));
            }
            if (!from.isEmpty()) {
                result.addAll(from);
                if (src.has(CppToken.PASTE_LEFT)) {
                    pasteFlagAt = result.size() - 1;
                }
            }
            if (!e.inDirective && !src.has(CppToken.PASTE_LEFT)) {
                result.add(CppEngine.AVOID_PASTE);
            }
            if (pasteFlagAt >= 0) {
                CppToken p = result.get(pasteFlagAt);
                int flags = (p.flags & ~CppToken.PASTE_LEFT) | (src.flags & CppToken.PASTE_LEFT);
                result.set(pasteFlagAt, p.withFlags(flags));
            }
        }
        e.pushContext(m, result, line);
    }

    /** An argument macro-expanded on its own, as if it were the rest of the file. */
    private List<CppToken> expandArg(Arg arg, CppToken name, int line) {
        if (argDepth >= MAX_ARG_NESTING) {
            throw DtException.at(CppEngine.pos(name), "macro arguments nested more than " + MAX_ARG_NESTING + " deep");
        }
        argDepth++;
        try {
            return expandArgTokens(arg, line);
        } finally {
            argDepth--;
        }
    }

    private List<CppToken> expandArgTokens(Arg arg, int line) {
        List<CppToken> tokens = new ArrayList<>(arg.raw.size() + 1);
        tokens.addAll(arg.raw);
        tokens.add(END_ARG);
        e.pushContext(null, tokens, line);
        List<CppToken> expanded = new ArrayList<>();
        for (;;) {
            CppToken t = e.getToken();
            if (t.kind == CppToken.Kind.EOF) {
                break;
            }
            expanded.add(t);
        }
        e.popContext();
        return expanded;
    }

    /** The {@code #param} string: the argument's spelling, one space where white space was, quotes escaped. */
    private static CppToken stringify(List<CppToken> raw, CppToken at) {
        StringBuilder b = new StringBuilder("\"");
        CppToken source = null;
        for (CppToken t : raw) {
            if (t.kind == CppToken.Kind.PADDING) {
                if (source == null || !source.has(CppToken.PREV_WHITE) && t.source == null) {
                    source = t.source;
                }
                continue;
            }
            if (b.length() > 1) {
                CppToken s = source == null ? t : source;
                if (s.has(CppToken.PREV_WHITE)) {
                    b.append(' ');
                }
            }
            source = null;
            if (t.kind == CppToken.Kind.STRING || t.kind == CppToken.Kind.CHAR) {
                for (int i = 0; i < t.text.length(); i++) {
                    char c = t.text.charAt(i);
                    if (c == '"' || c == '\\') {
                        b.append('\\');
                    }
                    b.append(c);
                }
            } else {
                b.append(t.text);
            }
        }
        int backslashes = 0;
        for (int i = b.length() - 1; i > 0 && b.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        if (backslashes % 2 == 1) {
            b.setLength(b.length() - 1);
        }
        b.append('"');
        return new CppToken(CppToken.Kind.STRING, b.toString(), 0, at.file, at.line, at.column);
    }

    /** {@code a ## b ## c}: glues tokens of the current context; a glue that is not one token stops (as in asm). */
    void pasteAll(CppToken lhs) {
        CppToken rhs;
        do {
            if (e.context.next >= e.context.tokens.size()) {
                break;
            }
            rhs = e.context.tokens.get(e.context.next++);
            if (rhs.kind == CppToken.Kind.PADDING) {
                continue;
            }
            String text = lhs.text + (lhs.is("/") && !rhs.is("=") ? " " : "") + rhs.text;
            CppToken pasted = CppLexer.lexSingle(text, lhs.flags & CppToken.PREV_WHITE, lhs.file, lhs.line,
                    lhs.column);
            if (pasted == null) {
                e.context.next--;
                lhs = lhs.withFlags(lhs.flags & ~CppToken.PASTE_LEFT);
                break;
            }
            lhs = pasted;
        } while (rhs.has(CppToken.PASTE_LEFT));
        e.pushContext(null, List.of(lhs));
    }

    /**
     * A built-in's value. {@code __LINE__} is cpp's: under a function-like outermost macro, the line the token stems
     * from (its own, or its macro's invocation); under an object-like one, the line of that outermost invocation.
     */
    private CppToken builtin(Macro m, CppToken name, int line) {
        String text;
        CppToken.Kind kind = CppToken.Kind.NUMBER;
        switch (m.builtin) {
            case FILE:
                text = "\"" + CppOutput.quote(e.files.frame.lexer.name()) + "\"";
                kind = CppToken.Kind.STRING;
                break;
            case BASE_FILE:
                text = "\"" + CppOutput.quote(e.files.baseFile == null ? "" : e.files.baseFile) + "\"";
                kind = CppToken.Kind.STRING;
                break;
            case LINE:
                text = Integer.toString(e.context == null ? name.line : topMacro.functionLike ? line : invocationLine);
                break;
            case INCLUDE_LEVEL:
                text = Integer.toString(e.files.frame.depth);
                break;
            case COUNTER:
                text = Integer.toString(counter++);
                break;
            case HAS_INCLUDE: case HAS_INCLUDE_NEXT:
                text = hasInclude(name, m.builtin == Macro.Builtin.HAS_INCLUDE_NEXT) ? "1" : "0";
                break;
            case DATE:
                text = "\"" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMM ppd yyyy", Locale.ROOT))
                        + "\"";
                kind = CppToken.Kind.STRING;
                break;
            default:
                text = "\"" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT))
                        + "\"";
                kind = CppToken.Kind.STRING;
                break;
        }
        return new CppToken(kind, text, 0, name.file, name.line, name.column);
    }

    /** {@code __has_include("x")} / {@code (<x>)}, operand macro-expanded as in {@code #include}. */
    private boolean hasInclude(CppToken op, boolean next) {
        if (!e.inDirective) {
            throw DtException.at(CppEngine.pos(op), "\"" + op.text + "\" used outside of preprocessing directive");
        }
        CppToken open = e.nextReal();
        if (!open.is("(")) {
            throw DtException.at(CppEngine.pos(open), "missing '(' before \"" + op.text + "\" operand");
        }
        CppToken header = e.context == null && e.lookahead.isEmpty() ? e.files.frame.lexer.headerName() : null;
        String fname;
        boolean angled = true;
        if (header != null) {
            fname = header.text.substring(1, header.text.length() - 1);
        } else {
            CppToken t = e.nextReal();
            if (t.kind == CppToken.Kind.STRING && t.text.startsWith("\"")) {
                fname = t.text.substring(1, t.text.length() - 1);
                angled = false;
            } else if (t.is("<")) {
                fname = bracketedName();
            } else {
                throw DtException.at(CppEngine.pos(t), "operator \"" + op.text + "\" requires a header-name");
            }
        }
        CppToken close = e.nextReal();
        if (!close.is(")")) {
            throw DtException.at(CppEngine.pos(close), "missing ')' after \"" + op.text + "\" operand");
        }
        return e.files.find(fname, angled, next) != null;
    }

    /** After a macro-expanded '<': the tokens up to '>' spelled together, a space where white space was. */
    String bracketedName() {
        StringBuilder b = new StringBuilder();
        for (CppToken p = e.getToken(); !p.is(">"); p = e.getToken()) {
            if (p.kind == CppToken.Kind.EOF) {
                throw DtException.at(CppEngine.pos(p), "missing terminating > character");
            }
            if (p.kind == CppToken.Kind.PADDING) {
                continue;
            }
            if (p.has(CppToken.PREV_WHITE)) {
                b.append(' ');
            }
            b.append(p.text);
        }
        return b.toString();
    }
}
