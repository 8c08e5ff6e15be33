package org.dtshrink.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * GNU make's text functions as Kbuild files use them ({@code patsubst}, {@code filter}, {@code addprefix}, {@code if}
 * ...), on arguments already expanded. A function this evaluation does not model, or a call it cannot decide,
 * gives {@link KbuildMakefile#UNRESOLVED}.
 */
final class MakeFunctions {

    private static final String UNRESOLVED = KbuildMakefile.UNRESOLVED;

    private MakeFunctions() {
    }

    /** The value of {@code $(fn a,b,...)}. */
    static String apply(String fn, List<String> a) {
        switch (fn) {
            case "patsubst":
                return a.size() == 3 ? patsubst(a.get(0).strip(), a.get(1).strip(), a.get(2)) : UNRESOLVED;
            case "subst":
                return a.size() == 3 ? a.get(2).replace(a.get(0), a.get(1)) : UNRESOLVED;
            case "addprefix":
            case "addsuffix": {
                if (a.size() != 2) {
                    return UNRESOLVED;
                }
                List<String> out = new ArrayList<>();
                for (String w : split(a.get(1))) {
                    out.add(fn.equals("addprefix") ? a.get(0).strip() + w : w + a.get(0).strip());
                }
                return String.join(" ", out);
            }
            case "filter":
            case "filter-out": {
                if (a.size() != 2) {
                    return UNRESOLVED;
                }
                List<String> pats = split(a.get(0));
                List<String> out = new ArrayList<>();
                for (String w : split(a.get(1))) {
                    boolean m = false;
                    for (String p : pats) {
                        m |= patternMatch(p, w) != null;
                    }
                    if (m == fn.equals("filter") || w.contains(UNRESOLVED)) {
                        out.add(w);
                    }
                }
                return String.join(" ", out);
            }
            case "strip":
            case "sort":
                return String.join(" ", split(String.join(",", a)));
            case "firstword": {
                List<String> w = split(String.join(",", a));
                return w.isEmpty() ? "" : w.get(0);
            }
            case "if": {
                String cond = a.isEmpty() ? "" : a.get(0).strip();
                if (cond.contains(UNRESOLVED)) {
                    return String.join(" ", a.subList(1, a.size()));
                }
                if (!cond.isEmpty()) {
                    return a.size() > 1 ? a.get(1) : "";
                }
                return a.size() > 2 ? a.get(2) : "";
            }
            case "notdir":
            case "dir":
            case "basename": {
                List<String> out = new ArrayList<>();
                for (String w : split(String.join(",", a))) {
                    int slash = w.lastIndexOf('/');
                    if (fn.equals("notdir")) {
                        out.add(w.substring(slash + 1));
                    } else if (fn.equals("dir")) {
                        out.add(slash < 0 ? "./" : w.substring(0, slash + 1));
                    } else {
                        int dot = w.lastIndexOf('.');
                        out.add(dot > slash ? w.substring(0, dot) : w);
                    }
                }
                return String.join(" ", out);
            }
            case "info":
            case "warning":
            case "error":
                return "";
            default:
                return UNRESOLVED;
        }
    }

    static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '{') {
                depth++;
            } else if (c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** What {@code %} stood for when {@code word} matches {@code pattern}, or null when it does not match. */
    private static String patternMatch(String pattern, String word) {
        int pct = pattern.indexOf('%');
        if (pct < 0) {
            return pattern.equals(word) ? "" : null;
        }
        String pre = pattern.substring(0, pct);
        String post = pattern.substring(pct + 1);
        if (word.length() >= pre.length() + post.length() && word.startsWith(pre) && word.endsWith(post)) {
            return word.substring(pre.length(), word.length() - post.length());
        }
        return null;
    }

    static String patsubst(String pattern, String replacement, String text) {
        List<String> out = new ArrayList<>();
        for (String w : split(text)) {
            String stem = patternMatch(pattern, w);
            if (stem == null) {
                out.add(w);
            } else {
                out.add(replacement.contains("%") ? replacement.replaceFirst("%",
                        java.util.regex.Matcher.quoteReplacement(stem)) : replacement);
            }
        }
        return String.join(" ", out);
    }
}
