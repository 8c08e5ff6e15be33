package org.dtshrink.cpp;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The C preprocessor the kernel runs over device-tree sources before dtc
 * ({@code cpp -nostdinc -I... -undef -D__DTS__ -x assembler-with-cpp}), built in. The output is GNU cpp's text for
 * the same input: the same tokens on the same lines with the same spacing, and line markers
 * {@code # LINE "FILE" FLAGS} (flag 1 entering an include, 2 returning) so that every token maps back to its file
 * and line. Lines whose '#' is not followed by a directive name ({@code #address-cells = <1>;}) are text, and dtc's
 * own {@code /include/} is left alone.
 *
 * <p>Sources are read as UTF-8 (a file that is not valid UTF-8 is read as ISO-8859-1, byte for char). Errors are a
 * {@link org.dtshrink.tree.DtException} whose message is cpp's, at {@code file:line:col} with the column counted in
 * bytes; the first error ends the run (cpp would go on to report more).
 */
public final class Preprocessor {

    /** Include directories and command-line macros, in cpp's terms. */
    public static final class Options {
        private final List<Path> includeDirs = new ArrayList<>();
        private final List<String> commandLine = new ArrayList<>();
        private Path workingDirectory = Path.of("");
        private int maxIncludeDepth = 200;

        /** The kernel's flags: {@code -undef -D__DTS__}; add the include directories. */
        public static Options kernel() {
            return new Options().define("__DTS__");
        }

        /** {@code -I dir}: searched, in the order added, for {@code <...>} and then for {@code "..."} includes. */
        public Options includeDir(Path dir) {
            includeDirs.add(dir);
            return this;
        }

        /** {@code -D NAME}, {@code -D NAME=VALUE} or {@code -D NAME(ARGS)=BODY}. */
        public Options define(String spec) {
            int eq = spec.indexOf('=');
            commandLine.add(eq < 0 ? "#define " + spec + " 1" : "#define " + spec.substring(0, eq) + " "
                    + spec.substring(eq + 1));
            return this;
        }

        /** {@code -U NAME}. */
        public Options undefine(String name) {
            commandLine.add("#undef " + name);
            return this;
        }

        /** The directory relative file names are taken from (cpp's current directory); names keep their form. */
        public Options workingDirectory(Path dir) {
            workingDirectory = dir;
            return this;
        }

        public Options maxIncludeDepth(int depth) {
            maxIncludeDepth = depth;
            return this;
        }
    }

    /**
     * The preprocessed text, every file read (the main file first, named and listed as {@code cpp -M} does) and the
     * warnings cpp would print, each {@code file:line:col: warning: what}.
     */
    public record Result(String text, List<Path> dependencies, List<String> warnings) {
    }

    /** What cpp predefines under {@code -undef} for {@code -x assembler-with-cpp}. */
    private static final String BUILT_IN = "#define __STDC__ 1\n#define __STDC_HOSTED__ 1\n#define __ASSEMBLER__ 1\n";

    private final Options options;

    public Preprocessor(Options options) {
        this.options = options;
    }

    /** Preprocesses {@code file}; bad input throws {@link org.dtshrink.tree.DtException} with cpp's position. */
    public Result run(Path file) {
        CppEngine engine = new CppEngine(options.workingDirectory, includeDirNames(), options.maxIncludeDepth);
        engine.runDirectives("<built-in>", BUILT_IN);
        engine.runDirectives("<command-line>", String.join("\n", options.commandLine) + "\n");
        String text = engine.run(file.toString());
        List<Path> deps = new ArrayList<>();
        for (String d : engine.dependencies()) {
            deps.add(Path.of(d));
        }
        return new Result(text, List.copyOf(deps), List.copyOf(engine.warnings()));
    }

    /** Like cpp: trailing slashes dropped, directories that do not exist or repeat an earlier one ignored. */
    private List<String> includeDirNames() {
        List<String> names = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path dir : options.includeDirs) {
            String name = dir.toString();
            while (name.length() > 1 && name.endsWith("/")) {
                name = name.substring(0, name.length() - 1);
            }
            Path p = options.workingDirectory.resolve(name);
            if (!Files.isDirectory(WorkingDirectory.resolve(p))) {
                continue;
            }
            try {
                p = WorkingDirectory.resolve(p).toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (seen.add(p)) {
                names.add(name);
            }
        }
        return names;
    }

    private static final java.util.Set<String> DIRECTIVES = java.util.Set.of("include", "include_next", "import",
            "define", "undef", "if", "ifdef", "ifndef", "elif", "elifdef", "elifndef", "else", "endif", "error",
            "warning", "pragma", "line");

    /**
     * Whether the text uses cpp: a directive at the start of a line. Property names such as {@code #address-cells}
     * and line markers such as {@code # 12 "x.dtsi"} (what cpp's own output has) do not count.
     */
    public static boolean needsPreprocessing(String text) {
        return needsPreprocessing(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * {@link #needsPreprocessing(String)} on the bytes of a file, in one pass without a regular expression: each '#'
     * found, the blanks before it are walked back to see whether it starts a line (after \n, \r or NEL, the line
     * terminators Java's multi-line ^ knows in this range).
     */
    public static boolean needsPreprocessing(byte[] text) {
        int n = text.length;
        for (int h = 0; h < n; h++) {
            if (text[h] != '#') {
                continue;
            }
            int b = h - 1;
            while (b >= 0 && (text[b] == ' ' || text[b] == '\t')) {
                b--;
            }
            if (b >= 0 && text[b] != '\n' && text[b] != '\r' && text[b] != (byte) 0x85) {
                continue;
            }
            int i = h + 1;
            while (i < n && (text[i] == ' ' || text[i] == '\t')) {
                i++;
            }
            int start = i;
            while (i < n && isWordByte(text[i])) {
                i++;
            }
            // every directive is a lower-case word of at most 12 letters: a marker's "12" and names such as
            // #address-cells need no look-up
            if (i > start && i - start <= 12 && text[start] >= 'a' && text[start] <= 'z'
                    && DIRECTIVES.contains(new String(text, start, i - start,
                            java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '_' || b == '$'
                || b == '-';
    }
}
