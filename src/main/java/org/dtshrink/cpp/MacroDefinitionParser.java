package org.dtshrink.cpp;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DtException;

/**
 * Reads a {@code #define}'s parameters and replacement list as cpp stores them: parameters become MACRO_ARG tokens,
 * {@code # param} one STRINGIFY token, {@code ##} the PASTE_LEFT flag of its left operand, and every token is marked
 * as coming from a macro body. In assembler mode a '#' before a non-parameter stays an ordinary token.
 */
final class MacroDefinitionParser {

    /** The directive line's tokens, unexpanded, and where warnings go. */
    interface Tokens {
        CppToken next();

        void pushBack(CppToken t);

        void warn(CppToken at, String what);
    }

    private final Tokens tokens;

    MacroDefinitionParser(Tokens tokens) {
        this.tokens = tokens;
    }

    /** Reads the definition of {@code name}; leaves the end-of-line token to be read again. */
    Macro parse(CppToken name) {
        CppToken t = tokens.next();
        boolean functionLike = t.is("(") && !t.has(CppToken.PREV_WHITE);
        List<String> params = new ArrayList<>();
        boolean variadic = false;
        if (functionLike) {
            variadic = parameters(params);
            t = tokens.next();
        } else if (t.kind == CppToken.Kind.OTHER && !t.has(CppToken.PREV_WHITE)
                && "!\"#%&'()*+,-./:;<=>?[\\]^{|}~".indexOf(t.text.charAt(0)) < 0) {
            tokens.warn(t, "missing whitespace after the macro name");
        }
        List<CppToken> body = new ArrayList<>();
        boolean followingPaste = false;
        CppToken pasteAt = null;
        for (; t.kind != CppToken.Kind.EOF; t = tokens.next()) {
            if (t.kind == CppToken.Kind.PASTE) {
                if (body.isEmpty()) {
                    throw DtException.at(CppEngine.pos(t), "'##' cannot appear at either end of a macro expansion");
                }
                int last = body.size() - 1;
                body.set(last, body.get(last).withFlags(body.get(last).flags | CppToken.PASTE_LEFT));
                followingPaste = true;
                pasteAt = t;
                continue;
            }
            followingPaste = false;
            CppToken b = t;
            int index = functionLike && t.kind == CppToken.Kind.NAME ? params.indexOf(t.text) : -1;
            if (index >= 0) {
                b = t.asArg(index);
                int last = body.size() - 1;
                if (last >= 0 && body.get(last).kind == CppToken.Kind.HASH) {
                    CppToken hash = body.remove(last);
                    b = new CppToken(CppToken.Kind.MACRO_ARG, t.text,
                            CppToken.STRINGIFY | (hash.flags & (CppToken.PREV_WHITE | CppToken.PASTE_LEFT)),
                            t.file, t.line, t.column, null, index);
                }
            }
            body.add(b.withFlags(b.flags | CppToken.BODY));
        }
        if (followingPaste) {
            throw DtException.at(CppEngine.pos(pasteAt), "'##' cannot appear at either end of a macro expansion");
        }
        if (!body.isEmpty()) {
            body.set(0, body.get(0).withFlags(body.get(0).flags & ~CppToken.PREV_WHITE));
        }
        tokens.pushBack(t);
        return new Macro(name.text, functionLike, List.copyOf(params), variadic, List.copyOf(body));
    }

    /** Reads {@code a, b, ...)} after the '('; returns whether the macro is variadic. */
    private boolean parameters(List<String> params) {
        CppToken t = tokens.next();
        if (t.is(")")) {
            return false;
        }
        for (;;) {
            boolean variadic = false;
            if (t.kind == CppToken.Kind.NAME) {
                if (params.contains(t.text)) {
                    throw DtException.at(CppEngine.pos(t), "duplicate macro parameter \"" + t.text + "\"");
                }
                params.add(t.text);
                t = tokens.next();
                if (t.is("...")) {
                    variadic = true;
                    t = tokens.next();
                }
            } else if (t.is("...")) {
                params.add("__VA_ARGS__");
                variadic = true;
                t = tokens.next();
            } else if (t.kind == CppToken.Kind.EOF) {
                throw DtException.at(CppEngine.pos(t), "missing ')' in macro parameter list");
            } else {
                throw DtException.at(CppEngine.pos(t), "expected parameter name, found \"" + t.text + "\"");
            }
            if (t.is(")")) {
                return variadic;
            }
            if (variadic || !t.is(",")) {
                if (t.kind == CppToken.Kind.EOF) {
                    throw DtException.at(CppEngine.pos(t), "missing ')' in macro parameter list");
                }
                throw DtException.at(CppEngine.pos(t), "expected ',' or ')', found \"" + t.text + "\"");
            }
            t = tokens.next();
        }
    }
}
