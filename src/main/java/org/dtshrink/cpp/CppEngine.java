package org.dtshrink.cpp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * One preprocessing run: the stack of open files, conditional state, directives and macro expansion. Expansion
 * follows libcpp's model closely, because the output's spacing depends on it: expansions are read from a stack of
 * token contexts, a macro is disabled while its own context is open (a name read then is painted NO_EXPAND for
 * good), and PADDING tokens record where white space may be needed between expanded tokens.
 */
final class CppEngine {

    private static final Set<String> DIRECTIVES = Set.of("define", "undef", "include", "include_next", "import",
            "if", "ifdef", "ifndef", "elif", "elifdef", "elifndef", "else", "endif", "line", "error", "warning",
            "pragma", "ident", "sccs", "assert", "unassert");
    private static final Set<String> CONDITIONALS = Set.of("if", "ifdef", "ifndef", "elif", "elifdef", "elifndef",
            "else", "endif");
    private static final CppToken AVOID_PASTE = CppToken.padding(null);

    /** An open source file. */
    private static final class Frame {
        final Frame parent;
        final Path path;
        final CppLexer lexer;
        /** The directory part of the file's name, for {@code #include "..."}; "" for the working directory. */
        final String dirPrefix;
        /** The index of the include directory the file was found in, or -1. */
        final int searchIndex;
        /** How many conditionals were open when the file was entered. */
        final int condBase;
        final int depth;
        /** The key of cpp's file cache: the name as written in the directive and the path it was found at. */
        final String lookupKey;

        Frame(Frame parent, Path path, String lookupKey, CppLexer lexer, String dirPrefix, int searchIndex,
                int condBase) {
            this.parent = parent;
            this.path = path;
            this.lookupKey = lookupKey;
            this.lexer = lexer;
            this.dirPrefix = dirPrefix;
            this.searchIndex = searchIndex;
            this.condBase = condBase;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    /** A list of tokens being read: a macro's expansion (macro non-null) or tokens pushed back for re-reading. */
    private static final class Context {
        final Context prev;
        final Macro macro;
        final List<CppToken> tokens;
        /** The source line the expansion stems from, which {@code __LINE__} may report. */
        final int expansionLine;
        int next;

        Context(Context prev, Macro macro, List<CppToken> tokens, int expansionLine) {
            this.prev = prev;
            this.macro = macro;
            this.tokens = tokens;
            this.expansionLine = expansionLine;
        }
    }

    private static final class Conditional {
        final boolean wasSkipping;
        boolean skipElses;
        String type;
        final CppToken at;
        /** The macro of an {@code #ifndef} that opens a file: a candidate include guard. */
        String guard;

        Conditional(boolean wasSkipping, boolean skipElses, String type, CppToken at, String guard) {
            this.wasSkipping = wasSkipping;
            this.skipElses = skipElses;
            this.type = type;
            this.at = at;
            this.guard = guard;
        }
    }

    /** One collected macro argument: its tokens as written, and (lazily) fully macro-expanded. */
    private static final class Arg {
        final List<CppToken> raw = new ArrayList<>();
        List<CppToken> expanded;
        CppToken stringified;
        /** A variadic argument left out entirely: {@code , ## __VA_ARGS__} then drops the comma. */
        boolean omitted;
    }

    private final IncludeSearch search;
    private final int maxIncludeDepth;
    private final MacroTable macros = new MacroTable();
    private final CppOutput out = new CppOutput();
    private final List<String> warnings = new ArrayList<>();
    /** Files in the order first entered, once per lookup key as {@code cpp -M} lists them. */
    private final List<String> dependencies = new ArrayList<>();
    private final Set<String> enteredKeys = new HashSet<>();
    private final Set<Path> onceOnly = new HashSet<>();
    private final Set<Path> imported = new HashSet<>();
    /**
     * Files wholly inside {@code #ifndef GUARD ... #endif}: cpp does not even enter them again once GUARD is set. Like
     * cpp's file cache this is keyed by the name as written in the directive and the path it was found at, so the
     * same file reached as {@code "x.h"} from its own directory and as {@code <dir/x.h>} counts as two.
     */
    private final Map<String, String> guards = new HashMap<>();
    private final List<Conditional> conditionals = new ArrayList<>();
    private final ArrayDeque<CppToken> lookahead = new ArrayDeque<>();

    private Frame frame;
    private Context context;
    private String baseFile;
    private boolean skipping;
    private boolean inDirective;
    private int preventExpansion;
    /** 0, or 1 while looking for the '(' after a function-like macro's name, 2 while reading its arguments. */
    private int parsingArgs;
    private boolean printing;
    private int lastEolLine;
    /** Set when a directive's end of line is read, wherever that happens. */
    private boolean eolSeen;
    /** The outermost macro being expanded, and the line of its name. */
    private Macro topMacro;
    private int invocationLine;
    private int counter;
    /** Arguments are expanded recursively; this bounds the Java stack on hostile nesting such as F(F(F(...))). */
    private static final int MAX_ARG_NESTING = 256;
    private int argDepth;
    /**
     * cpp's include-guard detection: true while nothing but an opening {@code #ifndef} (or the whole conditional it
     * opened) has been seen in the current file; {@link #guardCandidate} is that conditional's macro once closed.
     */
    private boolean guardValid;
    private String guardCandidate;

    CppEngine(Path workingDirectory, List<String> includeDirs, int maxIncludeDepth) {
        this.search = new IncludeSearch(workingDirectory, includeDirs);
        this.maxIncludeDepth = maxIncludeDepth;
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> dependencies() {
        return new ArrayList<>(dependencies);
    }

    /** Runs directive lines (the built-in and command-line definitions) in the named pseudo file. */
    void runDirectives(String pseudoFile, String text) {
        frame = new Frame(null, null, pseudoFile, new CppLexer(pseudoFile, text), "", -1, 0);
        CppToken t = getToken();
        if (t.kind != CppToken.Kind.EOF) {
            throw DtException.at(pos(t), "'" + t.text + "' is not part of a definition");
        }
        frame = null;
    }

    /** Preprocesses the main file, which cpp calls {@code name}, and returns the output text. */
    String run(String name) {
        Path file = search.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new DtException(name + ": error: file not found");
        }
        String text;
        try {
            text = IncludeSearch.read(file);
        } catch (IOException e) {
            throw unreadable(file, null, e);
        }
        baseFile = name;
        dependencies.add(name);
        frame = new Frame(null, file, name, new CppLexer(name, text), IncludeSearch.dirPrefix(name), -1, 0);
        printing = true;
        guardValid = true;
        out.start(name);
        for (CppToken t = getToken(); t.kind != CppToken.Kind.EOF; t = getToken()) {
            out.token(t);
        }
        return out.finish();
    }

    // ---------------------------------------------------------------- token stream

    static SourcePos pos(CppToken t) {
        return new SourcePos(t.file, t.line, t.column);
    }

    /** The next fully expanded token, with PADDING tokens where the printer must decide about white space. */
    private CppToken getToken() {
        for (;;) {
            CppToken t;
            if (context == null) {
                t = lexBase();
            } else if (context.next < context.tokens.size()) {
                t = context.tokens.get(context.next++);
                if (t.has(CppToken.PASTE_LEFT)) {
                    pasteAll(t);
                    if (inDirective) {
                        continue;
                    }
                    return CppToken.padding(t);
                }
            } else {
                popContext();
                if (inDirective) {
                    continue;
                }
                return AVOID_PASTE;
            }
            if (t.kind != CppToken.Kind.NAME || t.has(CppToken.NO_EXPAND)) {
                return t;
            }
            Macro m = macros.get(t.text);
            if (m == null) {
                return t;
            }
            if (m.disabled) {
                return t.withFlags(t.flags | CppToken.NO_EXPAND);
            }
            if (preventExpansion > 0) {
                return t;
            }
            if (context == null) {
                topMacro = m;
                invocationLine = t.line;
            }
            int line = context != null && t.has(CppToken.BODY) ? context.expansionLine : t.line;
            if (enterMacro(m, t, line)) {
                if (inDirective) {
                    continue;
                }
                return CppToken.padding(t);
            }
            return t;
        }
    }

    private void pushContext(Macro macro, List<CppToken> tokens) {
        pushContext(macro, tokens, context == null ? 0 : context.expansionLine);
    }

    private void pushContext(Macro macro, List<CppToken> tokens, int expansionLine) {
        context = new Context(context, macro, tokens, expansionLine);
    }

    private void popContext() {
        Context c = context;
        if (c.macro != null && (c.prev == null || c.prev.macro != c.macro)) {
            c.macro.disabled = false;
        }
        context = c.prev;
    }

    /** Re-reads {@code t} next: it was the last token read from the current context or file. */
    private void backup(CppToken t) {
        if (context == null) {
            lookahead.push(t);
        } else {
            context.next--;
        }
    }

    private CppToken lexRaw() {
        CppToken t = lookahead.isEmpty() ? frame.lexer.next(parsingArgs == 2) : lookahead.pop();
        if (t.kind == CppToken.Kind.EOF && inDirective) {
            lastEolLine = t.line;
            eolSeen = true;
        }
        return t;
    }

    /** The next token of the current file: runs directives, leaves finished include files, drops skipped text. */
    private CppToken lexBase() {
        for (;;) {
            CppToken t = lexRaw();
            if (t.kind == CppToken.Kind.EOF) {
                if (inDirective || parsingArgs != 0) {
                    return t;
                }
                leaveFile();
                if (frame.parent == null) {
                    return t;
                }
                if (guardValid && guardCandidate != null) {
                    guards.putIfAbsent(frame.lookupKey, guardCandidate);
                }
                guardValid = false;
                Frame parent = frame.parent;
                frame = parent;
                if (printing) {
                    out.leaveFile(parent.lexer.name(), parent.lexer.nextLine());
                }
                continue;
            }
            if (inDirective) {
                return t;
            }
            if (t.has(CppToken.BOL)) {
                if (t.kind == CppToken.Kind.HASH && parsingArgs != 1 && handleDirective(t)) {
                    continue;
                }
                if (!skipping && parsingArgs == 0 && printing) {
                    out.lineChange(t);
                }
            }
            guardValid = false;
            if (skipping) {
                continue;
            }
            return t;
        }
    }

    /** At the end of a file: every conditional opened in it must have been closed. */
    private void leaveFile() {
        if (conditionals.size() > frame.condBase) {
            Conditional c = conditionals.get(conditionals.size() - 1);
            throw DtException.at(pos(c.at), "unterminated #" + c.type);
        }
    }

    // ---------------------------------------------------------------- macro expansion

    /** Starts expanding {@code m}; false when a function-like macro's name is not followed by '('. */
    private boolean enterMacro(Macro m, CppToken name, int line) {
        if (m.builtin != null) {
            pushContext(null, List.of(builtin(m, name, line)));
            return true;
        }
        if (m.functionLike) {
            preventExpansion++;
            parsingArgs = 1;
            Arg[] args;
            try {
                args = invocation(m, name);
            } finally {
                parsingArgs = 0;
                preventExpansion--;
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
            pushContext(m, m.body, line);
        }
        return true;
    }

    private Arg[] invocation(Macro m, CppToken name) {
        CppToken padding = null;
        CppToken t;
        for (;;) {
            t = getToken();
            if (t.kind != CppToken.Kind.PADDING) {
                break;
            }
            if (padding == null || padding.source == null
                    || !padding.source.has(CppToken.PREV_WHITE) && t.source == null) {
                padding = t;
            }
        }
        if (t.is("(")) {
            parsingArgs = 2;
            return collectArgs(m, name);
        }
        if (t.kind != CppToken.Kind.EOF || t == END_ARG) {
            backup(t);
            if (padding != null) {
                pushContext(null, List.of(padding));
            }
        }
        return null;
    }

    /** Marks the end of an argument's tokens while the argument is being macro-expanded on its own. */
    private static final CppToken END_ARG = new CppToken(CppToken.Kind.EOF, "", 0, "", 0, 0);

    private Arg[] collectArgs(Macro m, CppToken name) {
        List<Arg> args = new ArrayList<>();
        int paramCount = m.params.size();
        CppToken t;
        do {
            Arg arg = new Arg();
            args.add(arg);
            int depth = 0;
            for (;;) {
                t = getToken();
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
            throw DtException.at(pos(name), "unterminated argument list invoking macro \"" + m.name + "\"");
        }
        int argc = args.size();
        if (argc == 1 && paramCount == 0 && args.get(0).raw.isEmpty()) {
            argc = 0;
        }
        if (argc < paramCount) {
            if (argc + 1 == paramCount && m.variadic) {
                args.add(new Arg());
            } else {
                throw DtException.at(pos(t), "macro \"" + m.name + "\" requires " + paramCount
                        + " arguments, but only " + argc + " given");
            }
        } else if (argc > paramCount) {
            throw DtException.at(pos(t), "macro \"" + m.name + "\" passed " + argc + " arguments, but takes just "
                    + paramCount);
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
            if (!inDirective && i > 0 && !afterPaste) {
                result.add(CppToken.padding(src));
            }
            if (!from.isEmpty()) {
                result.addAll(from);
                if (src.has(CppToken.PASTE_LEFT)) {
                    pasteFlagAt = result.size() - 1;
                }
            }
            if (!inDirective && !src.has(CppToken.PASTE_LEFT)) {
                result.add(AVOID_PASTE);
            }
            if (pasteFlagAt >= 0) {
                CppToken p = result.get(pasteFlagAt);
                int flags = (p.flags & ~CppToken.PASTE_LEFT) | (src.flags & CppToken.PASTE_LEFT);
                result.set(pasteFlagAt, p.withFlags(flags));
            }
        }
        pushContext(m, result, line);
    }

    /** An argument macro-expanded on its own, as if it were the rest of the file. */
    private List<CppToken> expandArg(Arg arg, CppToken name, int line) {
        if (argDepth >= MAX_ARG_NESTING) {
            throw DtException.at(pos(name), "macro arguments nested more than " + MAX_ARG_NESTING + " deep");
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
        pushContext(null, tokens, line);
        List<CppToken> expanded = new ArrayList<>();
        for (;;) {
            CppToken t = getToken();
            if (t.kind == CppToken.Kind.EOF) {
                break;
            }
            expanded.add(t);
        }
        popContext();
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
    private void pasteAll(CppToken lhs) {
        CppToken rhs;
        do {
            if (context.next >= context.tokens.size()) {
                break;
            }
            rhs = context.tokens.get(context.next++);
            if (rhs.kind == CppToken.Kind.PADDING) {
                continue;
            }
            String text = lhs.text + (lhs.is("/") && !rhs.is("=") ? " " : "") + rhs.text;
            CppToken pasted = CppLexer.lexSingle(text, lhs.flags & CppToken.PREV_WHITE, lhs.file, lhs.line,
                    lhs.column);
            if (pasted == null) {
                context.next--;
                lhs = lhs.withFlags(lhs.flags & ~CppToken.PASTE_LEFT);
                break;
            }
            lhs = pasted;
        } while (rhs.has(CppToken.PASTE_LEFT));
        pushContext(null, List.of(lhs));
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
                text = "\"" + CppOutput.quote(frame.lexer.name()) + "\"";
                kind = CppToken.Kind.STRING;
                break;
            case BASE_FILE:
                text = "\"" + CppOutput.quote(baseFile == null ? "" : baseFile) + "\"";
                kind = CppToken.Kind.STRING;
                break;
            case LINE:
                text = Integer.toString(context == null ? name.line : topMacro.functionLike ? line : invocationLine);
                break;
            case INCLUDE_LEVEL:
                text = Integer.toString(frame.depth);
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
        if (!inDirective) {
            throw DtException.at(pos(op), "\"" + op.text + "\" used outside of preprocessing directive");
        }
        CppToken open = nextReal();
        if (!open.is("(")) {
            throw DtException.at(pos(open), "missing '(' before \"" + op.text + "\" operand");
        }
        CppToken header = context == null && lookahead.isEmpty() ? frame.lexer.headerName() : null;
        String fname;
        boolean angled = true;
        if (header != null) {
            fname = header.text.substring(1, header.text.length() - 1);
        } else {
            CppToken t = nextReal();
            if (t.kind == CppToken.Kind.STRING && t.text.startsWith("\"")) {
                fname = t.text.substring(1, t.text.length() - 1);
                angled = false;
            } else if (t.is("<")) {
                fname = bracketedName();
            } else {
                throw DtException.at(pos(t), "operator \"" + op.text + "\" requires a header-name");
            }
        }
        CppToken close = nextReal();
        if (!close.is(")")) {
            throw DtException.at(pos(close), "missing ')' after \"" + op.text + "\" operand");
        }
        return findInclude(fname, angled, next) != null;
    }

    /** After a macro-expanded '<': the tokens up to '>' spelled together, a space where white space was. */
    private String bracketedName() {
        StringBuilder b = new StringBuilder();
        for (CppToken p = getToken(); !p.is(">"); p = getToken()) {
            if (p.kind == CppToken.Kind.EOF) {
                throw DtException.at(pos(p), "missing terminating > character");
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

    private IncludeSearch.Found findInclude(String fname, boolean angled, boolean next) {
        if (next && frame.parent != null && frame.searchIndex >= 0) {
            return search.find(fname, null, frame.searchIndex + 1);
        }
        return search.find(fname, angled ? null : frame.dirPrefix, 0);
    }

    // ---------------------------------------------------------------- directives

    /**
     * Runs the directive introduced by {@code hash}; false when the line is not a directive (in assembler mode an
     * unknown name after '#', such as {@code #address-cells}, leaves the line as ordinary text).
     */
    private boolean handleDirective(CppToken hash) {
        int savedParsingArgs = parsingArgs;
        int savedPrevent = preventExpansion;
        Context savedContext = context;
        parsingArgs = 0;
        preventExpansion = 0;
        context = null;
        inDirective = true;
        frame.lexer.setDirective(true);
        boolean directive = true;
        IncludeSearch.Found include = null;
        CppToken name;
        try {
            name = lexRaw();
            if (name.kind == CppToken.Kind.NAME && DIRECTIVES.contains(name.text)) {
                if (!name.text.equals("if") && !name.text.equals("ifdef") && !name.text.equals("ifndef")) {
                    guardValid = false;
                }
                if (!skipping || CONDITIONALS.contains(name.text)) {
                    include = run(name);
                }
            } else if (name.kind != CppToken.Kind.EOF) {
                directive = false;
                lookahead.push(name);
            }
            if (directive) {
                while (context != null) {
                    popContext();
                }
                skipRestOfLine();
            }
        } finally {
            inDirective = false;
            frame.lexer.setDirective(false);
            context = savedContext;
            parsingArgs = savedParsingArgs;
            preventExpansion = savedPrevent;
        }
        if (include != null) {
            enterFile(include, name);
        }
        return directive;
    }

    private void skipRestOfLine() {
        if (!lookahead.isEmpty() && lookahead.peek().kind == CppToken.Kind.EOF) {
            lookahead.pop();
            return;
        }
        CppToken t;
        do {
            t = lexRaw();
        } while (t.kind != CppToken.Kind.EOF);
    }

    /** After a directive's operands: anything but the end of the line draws cpp's warning. */
    private void checkEol(CppToken directive) {
        CppToken t = lexRaw();
        if (t.kind != CppToken.Kind.EOF) {
            warn(t, "extra tokens at end of #" + directive.text + " directive");
        }
        lookahead.push(t);
    }

    /**
     * checkEol for #include: cpp macro-expands the first token after the file name as it looks for the end of the
     * line (so an unterminated macro call there is an error); the rest of the line is skipped unexpanded.
     */
    private void checkEolExpanding(CppToken directive) {
        eolSeen = false;
        CppToken t = getToken();
        if (t.kind != CppToken.Kind.EOF) {
            warn(t, "extra tokens at end of #" + directive.text + " directive");
            if (eolSeen) {
                // a function-like macro's name last on the line: its look for '(' took the end of the line
                t = new CppToken(CppToken.Kind.EOF, "", 0, t.file, lastEolLine, 0);
            }
        }
        lookahead.push(t);
    }

    private IncludeSearch.Found run(CppToken name) {
        switch (name.text) {
            case "define": define(); return null;
            case "undef": undef(name); return null;
            case "include": case "include_next": case "import": return include(name);
            case "if":
                if (skipping) {
                    pushConditional(name, true, null);
                } else {
                    CppExpression.Outcome o = CppExpression.evaluateIf(expressionTokens(), name);
                    pushConditional(name, !o.value(), o.guard());
                }
                return null;
            case "ifdef": case "ifndef": ifdef(name); return null;
            case "elif": case "elifdef": case "elifndef": elif(name); return null;
            case "else": elseDirective(name); return null;
            case "endif": endif(name); return null;
            case "line": line(name); return null;
            case "error": throw DtException.at(pos(name), "#error" + restOfLineText());
            case "warning": warn(name, "#warning" + restOfLineText()); return null;
            case "pragma": pragma(name); return null;
            case "ident": case "sccs": ident(name); return null;
            default: return null;
        }
    }

    private void warn(CppToken at, String what) {
        warnings.add(pos(at) + ": warning: " + what);
    }

    /** The rest of the line as cpp spells it in a diagnostic: tokens, one space where white space was. */
    private String restOfLineText() {
        StringBuilder b = new StringBuilder();
        for (CppToken t = lexRaw(); t.kind != CppToken.Kind.EOF; t = lexRaw()) {
            if (t.has(CppToken.PREV_WHITE) || b.length() == 0) {
                b.append(' ');
            }
            b.append(t.text);
        }
        lookahead.push(new CppToken(CppToken.Kind.EOF, "", 0, "", 0, 0));
        return b.toString();
    }

    private MacroDefinitionParser.Tokens directiveTokens() {
        return new MacroDefinitionParser.Tokens() {
            @Override
            public CppToken next() {
                return lexRaw();
            }

            @Override
            public void pushBack(CppToken t) {
                lookahead.push(t);
            }

            @Override
            public void warn(CppToken at, String what) {
                CppEngine.this.warn(at, what);
            }
        };
    }

    private CppExpression.Tokens expressionTokens() {
        return new CppExpression.Tokens() {
            @Override
            public CppToken next() {
                return getToken();
            }

            @Override
            public void preventExpansion(boolean on) {
                preventExpansion += on ? 1 : -1;
            }

            @Override
            public boolean isDefined(String name) {
                return macros.isDefined(name);
            }
        };
    }

    private CppToken macroName(CppToken directive) {
        CppToken t = lexRaw();
        if (t.kind == CppToken.Kind.EOF) {
            throw DtException.at(pos(t), "no macro name given in #" + directive.text + " directive");
        }
        if (t.kind != CppToken.Kind.NAME) {
            throw DtException.at(pos(t), "macro names must be identifiers");
        }
        if (t.text.equals("defined") && !directive.text.startsWith("if") && !directive.text.startsWith("elif")) {
            throw DtException.at(pos(t), "\"defined\" cannot be used as a macro name");
        }
        return t;
    }

    private void define() {
        CppToken name = macroName(new CppToken(CppToken.Kind.NAME, "define", 0, "", 0, 0));
        Macro m = new MacroDefinitionParser(directiveTokens()).parse(name);
        Macro old = macros.put(m);
        if (old != null && !old.sameDefinition(m)) {
            warn(name, "\"" + m.name + "\" redefined");
        }
    }

    private void undef(CppToken directive) {
        CppToken name = macroName(directive);
        macros.remove(name.text);
        checkEol(directive);
    }

    private void pushConditional(CppToken directive, boolean skip, String guard) {
        boolean topOfFile = guardValid && guardCandidate == null;
        conditionals.add(new Conditional(skipping, skipping || !skip, directive.text, directive,
                topOfFile ? guard : null));
        skipping = skip;
    }

    private void ifdef(CppToken directive) {
        boolean skip = true;
        String guard = null;
        if (!skipping) {
            CppToken name = macroName(directive);
            skip = macros.isDefined(name.text) == directive.text.equals("ifndef");
            if (directive.text.equals("ifndef")) {
                guard = name.text;
            }
            checkEol(directive);
        }
        pushConditional(directive, skip, guard);
    }

    private Conditional current(CppToken directive) {
        if (conditionals.size() <= frame.condBase) {
            throw DtException.at(pos(directive), "#" + directive.text + " without #if");
        }
        return conditionals.get(conditionals.size() - 1);
    }

    private void elif(CppToken directive) {
        Conditional c = current(directive);
        if (c.type.equals("else")) {
            throw DtException.at(pos(directive), "#" + directive.text + " after #else");
        }
        c.type = directive.text;
        c.guard = null;
        if (c.skipElses) {
            skipping = true;
            return;
        }
        skipping = false;
        boolean value;
        if (directive.text.equals("elif")) {
            value = CppExpression.evaluate(expressionTokens(), directive);
        } else {
            CppToken name = macroName(directive);
            value = macros.isDefined(name.text) == directive.text.equals("elifdef");
            checkEol(directive);
        }
        skipping = !value;
        c.skipElses = value;
    }

    private void elseDirective(CppToken directive) {
        Conditional c = current(directive);
        if (c.type.equals("else")) {
            throw DtException.at(pos(directive), "#else after #else");
        }
        c.type = "else";
        c.guard = null;
        skipping = c.skipElses;
        c.skipElses = true;
        if (!c.wasSkipping) {
            checkEol(directive);
        }
    }

    private void endif(CppToken directive) {
        Conditional c = current(directive);
        if (!c.wasSkipping) {
            checkEol(directive);
        }
        conditionals.remove(conditionals.size() - 1);
        skipping = c.wasSkipping;
        if (conditionals.size() == frame.condBase && c.guard != null) {
            guardValid = true;
            guardCandidate = c.guard;
        }
    }

    private void line(CppToken directive) {
        CppToken t = nextReal();
        if (t.kind != CppToken.Kind.NUMBER || !t.text.chars().allMatch(Character::isDigit)) {
            throw DtException.at(pos(t), "\"" + t.text + "\" after #line is not a positive integer");
        }
        long n = Long.parseLong(t.text.length() > 12 ? "99999999999" : t.text);
        if (n > Integer.MAX_VALUE) {
            throw DtException.at(pos(t), "line number out of range");
        }
        String newName = null;
        CppToken f = nextReal();
        if (f.kind == CppToken.Kind.STRING) {
            newName = unescape(f.text.substring(1, f.text.length() - 1));
        } else if (f.kind != CppToken.Kind.EOF) {
            throw DtException.at(pos(f), "invalid filename \"" + f.text + "\"");
        }
        if (f.kind != CppToken.Kind.EOF) {
            checkEol(directive);
            skipRestOfLine();
        }
        frame.lexer.renumber((int) n, newName);
        if (printing) {
            out.renameFile(frame.lexer.name(), (int) n);
        }
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    private CppToken nextReal() {
        CppToken t;
        do {
            t = getToken();
        } while (t.kind == CppToken.Kind.PADDING);
        return t;
    }

    /**
     * cpp's own pragmas act; others are dropped: in assembler mode cpp writes no {@code #pragma} (nor {@code #ident})
     * lines, so as not to upset the assembler. A pragma cpp knows still indents an output line, as cpp's does.
     */
    private void pragma(CppToken directive) {
        CppToken first = lexRaw();
        CppToken second = null;
        String name = first.text;
        if (first.kind == CppToken.Kind.NAME && first.text.equals("GCC")) {
            second = lexRaw();
            name = "GCC " + second.text;
        }
        switch (name) {
            case "once":
                if (frame.parent == null) {
                    warn(first, "#pragma once in main file");
                } else if (frame.path != null) {
                    onceOnly.add(IncludeSearch.realPath(frame.path));
                }
                break;
            case "push_macro": case "pop_macro":
                pushOrPopMacro(first);
                break;
            case "GCC warning": case "GCC error":
                pragmaDiagnostic(second);
                break;
            case "GCC poison": case "GCC system_header": case "GCC dependency":
                break;
            default:
                return;
        }
        if (printing && !skipping) {
            out.lineChange(first);
        }
    }

    /** {@code #pragma GCC warning "text"} / {@code error}: the string's contents, reported at the string. */
    private void pragmaDiagnostic(CppToken kind) {
        CppToken s = lexRaw();
        if (s.kind != CppToken.Kind.STRING) {
            throw DtException.at(pos(s), "invalid \"#pragma GCC " + kind.text + "\" directive");
        }
        String text = unescape(s.text.substring(1, s.text.length() - 1));
        if (kind.text.equals("error")) {
            throw DtException.at(pos(s), text);
        }
        warn(s, text);
    }

    private final Map<String, ArrayDeque<Optional<Macro>>> pushedMacros = new HashMap<>();

    /** {@code #pragma push_macro("NAME")} saves NAME's definition (or its absence); pop_macro restores it. */
    private void pushOrPopMacro(CppToken pragma) {
        CppToken open = lexRaw();
        CppToken str = lexRaw();
        CppToken close = lexRaw();
        if (!open.is("(") || str.kind != CppToken.Kind.STRING || !close.is(")")) {
            throw DtException.at(pos(pragma), "invalid #pragma " + pragma.text + " directive");
        }
        String name = str.text.substring(1, str.text.length() - 1);
        ArrayDeque<Optional<Macro>> stack = pushedMacros.computeIfAbsent(name, k -> new ArrayDeque<>());
        if (pragma.text.equals("push_macro")) {
            stack.push(Optional.ofNullable(macros.get(name)));
        } else if (!stack.isEmpty()) {
            Optional<Macro> saved = stack.pop();
            if (saved.isPresent()) {
                macros.put(saved.get());
            } else {
                macros.remove(name);
            }
        }
    }

    /** {@code #ident "x"}: checked, then dropped as cpp does in assembler mode. */
    private void ident(CppToken directive) {
        CppToken s = nextReal();
        if (s.kind != CppToken.Kind.STRING) {
            throw DtException.at(pos(s), "invalid #" + directive.text + " directive");
        }
    }

    // ---------------------------------------------------------------- files

    private IncludeSearch.Found include(CppToken directive) {
        String fname;
        boolean angled;
        CppToken at;
        CppToken header = lookahead.isEmpty() ? frame.lexer.headerName() : null;
        if (header != null) {
            fname = header.text.substring(1, header.text.length() - 1);
            angled = true;
            at = header;
        } else {
            CppToken t = nextReal();
            at = t;
            if (t.kind == CppToken.Kind.STRING && t.text.startsWith("\"")) {
                fname = t.text.substring(1, t.text.length() - 1);
                angled = false;
            } else if (t.is("<")) {
                fname = bracketedName();
                angled = true;
            } else {
                throw DtException.at(pos(t), "#" + directive.text + " expects \"FILENAME\" or <FILENAME>");
            }
        }
        if (fname.isEmpty()) {
            throw DtException.at(pos(at), "empty filename in #" + directive.text);
        }
        checkEolExpanding(directive);
        if (frame.depth + 1 >= maxIncludeDepth) {
            throw DtException.at(pos(at), "#include nested depth " + (frame.depth + 1) + " exceeds maximum of "
                    + maxIncludeDepth);
        }
        IncludeSearch.Found found = findInclude(fname, angled, directive.text.equals("include_next"));
        if (found == null) {
            throw DtException.at(pos(at), "'" + fname + "' file not found" + includeChain());
        }
        Path real = IncludeSearch.realPath(found.file());
        String guard = guards.get(found.lookupKey());
        if (onceOnly.contains(real) || guard != null && macros.isDefined(guard)) {
            return null;
        }
        if (directive.text.equals("import")) {
            if (!imported.add(real)) {
                return null;
            }
        }
        return found;
    }

    /** " (included from a.dts:3, b.dtsi:7)" for a file that is not the main one, else "". */
    private String includeChain() {
        if (frame.parent == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (included from ");
        for (Frame f = frame.parent; f != null; f = f.parent) {
            if (f != frame.parent) {
                b.append(", ");
            }
            b.append(f.lexer.name()).append(':').append(f.lexer.nextLine() - 1);
        }
        return b.append(')').toString();
    }

    private void enterFile(IncludeSearch.Found inc, CppToken at) {
        String includer = frame.lexer.name();
        String text;
        try {
            text = IncludeSearch.read(inc.file());
        } catch (IOException e) {
            throw unreadable(inc.file(), at, e);
        }
        if (enteredKeys.add(inc.lookupKey())) {
            dependencies.add(inc.name());
        }
        frame = new Frame(frame, inc.file(), inc.lookupKey(), new CppLexer(inc.name(), text),
                IncludeSearch.dirPrefix(inc.name()), inc.searchIndex(), conditionals.size());
        guardValid = true;
        guardCandidate = null;
        if (printing) {
            out.enterFile(includer, lastEolLine, inc.name());
        }
    }

    private static DtException unreadable(Path file, CppToken at, IOException e) {
        String what = "cannot read '" + file + "': " + e.getMessage();
        return at == null ? new DtException(file + ": error: " + what) : DtException.at(pos(at), what);
    }
}
