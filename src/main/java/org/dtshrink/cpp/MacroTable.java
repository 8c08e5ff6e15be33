package org.dtshrink.cpp;

import java.util.HashMap;
import java.util.Map;

/** The macros defined so far in one preprocessing run, starting with cpp's built-in ones. */
final class MacroTable {

    private final Map<String, Macro> macros = new HashMap<>();

    MacroTable() {
        put(new Macro("__FILE__", Macro.Builtin.FILE));
        put(new Macro("__LINE__", Macro.Builtin.LINE));
        put(new Macro("__BASE_FILE__", Macro.Builtin.BASE_FILE));
        put(new Macro("__INCLUDE_LEVEL__", Macro.Builtin.INCLUDE_LEVEL));
        put(new Macro("__COUNTER__", Macro.Builtin.COUNTER));
        put(new Macro("__DATE__", Macro.Builtin.DATE));
        put(new Macro("__TIME__", Macro.Builtin.TIME));
        put(new Macro("__has_include", Macro.Builtin.HAS_INCLUDE));
        put(new Macro("__has_include_next", Macro.Builtin.HAS_INCLUDE_NEXT));
    }

    Macro get(String name) {
        return macros.get(name);
    }

    boolean isDefined(String name) {
        return macros.containsKey(name);
    }

    /** Defines (or redefines) a macro; returns the definition it replaced, or null. */
    Macro put(Macro m) {
        return macros.put(m.name, m);
    }

    void remove(String name) {
        macros.remove(name);
    }
}
