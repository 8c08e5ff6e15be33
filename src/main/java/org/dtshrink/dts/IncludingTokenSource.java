package org.dtshrink.dts;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Feeds the parser the tokens of a source file with /include/ files spliced in where they are named, as dtc's lexer
 * does (anywhere a token may stand, in the lexer state of the includer), and stamps every token with its position in
 * the original file: cpp line markers ({@code # 12 "file"}) move the file name and line of what follows. Text is read
 * as ISO-8859-1 so that every byte survives unchanged. The only source between the text and the parser: it also
 * applies the {@link NestingGuard}.
 */
final class IncludingTokenSource implements TokenSource {

    /** dtc's limit on nested source files; an include cycle runs into it. */
    static final int MAX_INCLUDE_DEPTH = 200;

    private final DtsOptions options;
    private final NestingGuard guard = new NestingGuard();
    private final NameTexts names = new NameTexts();
    /** The innermost open file; its includers are its parents. */
    private Frame top;
    /** Only the generated parser asks for it; none is made for the hand-written one. */
    private TokenFactory<?> factory;
    private java.util.function.Consumer<DtsToken> watcher;

    /** One open source file: its scanner, where its positions currently point, and the file that included it. */
    private static final class Frame {
        final DtsScanner scanner;
        DtsToken.Origin origin;
        final Frame parent;
        /** How many files are open, this one included. */
        final int depth;

        Frame(DtsScanner scanner, DtsToken.Origin origin, Frame parent) {
            this.scanner = scanner;
            this.origin = origin;
            this.parent = parent;
            this.depth = parent == null ? 1 : parent.depth + 1;
        }
    }

    IncludingTokenSource(String text, String fileName, DtsOptions options) {
        this.options = options;
        push(text, fileName, parentDir(fileName));
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static Path parentDir(String fileName) {
        int slash = fileName.lastIndexOf('/');
        return slash < 0 ? null : Path.of(slash == 0 ? "/" : fileName.substring(0, slash));
    }

    private void push(String text, String fileName, Path dir) {
        top = new Frame(new DtsScanner(text), new DtsToken.Origin(text, fileName, 0, dir), top);
    }

    @Override
    public Token nextToken() {
        advance();
        return token();
    }

    /**
     * Moves to the next token for the parser and returns its type; {@link #token} makes it an object, which the
     * hand-written parser asks for only when a builder is given the token.
     */
    int advance() {
        int type = read();
        String tooDeep = guard.check(type);
        if (tooDeep != null) {
            throw DtException.at(token().pos(), tooDeep);
        }
        if (watcher != null) {
            watcher.accept(token());
        }
        return type;
    }

    /** The token {@link #advance} moved to, as a new object; asked for before the next advance. */
    DtsToken token() {
        DtsToken t = stamp(top);
        if (t.getType() == DtsLexer.PROPNODENAME) {
            t.setText(top.scanner.name(names));
        }
        return t;
    }

    /** Shows {@code w} each token as a parser fetches it: the test that compares the two parsers logs them. */
    void watch(java.util.function.Consumer<DtsToken> w) {
        this.watcher = w;
    }

    /** The type of the next token, skipping line markers and following includes; {@link #top} is where it is. */
    private int read() {
        while (true) {
            Frame f = top;
            DtsScanner sc = f.scanner;
            int type = sc.next();
            if (type == Token.EOF) {
                if (f.parent != null) {
                    top = f.parent;
                    // dtc's lexer state is global: what the included text left it in goes on in the includer
                    top.scanner.mode = sc.mode;
                    continue;
                }
                return type;
            }
            if (type == DtsLexer.LINE_MARKER) {
                applyLineMarker(f);
                continue;
            }
            if (type == DtsLexer.INCLUDE) {
                include(f);
                continue;
            }
            return type;
        }
    }

    private static DtsToken stamp(Frame f) {
        DtsScanner sc = f.scanner;
        return new DtsToken(sc.type, sc.start, sc.end, sc.line, sc.column, f.origin);
    }

    private static void applyLineMarker(Frame f) {
        DtsScanner sc = f.scanner;
        String s = sc.text();
        int i = sc.start + 1;
        while (!Character.isDigit(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (Character.isDigit(s.charAt(j))) {
            j++;
        }
        long line;
        try {
            line = Long.parseLong(s, i, j, 10);
        } catch (NumberFormatException e) {
            line = Integer.MAX_VALUE;
        }
        int q1 = s.indexOf('"', j);
        int q2 = s.lastIndexOf('"', sc.end - 1);
        // The marker names the number of the line after it.
        long delta = line - (sc.line + 1L);
        f.origin = new DtsToken.Origin(s, printable(s, q1 + 1, q2),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, delta)), f.origin.dir());
    }

    private void include(Frame f) {
        SourcePos at = stamp(f).pos();
        DtsScanner sc = f.scanner;
        String s = sc.text();
        String name = s.substring(s.indexOf('"', sc.start) + 1, sc.end - 1);
        if (top.depth >= MAX_INCLUDE_DEPTH) {
            throw DtException.at(at, "Includes nested too deeply");
        }
        Resolved r = resolve(name, f.origin.dir(), options, at);
        push(latin1(r.bytes), r.displayName, parentDir(r.displayName));
        // /include/ is lexical, as in dtc: the file goes on from the includer's state (after '{' or ';' a name is
        // expected), so a fragment may begin in the middle of a node body
        top.scanner.mode = sc.mode;
    }

    /** A file found on the search path: its contents and the name positions in it are reported under. */
    record Resolved(byte[] bytes, String displayName) {
    }

    /** Opens a file as dtc does: relative to the including file's directory first, then each -i directory. */
    static Resolved resolve(String name, Path dir, DtsOptions options, SourcePos at) {
        String first = (dir == null || name.startsWith("/")) ? name : join(dir, name);
        IOException firstError;
        try {
            return new Resolved(readRegularFile(first), first);
        } catch (IOException e) {
            firstError = e;
        }
        if (!name.startsWith("/")) {
            for (Path d : options.includeDirs()) {
                String candidate = join(d, name);
                try {
                    return new Resolved(readRegularFile(candidate), candidate);
                } catch (IOException e) {
                    // try the next directory
                }
            }
        }
        throw DtException.at(at, "Couldn't open \"" + printable(name) + "\": " + reason(firstError));
    }

    /** Reads a file, refusing devices and directories (a /dev/zero would never end). */
    private static byte[] readRegularFile(String name) throws IOException {
        Path p;
        try {
            p = WorkingDirectory.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            throw new java.nio.file.NoSuchFileException(name);
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new java.nio.file.FileSystemException(name, null, "Not a regular file");
        }
        return Files.readAllBytes(p);
    }

    /** Text fit for a one-line message: control characters are written as C escapes. */
    static String printable(String s) {
        return printable(s, 0, s.length());
    }

    /** {@link #printable(String)} of {@code s} from {@code from} to {@code to} (exclusive). */
    static String printable(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) >= 0x20 && s.charAt(i) != 0x7f) {
            i++;
        }
        if (i == to) {
            return s.substring(from, to);
        }
        StringBuilder sb = new StringBuilder(to - from + 8);
        sb.append(s, from, i);
        for (; i < to; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                sb.append("\\n");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String join(Path dir, String name) {
        String d = dir.toString();
        return d.endsWith("/") ? d + name : d + "/" + name;
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return "cannot read file";
    }

    @Override
    public int getLine() {
        return top.scanner.line;
    }

    @Override
    public int getCharPositionInLine() {
        return top.scanner.column;
    }

    /** No ANTLR character stream stands behind these tokens. */
    @Override
    public CharStream getInputStream() {
        return null;
    }

    @Override
    public String getSourceName() {
        return top.origin.file();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        this.factory = factory;
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return factory != null ? factory : CommonTokenFactory.DEFAULT;
    }
}
