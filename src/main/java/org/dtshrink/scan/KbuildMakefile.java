package org.dtshrink.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the part of a Kbuild makefile that decides what is built: variable assignments (recursive, simple,
 * appending, conditional), {@code $(CONFIG_X)} from the configuration, the text functions Kbuild files use, and
 * ifeq/ifneq/ifdef/ifndef. Rules, recipes and includes are skipped. What cannot be known here (a variable set by a
 * parent makefile (upper-case names), {@code $(shell ...)}, a condition on the compiler) expands to
 * {@link #UNRESOLVED}, and a
 * condition that cannot be decided takes both branches, its assignments all appending: the caller then errs towards
 * building more.
 */
final class KbuildMakefile {

    /** Stands for text this evaluation cannot know. */
    static final String UNRESOLVED = "\u0001";

    private static final Set<String> FUNCTIONS = Set.of("patsubst", "subst", "addprefix", "addsuffix", "filter",
            "filter-out", "strip", "sort", "firstword", "lastword", "if", "or", "and", "notdir", "dir", "basename",
            "findstring", "words", "word", "shell", "wildcard", "foreach", "call", "eval", "info", "warning", "error",
            "origin", "value", "realpath", "abspath", "suffix", "join", "flavor", "file");
    private static final int MAX_DEPTH = 64;

    private record Var(String value, boolean recursive) {
    }

    /** One open conditional: whether the current branch is taken (TRUE, FALSE, or UNKNOWN) and whether one was. */
    private static final class Frame {
        Tri current;
        Tri anyTaken;

        Frame(Tri c) {
            current = c;
            anyTaken = c;
        }
    }

    private enum Tri { TRUE, FALSE, UNKNOWN }

    private final KernelConfig config;
    private final Map<String, Var> vars = new HashMap<>();
    private final Deque<Frame> frames = new ArrayDeque<>();

    KbuildMakefile(KernelConfig config, Map<String, String> initial) {
        this.config = config;
        for (Map.Entry<String, String> e : initial.entrySet()) {
            vars.put(e.getKey(), new Var(e.getValue(), false));
        }
    }

    void evaluate(String text) {
        boolean inDefine = false;
        for (String raw : logicalLines(text)) {
            if (raw.startsWith("\t")) {
                continue;
            }
            String line = stripComment(raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            String first = line.split("\\s+", 2)[0];
            if (inDefine) {
                inDefine = !first.equals("endef");
                continue;
            }
            if (first.equals("define")) {
                inDefine = true;
                continue;
            }
            if (conditional(first, line)) {
                continue;
            }
            if (skipping()) {
                continue;
            }
            assignment(line);
        }
    }

    /** The variable expanded and split into words; empty when unset. */
    List<String> words(String name) {
        Var v = vars.get(name);
        if (v == null) {
            return List.of();
        }
        return MakeFunctions.split(v.recursive() ? expand(v.value(), 0) : v.value());
    }

    boolean isSet(String name) {
        return vars.containsKey(name);
    }

    Set<String> names() {
        return vars.keySet();
    }

    private static List<String> logicalLines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String l : text.split("\n", -1)) {
            if (l.endsWith("\\")) {
                cur.append(l, 0, l.length() - 1).append(' ');
            } else {
                cur.append(l);
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || line.charAt(i - 1) != '\\')) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private boolean skipping() {
        for (Frame f : frames) {
            if (f.current == Tri.FALSE) {
                return true;
            }
        }
        return false;
    }

    private boolean uncertain() {
        for (Frame f : frames) {
            if (f.current == Tri.UNKNOWN) {
                return true;
            }
        }
        return false;
    }

    private boolean conditional(String first, String line) {
        switch (first) {
            case "ifeq", "ifneq", "ifdef", "ifndef" -> {
                frames.push(new Frame(skipping() ? Tri.FALSE : condition(first, line.substring(first.length()).strip())));
                return true;
            }
            case "else" -> {
                Frame f = frames.peek();
                if (f == null) {
                    return true;
                }
                String rest = line.substring(4).strip();
                Tri next;
                if (f.anyTaken == Tri.TRUE) {
                    next = Tri.FALSE;
                } else if (rest.isEmpty()) {
                    next = f.anyTaken == Tri.FALSE ? Tri.TRUE : Tri.UNKNOWN;
                } else {
                    String kw = rest.split("\\s+", 2)[0];
                    Tri c = condition(kw, rest.substring(kw.length()).strip());
                    next = f.anyTaken == Tri.FALSE ? c : (c == Tri.FALSE ? Tri.FALSE : Tri.UNKNOWN);
                }
                f.current = next;
                if (next == Tri.TRUE) {
                    f.anyTaken = Tri.TRUE;
                } else if (next == Tri.UNKNOWN && f.anyTaken == Tri.FALSE) {
                    f.anyTaken = Tri.UNKNOWN;
                }
                return true;
            }
            case "endif" -> {
                if (!frames.isEmpty()) {
                    frames.pop();
                }
                return true;
            }
            case "include", "-include", "sinclude", "export", "unexport", "undefine", "vpath" -> {
                // export/unexport with an assignment are assignments; without one they change nothing here
                if ((first.equals("export") || first.equals("unexport")) && line.contains("=")) {
                    return false;
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private Tri condition(String kind, String args) {
        if (kind.equals("ifdef") || kind.equals("ifndef")) {
            String name = expand(args, 0).strip();
            Tri defined;
            if (name.contains(UNRESOLVED)) {
                defined = Tri.UNKNOWN;
            } else if (name.startsWith("CONFIG_")) {
                defined = config.value(name).isEmpty() ? Tri.FALSE : Tri.TRUE;
            } else if (vars.containsKey(name)) {
                defined = valueOf(name, 0).isEmpty() ? Tri.FALSE : Tri.TRUE;
            } else {
                defined = Tri.UNKNOWN;
            }
            return kind.equals("ifdef") ? defined : not(defined);
        }
        String[] ab = comparison(args);
        if (ab == null) {
            return Tri.UNKNOWN;
        }
        String a = expand(ab[0], 0).strip();
        String b = expand(ab[1], 0).strip();
        if (a.contains(UNRESOLVED) || b.contains(UNRESOLVED)) {
            return Tri.UNKNOWN;
        }
        Tri eq = a.equals(b) ? Tri.TRUE : Tri.FALSE;
        return kind.equals("ifeq") ? eq : not(eq);
    }

    private static Tri not(Tri t) {
        return t == Tri.UNKNOWN ? Tri.UNKNOWN : t == Tri.TRUE ? Tri.FALSE : Tri.TRUE;
    }

    /** The two sides of {@code (a,b)}, {@code "a" "b"} or {@code 'a' 'b'}; null when the form is not recognised. */
    private static String[] comparison(String s) {
        if (s.startsWith("(") && s.endsWith(")")) {
            List<String> parts = MakeFunctions.splitArgs(s.substring(1, s.length() - 1));
            return parts.size() == 2 ? new String[] {parts.get(0), parts.get(1)} : null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([\"'])(.*?)\\1\\s+([\"'])(.*?)\\3").matcher(s);
        return m.matches() ? new String[] {m.group(2), m.group(4)} : null;
    }

    private void assignment(String line) {
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (depth == 0 && c == ':' && !(i + 1 < line.length() && line.charAt(i + 1) == '=')
                    && !(i + 2 < line.length() && line.startsWith(":=", i + 1))) {
                return; // a rule, perhaps with a target-specific variable
            } else if (depth == 0 && c == '=') {
                String op = "=";
                int lhsEnd = i;
                if (i > 0 && "+?:!".indexOf(line.charAt(i - 1)) >= 0) {
                    op = line.charAt(i - 1) + "=";
                    lhsEnd = i - 1;
                    if (op.equals(":=") && i > 1 && line.charAt(i - 2) == ':') {
                        lhsEnd = i - 2;
                    }
                }
                String lhs = line.substring(0, lhsEnd).strip();
                for (String prefix : new String[] {"export ", "override ", "private "}) {
                    if (lhs.startsWith(prefix)) {
                        lhs = lhs.substring(prefix.length()).strip();
                    }
                }
                assign(expand(lhs, 0).strip(), op, line.substring(i + 1).strip());
                return;
            }
        }
    }

    private void assign(String name, String op, String value) {
        if (name.isEmpty() || name.contains(" ")) {
            return;
        }
        Var old = vars.get(name);
        boolean append = op.equals("+=") || uncertain() && old != null;
        if (op.equals("?=") && old != null) {
            return;
        }
        if (op.equals("!=")) {
            value = UNRESOLVED;
            op = ":=";
        }
        if (append && old != null) {
            if (old.recursive()) {
                vars.put(name, new Var(old.value() + " " + value, true));
            } else {
                vars.put(name, new Var(old.value() + " " + expand(value, 0), false));
            }
            return;
        }
        boolean recursive = op.equals("=") || op.equals("?=") || op.equals("+=");
        vars.put(name, recursive ? new Var(value, true) : new Var(expand(value, 0), false));
    }

    private String valueOf(String name, int depth) {
        if (name.startsWith("CONFIG_")) {
            return config.value(name);
        }
        Var v = vars.get(name);
        if (v == null) {
            // Each directory's makefile runs in a make of its own: an unset list variable (mmu-y, foo-builtin-y) is
            // really empty, while upper-case names are the exported ones (BITS, CC) this evaluation does not know.
            return name.equals(name.toUpperCase(java.util.Locale.ROOT)) ? UNRESOLVED : "";
        }
        return v.recursive() ? expand(v.value(), depth + 1) : v.value();
    }

    String expand(String s, int depth) {
        if (depth > MAX_DEPTH) {
            return UNRESOLVED;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$') {
                out.append('$');
                i += 2;
            } else if (n == '(' || n == '{') {
                int close = matching(s, i + 1);
                if (close < 0) {
                    out.append(UNRESOLVED);
                    break;
                }
                out.append(reference(s.substring(i + 2, close), depth));
                i = close + 1;
            } else {
                out.append(UNRESOLVED);
                i += 2;
            }
        }
        return out.toString();
    }

    private static int matching(String s, int open) {
        char o = s.charAt(open);
        char c = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(' || ch == '{') {
                depth++;
            } else if (ch == ')' || ch == '}') {
                depth--;
                if (depth == 0) {
                    return ch == c ? i : -1;
                }
            }
        }
        return -1;
    }

    private String reference(String inner, int depth) {
        int sp = inner.indexOf(' ');
        String head = sp < 0 ? inner : inner.substring(0, sp);
        if (sp > 0 && FUNCTIONS.contains(head)) {
            return function(head, inner.substring(sp + 1), depth);
        }
        int colon = inner.indexOf(':');
        if (colon > 0 && inner.indexOf('=', colon) > 0 && !inner.contains("$")) {
            // a substitution reference, $(VAR:a=b)
            String name = inner.substring(0, colon);
            String[] ab = inner.substring(colon + 1).split("=", 2);
            String pat = ab[0].contains("%") ? ab[0] : "%" + ab[0];
            String rep = ab[1].contains("%") ? ab[1] : "%" + ab[1];
            return MakeFunctions.patsubst(pat, rep, valueOf(name, depth));
        }
        String name = expand(inner, depth + 1).strip();
        if (name.contains(UNRESOLVED)) {
            return UNRESOLVED;
        }
        return valueOf(name, depth);
    }

    private String function(String fn, String argText, int depth) {
        List<String> a = new ArrayList<>();
        for (String r : MakeFunctions.splitArgs(argText)) {
            a.add(expand(r, depth + 1));
        }
        return MakeFunctions.apply(fn, a);
    }
}
