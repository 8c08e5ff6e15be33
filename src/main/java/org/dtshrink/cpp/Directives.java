package org.dtshrink.cpp;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dtshrink.tree.DtException;

/**
 * The lines that start with '#': which are directives, and what each does ({@code #define}, {@code #undef},
 * {@code #line}, {@code #pragma}, {@code #error} ...; conditionals are {@link Conditionals}', includes
 * {@link SourceFiles}'). A directive's line is read as its own stream: its end is an EOF token.
 */
final class Directives {

    private static final Set<String> DIRECTIVES = Set.of("define", "undef", "include", "include_next", "import",
            "if", "ifdef", "ifndef", "elif", "elifdef", "elifndef", "else", "endif", "line", "error", "warning",
            "pragma", "ident", "sccs", "assert", "unassert");
    private static final Set<String> CONDITIONALS = Set.of("if", "ifdef", "ifndef", "elif", "elifdef", "elifndef",
            "else", "endif");

    private final CppEngine e;
    private final Map<String, ArrayDeque<Optional<Macro>>> pushedMacros = new HashMap<>();


    Directives(CppEngine engine) {
        this.e = engine;
    }

    /**
     * Runs the directive introduced by {@code hash}; false when the line is not a directive (in assembler mode an
     * unknown name after '#', such as {@code #address-cells}, leaves the line as ordinary text).
     */
    boolean handle(CppToken hash) {
        int savedParsingArgs = e.parsingArgs;
        int savedPrevent = e.preventExpansion;
        CppEngine.Context savedContext = e.context;
        e.parsingArgs = 0;
        e.preventExpansion = 0;
        e.context = null;
        e.inDirective = true;
        e.files.frame.lexer.setDirective(true);
        boolean directive = true;
        IncludeSearch.Found include = null;
        CppToken name;
        try {
            name = e.lexRaw();
            if (name.kind == CppToken.Kind.NAME && DIRECTIVES.contains(name.text)) {
                if (!name.text.equals("if") && !name.text.equals("ifdef") && !name.text.equals("ifndef")) {
                    e.files.guardValid = false;
                }
                if (!e.conditionals.skipping || CONDITIONALS.contains(name.text)) {
                    include = run(name);
                }
            } else if (name.kind != CppToken.Kind.EOF) {
                directive = false;
                e.lookahead.push(name);
            }
            if (directive) {
                while (e.context != null) {
                    e.popContext();
                }
                skipRestOfLine();
            }
        } finally {
            e.inDirective = false;
            e.files.frame.lexer.setDirective(false);
            e.context = savedContext;
            e.parsingArgs = savedParsingArgs;
            e.preventExpansion = savedPrevent;
        }
        if (include != null) {
            e.files.enter(include, name);
        }
        return directive;
    }

    private void skipRestOfLine() {
        if (!e.lookahead.isEmpty() && e.lookahead.peek().kind == CppToken.Kind.EOF) {
            e.lookahead.pop();
            return;
        }
        CppToken t;
        do {
            t = e.lexRaw();
        } while (t.kind != CppToken.Kind.EOF);
    }

    /** After a directive's operands: anything but the end of the line draws cpp's warning. */
    void checkEol(CppToken directive) {
        CppToken t = e.lexRaw();
        if (t.kind != CppToken.Kind.EOF) {
            e.warn(t, "extra tokens at end of #" + directive.text + " directive");
        }
        e.lookahead.push(t);
    }

    /**
     * checkEol for #include: cpp macro-expands the first token after the file name as it looks for the end of the
     * line (so an unterminated macro call there is an error); the rest of the line is skipped unexpanded.
     */
    void checkEolExpanding(CppToken directive) {
        e.eolSeen = false;
        CppToken t = e.getToken();
        if (t.kind != CppToken.Kind.EOF) {
            e.warn(t, "extra tokens at end of #" + directive.text + " directive");
            if (e.eolSeen) {
                // a function-like macro's name last on the line: its look for '(' took the end of the line
                t = new CppToken(CppToken.Kind.EOF, "", 0, t.file, e.lastEolLine, 0);
            }
        }
        e.lookahead.push(t);
    }

    private IncludeSearch.Found run(CppToken name) {
        switch (name.text) {
            case "define": define(); return null;
            case "undef": undef(name); return null;
            case "include": case "include_next": case "import": return e.files.include(name);
            case "if": e.conditionals.ifDirective(name); return null;
            case "ifdef": case "ifndef": e.conditionals.ifdef(name); return null;
            case "elif": case "elifdef": case "elifndef": e.conditionals.elif(name); return null;
            case "else": e.conditionals.elseDirective(name); return null;
            case "endif": e.conditionals.endif(name); return null;
            case "line": line(name); return null;
            case "error": throw DtException.at(CppEngine.pos(name), "#error" + restOfLineText());
            case "warning": e.warn(name, "#warning" + restOfLineText()); return null;
            case "pragma": pragma(name); return null;
            case "ident": case "sccs": ident(name); return null;
            default: return null;
        }
    }

    /** The rest of the line as cpp spells it in a diagnostic: tokens, one space where white space was. */
    private String restOfLineText() {
        StringBuilder b = new StringBuilder();
        for (CppToken t = e.lexRaw(); t.kind != CppToken.Kind.EOF; t = e.lexRaw()) {
            if (t.has(CppToken.PREV_WHITE) || b.length() == 0) {
                b.append(' ');
            }
            b.append(t.text);
        }
        e.lookahead.push(new CppToken(CppToken.Kind.EOF, "", 0, "", 0, 0));
        return b.toString();
    }

    private MacroDefinitionParser.Tokens directiveTokens() {
        return new MacroDefinitionParser.Tokens() {
            @Override
            public CppToken next() {
                return e.lexRaw();
            }

            @Override
            public void pushBack(CppToken t) {
                e.lookahead.push(t);
            }

            @Override
            public void warn(CppToken at, String what) {
                e.warn(at, what);
            }
        };
    }

    CppExpression.Tokens expressionTokens() {
        return new CppExpression.Tokens() {
            @Override
            public CppToken next() {
                return e.getToken();
            }

            @Override
            public void preventExpansion(boolean on) {
                e.preventExpansion += on ? 1 : -1;
            }

            @Override
            public boolean isDefined(String name) {
                return e.macros.isDefined(name);
            }
        };
    }

    CppToken macroName(CppToken directive) {
        CppToken t = e.lexRaw();
        if (t.kind == CppToken.Kind.EOF) {
            throw DtException.at(CppEngine.pos(t), "no macro name given in #" + directive.text + " directive");
        }
        if (t.kind != CppToken.Kind.NAME) {
            throw DtException.at(CppEngine.pos(t), "macro names must be identifiers");
        }
        if (t.text.equals("defined") && !directive.text.startsWith("if") && !directive.text.startsWith("elif")) {
            throw DtException.at(CppEngine.pos(t), "\"defined\" cannot be used as a macro name");
        }
        return t;
    }

    private void define() {
        CppToken name = macroName(new CppToken(CppToken.Kind.NAME, "define", 0, "", 0, 0));
        Macro m = new MacroDefinitionParser(directiveTokens()).parse(name);
        Macro old = e.macros.put(m);
        if (old != null && !old.sameDefinition(m)) {
            e.warn(name, "\"" + m.name + "\" redefined");
        }
    }

    private void undef(CppToken directive) {
        CppToken name = macroName(directive);
        e.macros.remove(name.text);
        checkEol(directive);
    }

    private void line(CppToken directive) {
        CppToken t = e.nextReal();
        if (t.kind != CppToken.Kind.NUMBER || !t.text.chars().allMatch(Character::isDigit)) {
            throw DtException.at(CppEngine.pos(t), "\"" + t.text + "\" after #line is not a positive integer");
        }
        long n = Long.parseLong(t.text.length() > 12 ? "99999999999" : t.text);
        if (n > Integer.MAX_VALUE) {
            throw DtException.at(CppEngine.pos(t), "line number out of range");
        }
        String newName = null;
        CppToken f = e.nextReal();
        if (f.kind == CppToken.Kind.STRING) {
            newName = unescape(f.text.substring(1, f.text.length() - 1));
        } else if (f.kind != CppToken.Kind.EOF) {
            throw DtException.at(CppEngine.pos(f), "invalid filename \"" + f.text + "\"");
        }
        if (f.kind != CppToken.Kind.EOF) {
            checkEol(directive);
            skipRestOfLine();
        }
        e.files.frame.lexer.renumber((int) n, newName);
        if (e.printing) {
            e.out.renameFile(e.files.frame.lexer.name(), (int) n);
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

    /**
     * cpp's own pragmas act; others are dropped: in assembler mode cpp writes no {@code #pragma} (nor {@code #ident})
     * lines, so as not to upset the assembler. A pragma cpp knows still indents an output line, as cpp's does.
     */
    private void pragma(CppToken directive) {
        CppToken first = e.lexRaw();
        CppToken second = null;
        String name = first.text;
        if (first.kind == CppToken.Kind.NAME && first.text.equals("GCC")) {
            second = e.lexRaw();
            name = "GCC " + second.text;
        }
        switch (name) {
            case "once":
                e.files.once(first);
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
        if (e.printing && !e.conditionals.skipping) {
            e.out.lineChange(first);
        }
    }

    /** {@code #pragma GCC warning "text"} / {@code error}: the string's contents, reported at the string. */
    private void pragmaDiagnostic(CppToken kind) {
        CppToken s = e.lexRaw();
        if (s.kind != CppToken.Kind.STRING) {
            throw DtException.at(CppEngine.pos(s), "invalid \"#pragma GCC " + kind.text + "\" directive");
        }
        String text = unescape(s.text.substring(1, s.text.length() - 1));
        if (kind.text.equals("error")) {
            throw DtException.at(CppEngine.pos(s), text);
        }
        e.warn(s, text);
    }


    /** {@code #pragma push_macro("NAME")} saves NAME's definition (or its absence); pop_macro restores it. */
    private void pushOrPopMacro(CppToken pragma) {
        CppToken open = e.lexRaw();
        CppToken str = e.lexRaw();
        CppToken close = e.lexRaw();
        if (!open.is("(") || str.kind != CppToken.Kind.STRING || !close.is(")")) {
            throw DtException.at(CppEngine.pos(pragma), "invalid #pragma " + pragma.text + " directive");
        }
        String name = str.text.substring(1, str.text.length() - 1);
        ArrayDeque<Optional<Macro>> stack = pushedMacros.computeIfAbsent(name, k -> new ArrayDeque<>());
        if (pragma.text.equals("push_macro")) {
            stack.push(Optional.ofNullable(e.macros.get(name)));
        } else if (!stack.isEmpty()) {
            Optional<Macro> saved = stack.pop();
            if (saved.isPresent()) {
                e.macros.put(saved.get());
            } else {
                e.macros.remove(name);
            }
        }
    }

    /** {@code #ident "x"}: checked, then dropped as cpp does in assembler mode. */
    private void ident(CppToken directive) {
        CppToken s = e.nextReal();
        if (s.kind != CppToken.Kind.STRING) {
            throw DtException.at(CppEngine.pos(s), "invalid #" + directive.text + " directive");
        }
    }
}
