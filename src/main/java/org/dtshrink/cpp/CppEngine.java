package org.dtshrink.cpp;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * One preprocessing run and its token stream. Expansion follows libcpp's model closely, because the output's spacing
 * depends on it: expansions are read from a stack of token contexts, a macro is disabled while its own context is
 * open (a name read then is painted NO_EXPAND for good), and PADDING tokens record where white space may be needed
 * between expanded tokens. The jobs are split: {@link SourceFiles} (open files and includes), {@link Directives},
 * {@link Conditionals}, {@link MacroExpander}, {@link CppOutput}; this class holds the state they share.
 */
final class CppEngine {

    static final CppToken AVOID_PASTE = CppToken.padding(null);

    /** A list of tokens being read: a macro's expansion (macro non-null) or tokens pushed back for re-reading. */
    static final class Context {
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

    final MacroTable macros = new MacroTable();
    final CppOutput out = new CppOutput();
    final ArrayDeque<CppToken> lookahead = new ArrayDeque<>();
    final SourceFiles files;
    final Conditionals conditionals;
    final Directives directives;
    final MacroExpander expander;
    private final List<String> warnings = new ArrayList<>();

    Context context;
    boolean inDirective;
    int preventExpansion;
    /** 0, or 1 while looking for the '(' after a function-like macro's name, 2 while reading its arguments. */
    int parsingArgs;
    boolean printing;
    int lastEolLine;
    /** Set when a directive's end of line is read, wherever that happens. */
    boolean eolSeen;

    CppEngine(Path workingDirectory, List<String> includeDirs, int maxIncludeDepth) {
        this.files = new SourceFiles(this, new IncludeSearch(workingDirectory, includeDirs), maxIncludeDepth);
        this.conditionals = new Conditionals(this);
        this.directives = new Directives(this);
        this.expander = new MacroExpander(this);
    }

    List<String> warnings() {
        return warnings;
    }

    List<String> dependencies() {
        return files.dependencies();
    }

    /** Runs directive lines (the built-in and command-line definitions) in the named pseudo file. */
    void runDirectives(String pseudoFile, String text) {
        files.openPseudoFile(pseudoFile, text);
        CppToken t = getToken();
        if (t.kind != CppToken.Kind.EOF) {
            throw DtException.at(pos(t), "'" + t.text + "' is not part of a definition");
        }
        files.closePseudoFile();
    }

    /** Preprocesses the main file, which cpp calls {@code name}, and returns the output text. */
    String run(String name) {
        files.openMain(name);
        printing = true;
        out.start(name);
        for (CppToken t = getToken(); t.kind != CppToken.Kind.EOF; t = getToken()) {
            out.token(t);
        }
        return out.finish();
    }

    static SourcePos pos(CppToken t) {
        return new SourcePos(t.file, t.line, t.column);
    }

    void warn(CppToken at, String what) {
        warnings.add(pos(at) + ": warning: " + what);
    }

    /** The next fully expanded token, with PADDING tokens where the printer must decide about white space. */
    CppToken getToken() {
        for (;;) {
            CppToken t;
            if (context == null) {
                t = lexBase();
            } else if (context.next < context.tokens.size()) {
                t = context.tokens.get(context.next++);
                if (t.has(CppToken.PASTE_LEFT)) {
                    expander.pasteAll(t);
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
                expander.startOutermost(m, t.line);
            }
            int line = context != null && t.has(CppToken.BODY) ? context.expansionLine : t.line;
            if (expander.enter(m, t, line)) {
                if (inDirective) {
                    continue;
                }
                return CppToken.padding(t);
            }
            return t;
        }
    }

    void pushContext(Macro macro, List<CppToken> tokens) {
        pushContext(macro, tokens, context == null ? 0 : context.expansionLine);
    }

    void pushContext(Macro macro, List<CppToken> tokens, int expansionLine) {
        context = new Context(context, macro, tokens, expansionLine);
    }

    void popContext() {
        Context c = context;
        if (c.macro != null && (c.prev == null || c.prev.macro != c.macro)) {
            c.macro.disabled = false;
        }
        context = c.prev;
    }

    /** Re-reads {@code t} next: it was the last token read from the current context or file. */
    void backup(CppToken t) {
        if (context == null) {
            lookahead.push(t);
        } else {
            context.next--;
        }
    }

    CppToken lexRaw() {
        CppToken t = lookahead.isEmpty() ? files.frame.lexer.next(parsingArgs == 2) : lookahead.pop();
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
                conditionals.checkClosed();
                if (files.frame.parent == null) {
                    return t;
                }
                files.leaveInclude();
                continue;
            }
            if (inDirective) {
                return t;
            }
            if (t.has(CppToken.BOL)) {
                if (t.kind == CppToken.Kind.HASH && parsingArgs != 1 && directives.handle(t)) {
                    continue;
                }
                if (!conditionals.skipping && parsingArgs == 0 && printing) {
                    out.lineChange(t);
                }
            }
            files.guardValid = false;
            if (conditionals.skipping) {
                continue;
            }
            return t;
        }
    }

    CppToken nextReal() {
        CppToken t;
        do {
            t = getToken();
        } while (t.kind == CppToken.Kind.PADDING);
        return t;
    }
}
