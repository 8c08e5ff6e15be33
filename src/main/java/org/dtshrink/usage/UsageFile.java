package org.dtshrink.usage;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Reads a usage list: one entry a line; a {@code #} followed by a space or the end of the line starts a comment
 * (so that names such as {@code #clock-cells} stay names).
 * <pre>
 *   NAME or GLOB            a property name the kernel may read (st,adc-channels, *-supply, pinctrl-[0-9]*)
 *   compatible: NAME|GLOB   a compatible some built code matches
 *   subtree: /PATH          every property of every node at or below PATH
 * </pre>
 * A name with spaces, a {@code #} at its end, or none at all is written in double quotes ({@code "Power Macintosh"},
 * {@code ""}); a quoted name holds no {@code "} and no control character.
 * The same format serves the built-in core set and the users' {@code --usage} files.
 */
public final class UsageFile {

    private static final String COMPATIBLE = "compatible:";
    private static final String SUBTREE = "subtree:";

    private UsageFile() {
    }

    public static UsageSet read(Path file) {
        String text;
        try {
            text = Files.readString(WorkingDirectory.resolve(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DtException(file + ": error: cannot read: no such file");
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot read: " + e.getMessage());
        }
        UsageSet set = new UsageSet();
        parse(text, file.toString(), file.toString(), set);
        return set;
    }

    /** Parses {@code text} (named {@code fileName} in errors) into {@code set}, each entry from {@code origin}. */
    public static void parse(String text, String fileName, String origin, UsageSet set) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String body = line.substring(0, commentStart(line));
            String s = body.strip();
            if (s.isEmpty()) {
                continue;
            }
            SourcePos pos = new SourcePos(fileName, i + 1, line.indexOf(s.charAt(0)) + 1);
            if (s.startsWith(COMPATIBLE)) {
                set.addCompatible(word(s.substring(COMPATIBLE.length()).strip(), pos), origin);
            } else if (s.startsWith(SUBTREE)) {
                String path = word(s.substring(SUBTREE.length()).strip(), pos);
                if (!path.startsWith("/")) {
                    throw DtException.at(pos, "subtree path must start with '/': " + path);
                }
                set.addSubtree(path, origin);
            } else {
                set.addProperty(word(s, pos), origin);
            }
        }
    }

    private static int commentStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                quoted = !quoted;
            } else if (!quoted && line.charAt(i) == '#' && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)))) {
                return i;
            }
        }
        return line.length();
    }

    private static String word(String s, SourcePos pos) {
        if (s.isEmpty()) {
            throw DtException.at(pos, "missing name");
        }
        if (s.charAt(0) == '"') {
            return quoted(s, pos);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw DtException.at(pos, "one name a line expected, found '" + s + "'");
            }
        }
        return s;
    }

    private static String quoted(String s, SourcePos pos) {
        int end = s.indexOf('"', 1);
        if (end < 0) {
            throw DtException.at(pos, "missing closing '\"'");
        }
        if (end != s.length() - 1) {
            throw DtException.at(pos, "one name a line expected, found '" + s + "'");
        }
        String name = s.substring(1, end);
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < ' ' || name.charAt(i) == 0x7f) {
                throw DtException.at(pos, "control character in a quoted name");
            }
        }
        return name;
    }

    /** How {@code name} is written in a usage file: as it is, or quoted; null when no spelling reads back to it. */
    public static String spelling(String name) {
        boolean plain = !name.isEmpty() && !name.startsWith(COMPATIBLE) && !name.startsWith(SUBTREE)
                && !name.endsWith("#");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c < ' ' || c == 0x7f) {
                return null;
            }
            plain &= c != ' ';
        }
        return plain ? name : '"' + name + '"';
    }
}
