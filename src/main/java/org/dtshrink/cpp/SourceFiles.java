package org.dtshrink.cpp;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dtshrink.tree.DtException;

/**
 * The files of one preprocessing run: the stack of open files, {@code #include} lookup and the reasons not to enter
 * a file again ({@code #pragma once}, {@code #import}, include guards), and the dependency list {@code cpp -M} prints.
 */
final class SourceFiles {

    /** An open source file. */
    static final class Frame {
        final Frame parent;
        final Path path;
        final CppLexer lexer;
        /** The directory part of the file's name, for {@code #include "..."}; "" for the working directory. */
        final String dirPrefix;
        /** The index of the include directory the file was found in, or -1. */
        final int searchIndex;
        /** How many conditionals were open when the file was entered. */
        final int condBase;
        final int depth;
        /** The key of cpp's file cache: the name as written in the directive and the path it was found at. */
        final String lookupKey;

        Frame(Frame parent, Path path, String lookupKey, CppLexer lexer, String dirPrefix, int searchIndex,
                int condBase) {
            this.parent = parent;
            this.path = path;
            this.lookupKey = lookupKey;
            this.lexer = lexer;
            this.dirPrefix = dirPrefix;
            this.searchIndex = searchIndex;
            this.condBase = condBase;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    private final CppEngine e;
    private final IncludeSearch search;
    private final int maxIncludeDepth;
    /** Files in the order first entered, once per lookup key as {@code cpp -M} lists them. */
    private final List<String> dependencies = new ArrayList<>();
    private final Set<String> enteredKeys = new HashSet<>();
    private final Set<Path> onceOnly = new HashSet<>();
    private final Set<Path> imported = new HashSet<>();
    /**
     * Files wholly inside {@code #ifndef GUARD ... #endif}: cpp does not even enter them again once GUARD is set. Like
     * cpp's file cache this is keyed by the name as written in the directive and the path it was found at, so the
     * same file reached as {@code "x.h"} from its own directory and as {@code <dir/x.h>} counts as two.
     */
    private final Map<String, String> guards = new HashMap<>();

    /** The file being read. */
    Frame frame;
    /** The main file's name, for {@code __BASE_FILE__}. */
    String baseFile;
    /**
     * cpp's include-guard detection: true while nothing but an opening {@code #ifndef} (or the whole conditional it
     * opened) has been seen in the current file; {@link #guardCandidate} is that conditional's macro once closed.
     */
    boolean guardValid;
    String guardCandidate;

    SourceFiles(CppEngine engine, IncludeSearch search, int maxIncludeDepth) {
        this.e = engine;
        this.search = search;
        this.maxIncludeDepth = maxIncludeDepth;
    }

    List<String> dependencies() {
        return new ArrayList<>(dependencies);
    }

    /** Reads directive lines (the built-in and command-line definitions) as the named pseudo file. */
    void openPseudoFile(String pseudoFile, String text) {
        frame = new Frame(null, null, pseudoFile, new CppLexer(pseudoFile, text), "", -1, 0);
    }

    void closePseudoFile() {
        frame = null;
    }

    /** Opens the main file, which cpp calls {@code name}. */
    void openMain(String name) {
        Path file = search.resolve(name);
        if (!Files.isRegularFile(WorkingDirectory.resolve(file))) {
            throw new DtException(name + ": error: file not found");
        }
        String text;
        try {
            text = IncludeSearch.read(file);
        } catch (IOException ex) {
            throw unreadable(file, null, ex);
        }
        baseFile = name;
        dependencies.add(name);
        frame = new Frame(null, file, name, new CppLexer(name, text), IncludeSearch.dirPrefix(name), -1, 0);
        guardValid = true;
    }

    /** At the end of an included file: back to the file that included it. */
    void leaveInclude() {
        if (guardValid && guardCandidate != null) {
            guards.putIfAbsent(frame.lookupKey, guardCandidate);
        }
        guardValid = false;
        Frame parent = frame.parent;
        frame = parent;
        if (e.printing) {
            e.out.leaveFile(parent.lexer.name(), parent.lexer.nextLine());
        }
    }

    /** {@code #pragma once}: the current file is not entered again. */
    void once(CppToken at) {
        if (frame.parent == null) {
            e.warn(at, "#pragma once in main file");
        } else if (frame.path != null) {
            onceOnly.add(IncludeSearch.realPath(frame.path));
        }
    }

    /** Where an include of {@code fname} leads from the current file, or null when it is not found. */
    IncludeSearch.Found find(String fname, boolean angled, boolean next) {
        if (next && frame.parent != null && frame.searchIndex >= 0) {
            return search.find(fname, null, frame.searchIndex + 1);
        }
        return search.find(fname, angled ? null : frame.dirPrefix, 0);
    }

    /**
     * The operand of {@code #include}, {@code #include_next} or {@code #import}: the file to enter, or null when it
     * is not to be entered again.
     */
    IncludeSearch.Found include(CppToken directive) {
        String fname;
        boolean angled;
        CppToken at;
        CppToken header = e.lookahead.isEmpty() ? frame.lexer.headerName() : null;
        if (header != null) {
            fname = header.text.substring(1, header.text.length() - 1);
            angled = true;
            at = header;
        } else {
            CppToken t = e.nextReal();
            at = t;
            if (t.kind == CppToken.Kind.STRING && t.text.startsWith("\"")) {
                fname = t.text.substring(1, t.text.length() - 1);
                angled = false;
            } else if (t.is("<")) {
                fname = e.expander.bracketedName();
                angled = true;
            } else {
                throw DtException.at(CppEngine.pos(t), "#" + directive.text + " expects \"FILENAME\" or <FILENAME>");
            }
        }
        if (fname.isEmpty()) {
            throw DtException.at(CppEngine.pos(at), "empty filename in #" + directive.text);
        }
        e.directives.checkEolExpanding(directive);
        if (frame.depth + 1 >= maxIncludeDepth) {
            throw DtException.at(CppEngine.pos(at), "#include nested depth " + (frame.depth + 1)
                    + " exceeds maximum of " + maxIncludeDepth);
        }
        IncludeSearch.Found found = find(fname, angled, directive.text.equals("include_next"));
        if (found == null) {
            throw DtException.at(CppEngine.pos(at), "'" + fname + "' file not found" + includeChain());
        }
        Path real = IncludeSearch.realPath(found.file());
        String guard = guards.get(found.lookupKey());
        if (onceOnly.contains(real) || guard != null && e.macros.isDefined(guard)) {
            return null;
        }
        if (directive.text.equals("import")) {
            if (!imported.add(real)) {
                return null;
            }
        }
        return found;
    }

    /** " (included from a.dts:3, b.dtsi:7)" for a file that is not the main one, else "". */
    private String includeChain() {
        if (frame.parent == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(" (included from ");
        for (Frame f = frame.parent; f != null; f = f.parent) {
            if (f != frame.parent) {
                b.append(", ");
            }
            b.append(f.lexer.name()).append(':').append(f.lexer.nextLine() - 1);
        }
        return b.append(')').toString();
    }

    void enter(IncludeSearch.Found inc, CppToken at) {
        String includer = frame.lexer.name();
        String text;
        try {
            text = IncludeSearch.read(inc.file());
        } catch (IOException ex) {
            throw unreadable(inc.file(), at, ex);
        }
        if (enteredKeys.add(inc.lookupKey())) {
            dependencies.add(inc.name());
        }
        frame = new Frame(frame, inc.file(), inc.lookupKey(), new CppLexer(inc.name(), text),
                IncludeSearch.dirPrefix(inc.name()), inc.searchIndex(), e.conditionals.depth());
        guardValid = true;
        guardCandidate = null;
        if (e.printing) {
            e.out.enterFile(includer, e.lastEolLine, inc.name());
        }
    }

    private static DtException unreadable(Path file, CppToken at, IOException ex) {
        String what = "cannot read '" + file + "': " + ex.getMessage();
        return at == null ? new DtException(file + ": error: " + what) : DtException.at(CppEngine.pos(at), what);
    }
}
