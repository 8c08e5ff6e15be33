package org.dtshrink.cpp;

import java.util.List;

/**
 * A macro definition: its parameters (function-like only) and its replacement tokens, in which parameters are
 * MACRO_ARG tokens and {@code ##} has become the PASTE_LEFT flag of its left operand. A built-in macro
 * ({@code __FILE__}, {@code __LINE__} ...) has a {@link Builtin} kind instead of a body.
 */
final class Macro {

    enum Builtin {
        FILE, LINE, BASE_FILE, INCLUDE_LEVEL, COUNTER, DATE, TIME, HAS_INCLUDE, HAS_INCLUDE_NEXT
    }

    final String name;
    final boolean functionLike;
    final List<String> params;
    final boolean variadic;
    final List<CppToken> body;
    final Builtin builtin;
    /** True while the macro's own expansion is being read: a name token for it is then painted NO_EXPAND. */
    boolean disabled;

    Macro(String name, boolean functionLike, List<String> params, boolean variadic, List<CppToken> body) {
        this.name = name;
        this.functionLike = functionLike;
        this.params = params;
        this.variadic = variadic;
        this.body = body;
        this.builtin = null;
    }

    Macro(String name, Builtin builtin) {
        this.name = name;
        this.functionLike = false;
        this.params = List.of();
        this.variadic = false;
        this.body = List.of();
        this.builtin = builtin;
    }

    /** Same definition in the sense of C's redefinition rule: same parameters, same tokens, same white space. */
    boolean sameDefinition(Macro o) {
        if (builtin != null || o.builtin != null) {
            return builtin == o.builtin;
        }
        if (functionLike != o.functionLike || variadic != o.variadic || !params.equals(o.params)
                || body.size() != o.body.size()) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            CppToken a = body.get(i);
            CppToken b = o.body.get(i);
            int mask = CppToken.PASTE_LEFT | CppToken.STRINGIFY | (i > 0 ? CppToken.PREV_WHITE : 0);
            if (a.kind != b.kind || !a.text.equals(b.text) || (a.flags & mask) != (b.flags & mask)) {
                return false;
            }
        }
        return true;
    }
}
