package org.dtshrink.emit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * C identifiers for an emitted table, derived from the tree as U-Boot's dtoc derives them: a node's from its path
 * ({@code /soc/serial@40004000} is {@code soc_serial_40004000}), a value's from its node's and its property's name
 * ({@code soc_serial_40004000_reg}), a string's from its text ({@code str_compatible}). Names are lower case (the
 * kernel's style has no CamelCase) and short enough to keep lines within 100 columns: a deep path keeps its last
 * components. Where two things would get the same name, the later one gets a suffix ({@code _2}, {@code _3}, ...),
 * so every name is unique in its scope whatever the tree.
 */
final class CNames {

    /** Longest node name; a deeper path keeps as many trailing components as fit. */
    static final int NODE_MAX = 32;
    /** Longest property part of a value's name. */
    static final int PROPERTY_MAX = 20;
    /** Longest text part of a string's name. */
    static final int STRING_MAX = 32;

    /**
     * Words a member name must not be: C's keywords (GNU C's too) and the object-like macros a kernel build
     * defines in lower case ({@code linux} and {@code unix} with -std=gnu11, {@code current}, {@code true}, ...).
     * Only a child of the root can be named a single word, and then gets {@code _node} added.
     */
    private static final Set<String> RESERVED = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
            "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
            "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
            "volatile", "while", "asm", "typeof", "bool", "true", "false", "linux", "unix", "current", "noinline",
            "fallthrough");

    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> nextSuffix = new HashMap<>();

    /** A new scope, with names already taken in it. */
    CNames(String... taken) {
        for (String t : taken) {
            used.add(t);
        }
    }

    /** {@code candidate}, or with the first free suffix when it is taken. */
    String unique(String candidate) {
        if (used.add(candidate)) {
            return candidate;
        }
        int n = nextSuffix.getOrDefault(candidate, 2);
        String name;
        do {
            name = candidate + "_" + n++;
        } while (!used.add(name));
        nextSuffix.put(candidate, n);
        return name;
    }

    /**
     * The name for a node from its path's components below the root (none for the root, which is {@code root}).
     */
    static String node(java.util.List<String> components) {
        if (components.isEmpty()) {
            return "root";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = components.size() - 1; i >= 0; i--) {
            String part = sanitize(components.get(i));
            if (sb.length() == 0) {
                sb.append(part.length() > NODE_MAX ? part.substring(0, NODE_MAX) : part);
            } else if (sb.length() + 1 + part.length() <= NODE_MAX) {
                sb.insert(0, part + "_");
            } else {
                break;
            }
        }
        String s = trim(sb.toString());
        if (Character.isDigit(s.charAt(0))) {
            s = "n_" + s;
        }
        return RESERVED.contains(s) ? s + "_node" : s;
    }

    /** The name for a value: its node's name and its property's. */
    static String value(String nodeName, byte[] propertyName) {
        String p = sanitize(new String(propertyName, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (p.length() > PROPERTY_MAX) {
            p = trim(p.substring(0, PROPERTY_MAX));
        }
        return nodeName + "_" + p;
    }

    /** The name for a string (a property name or a node's full_name). */
    static String string(byte[] text) {
        if (text.length == 0) {
            return "str_empty";
        }
        String s = sanitize(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1));
        if (s.length() > STRING_MAX) {
            s = trim(s.substring(0, STRING_MAX));
        }
        return "str_" + s;
    }

    /** Lower-case letters, digits and single underscores; never empty. */
    static String sanitize(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (ok) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '_') {
                sb.append('_');
            }
        }
        String t = trim(sb.toString());
        return t.isEmpty() ? "x" : t;
    }

    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '_') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '_') {
            to--;
        }
        return from == to ? "x" : s.substring(from, to);
    }
}
