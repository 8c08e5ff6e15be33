package org.dtshrink.usage;

import java.util.regex.Pattern;

/**
 * A shell-style pattern over property names and compatibles: {@code *} any run of characters, {@code ?} one
 * character, {@code [abc]} / {@code [a-z]} / {@code [!a]} a class. Everything else matches itself.
 */
public final class Glob {

    private final String text;
    private final Pattern regex;

    private Glob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /** Whether the text uses any pattern character; a plain name is matched exactly and cheaper. */
    public static boolean isPattern(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    public static Glob of(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                    continue;
                }
                String body = pattern.substring(i + 1, close);
                boolean negate = body.startsWith("!");
                if (negate) {
                    body = body.substring(1);
                }
                re.append('[').append(negate ? "^" : "");
                for (char b : body.toCharArray()) {
                    re.append(b == '-' ? "-" : escapeInClass(b));
                }
                re.append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new Glob(pattern, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    private static String escapeInClass(char b) {
        return Character.isLetterOrDigit(b) ? String.valueOf(b) : "\\" + b;
    }

    public boolean matches(String s) {
        return regex.matcher(s).matches();
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
