package org.dtshrink.cpp;

/**
 * Writes expanded tokens the way GNU cpp's {@code -E} printer does, so that the text matches it line for line: each
 * source line's first token is indented to its original column (one space per column), later tokens get one space
 * when white space preceded them or when gluing them would make a different token, up to 7 skipped lines are
 * reproduced as empty lines and larger jumps or file changes as line markers {@code # LINE "FILE" FLAGS}.
 */
final class CppOutput {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean printed;
    private int srcLine;
    private String srcFile;
    /** The last token written on the current line, or null at the start of a line. */
    private CppToken prev;
    /** The token whose leading white space pending padding stands for. */
    private CppToken source;
    private boolean avoidPaste;

    /** cpp's preamble: the main file, the built-in and command-line pseudo files, then line 1 of the main file. */
    void start(String mainFile) {
        out.append("# 0 \"").append(quote(mainFile)).append("\"\n");
        out.append("# 0 \"<built-in>\"\n");
        out.append("# 0 \"<command-line>\"\n");
        printLine(mainFile, 1, "");
    }

    /** The first token of a source line is about to be written. */
    void lineChange(CppToken t) {
        maybePrintLine(t.file, t.line);
        prev = null;
        source = null;
        for (int spaces = t.column - 2; spaces > 0; spaces--) {
            out.append(' ');
        }
        printed = true;
    }

    void token(CppToken t) {
        if (t.kind == CppToken.Kind.PADDING) {
            avoidPaste = true;
            if (source == null || !source.has(CppToken.PREV_WHITE) && t.source == null) {
                source = t.source;
            }
            return;
        }
        if (avoidPaste) {
            CppToken s = source == null ? t : source;
            if (s.has(CppToken.PREV_WHITE) || prev != null && wouldPaste(prev, t)
                    || prev == null && t.kind == CppToken.Kind.HASH) {
                out.append(' ');
            }
        } else if (t.has(CppToken.PREV_WHITE)) {
            out.append(' ');
        }
        avoidPaste = false;
        source = null;
        prev = t;
        out.append(t.text);
        printed = true;
    }

    void enterFile(String includer, int includerLine, String file) {
        maybePrintLine(includer, includerLine);
        printLine(file, 1, " 1");
    }

    void leaveFile(String file, int line) {
        printLine(file, line, " 2");
    }

    void renameFile(String file, int line) {
        printLine(file, line, "");
    }

    String finish() {
        if (printed) {
            out.append('\n');
            printed = false;
        }
        return out.toString();
    }

    private void maybePrintLine(String file, int line) {
        if (printed) {
            out.append('\n');
            srcLine++;
            printed = false;
        }
        if (line >= srcLine && line < srcLine + 8 && file.equals(srcFile)) {
            while (line > srcLine) {
                out.append('\n');
                srcLine++;
            }
        } else {
            printLine(file, line, "");
        }
    }

    private void printLine(String file, int line, String flags) {
        if (printed) {
            out.append('\n');
        }
        printed = false;
        srcLine = line;
        srcFile = file;
        out.append("# ").append(line).append(" \"").append(quote(file)).append('"').append(flags).append('\n');
    }

    static String quote(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('"') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** libcpp's cpp_avoid_paste: would writing {@code b} right after {@code a} lex as something else? */
    static boolean wouldPaste(CppToken a, CppToken b) {
        char c = 0;
        if (b.kind == CppToken.Kind.PUNCT || b.kind == CppToken.Kind.HASH || b.kind == CppToken.Kind.PASTE) {
            c = b.text.charAt(0);
        }
        if (a.kind == CppToken.Kind.PUNCT && c == '=' && isEqFamily(a.text)) {
            return true;
        }
        switch (a.kind) {
            case PUNCT:
                switch (a.text) {
                    case ">": return c == '>';
                    case "<": return c == '<' || c == '%' || c == ':';
                    case "+": return c == '+';
                    case "-": return c == '-' || c == '>';
                    case "/": return c == '/' || c == '*';
                    case "%": return c == ':' || c == '%';
                    case "&": return c == '&';
                    case "|": return c == '|';
                    case ":": return c == ':' || c == '>';
                    case "->": return c == '*';
                    case ".": return c == '.' || c == '%' || b.kind == CppToken.Kind.NUMBER;
                    default: return false;
                }
            case HASH:
                return c == '#' || c == '%';
            case NAME:
                return b.kind == CppToken.Kind.NUMBER && isNameNumber(b.text) || b.kind == CppToken.Kind.NAME
                        || b.kind == CppToken.Kind.CHAR || b.kind == CppToken.Kind.STRING;
            case NUMBER:
                return b.kind == CppToken.Kind.NUMBER || b.kind == CppToken.Kind.NAME || b.kind == CppToken.Kind.CHAR
                        || c == '.' || c == '+' || c == '-';
            case OTHER:
                return a.text.charAt(0) == '\\' && b.kind == CppToken.Kind.NAME;
            default:
                return false;
        }
    }

    /** Tokens that can be followed by '=' to make another operator (libcpp's types up to CPP_LAST_EQ). */
    private static boolean isEqFamily(String p) {
        switch (p) {
            case "=": case "!": case ">": case "<": case "+": case "-": case "*": case "/": case "%": case "&":
            case "|": case "^": case ">>": case "<<":
                return true;
            default:
                return false;
        }
    }

    /** A pp-number that is all name characters (so it would merge with a preceding name). */
    private static boolean isNameNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!CppLexer.isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
