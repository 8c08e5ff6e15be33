package org.dtshrink.cpp;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds included files as cpp does and names them as cpp does: {@code "x"} in the including file's directory first,
 * then in the {@code -I} directories in order, {@code <x>} in the {@code -I} directories only; a file found is called
 * directory + '/' + name, exactly as written (no normalisation), which is what line markers and dependency lists show.
 */
final class IncludeSearch {

    /** A file found: the name as written in the directive, the name cpp gives it, and the -I index (or -1). */
    record Found(String written, String name, Path file, int searchIndex) {
        /** cpp's file cache key: the same name reached through another spelling is another entry. */
        String lookupKey() {
            return written + '\0' + name;
        }
    }

    private final Path workingDirectory;
    private final List<String> dirs;

    IncludeSearch(Path workingDirectory, List<String> dirs) {
        this.workingDirectory = workingDirectory;
        this.dirs = dirs;
    }

    Path resolve(String name) {
        return workingDirectory.resolve(name);
    }

    /**
     * Looks for {@code fname} in {@code quoteDir} (the includer's directory prefix; null for {@code <...>} and
     * {@code #include_next}), then in the -I directories from index {@code start}; null when not found.
     */
    Found find(String fname, String quoteDir, int start) {
        if (Path.of(fname).isAbsolute()) {
            return Files.isRegularFile(WorkingDirectory.resolve(fname)) ? new Found(fname, fname, Path.of(fname), -1) : null;
        }
        if (quoteDir != null) {
            String name = quoteDir + fname;
            Path p = resolve(name);
            if (Files.isRegularFile(WorkingDirectory.resolve(p))) {
                return new Found(fname, name, p, -1);
            }
        }
        for (int i = start; i < dirs.size(); i++) {
            String dir = dirs.get(i);
            String name = dir.isEmpty() ? fname : dir.endsWith("/") ? dir + fname : dir + "/" + fname;
            Path p = resolve(name);
            if (Files.isRegularFile(WorkingDirectory.resolve(p))) {
                return new Found(fname, name, p, i);
            }
        }
        return null;
    }

    /** The directory part of a file name as cpp forms it: everything up to and including the last '/'. */
    static String dirPrefix(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash + 1);
    }

    static Path realPath(Path p) {
        try {
            return WorkingDirectory.resolve(p).toRealPath();
        } catch (IOException e) {
            return WorkingDirectory.resolve(p).toAbsolutePath().normalize();
        }
    }

    /** A source file's text: UTF-8, or byte for char (ISO-8859-1) when it is not valid UTF-8. */
    static String read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(WorkingDirectory.resolve(file));
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
