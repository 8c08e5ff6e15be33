package org.dtshrink.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Reads a kernel profile from {@code key = value} lines ({@code #} or {@code !} starts a comment line). Every key is
 * required and unknown keys are errors, so a typo in a user's profile cannot silently fall back to a default.
 */
public final class ProfileParser {

    static final List<String> KEYS = List.of(
            "name", "description", "note",
            "device_node.size", "device_node.align", "property.size", "property.align",
            "of_kobj", "of_dynamic", "full_name", "skip_disabled", "depth_limit", "page_size");

    private static final int MAX_STRUCT_SIZE = 1 << 20;
    private static final int MAX_ALIGN = 4096;

    private final String file;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, SourcePos> positions = new LinkedHashMap<>();

    private ProfileParser(String file) {
        this.file = file;
    }

    /** Parses profile text; every problem is a {@link DtException} naming the file and line. */
    public static KernelProfile parse(String text, String file) {
        ProfileParser p = new ProfileParser(file);
        p.readLines(text);
        return p.build();
    }

    private void readLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!")) {
                continue;
            }
            int col = line.indexOf(trimmed) + 1;
            SourcePos pos = new SourcePos(file, i + 1, col);
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw DtException.at(pos, "expected 'key = value'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEYS.contains(key)) {
                throw DtException.at(pos, "unknown profile key '" + key + "'");
            }
            if (values.containsKey(key)) {
                throw DtException.at(pos, "duplicate profile key '" + key + "'");
            }
            String afterEq = line.substring(eq + 1);
            int valueCol = eq + 2 + (afterEq.length() - afterEq.stripLeading().length());
            values.put(key, value);
            positions.put(key, new SourcePos(file, i + 1, valueCol));
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new DtException(file + ": error: missing profile key '" + key + "'");
            }
        }
    }

    private KernelProfile build() {
        String name = values.get("name");
        if (!name.matches("[A-Za-z0-9._+-]+")) {
            throw DtException.at(positions.get("name"),
                    "profile name must be letters, digits and . _ + - only: '" + name + "'");
        }
        return new KernelProfile(
                name,
                values.get("description"),
                values.get("note"),
                integer("device_node.size", 1, MAX_STRUCT_SIZE),
                alignment("device_node.align"),
                integer("property.size", 1, MAX_STRUCT_SIZE),
                alignment("property.align"),
                choice("of_kobj", "y", "n", "always"),
                flag("of_dynamic"),
                choice("full_name", "name", "path").equals("path") ? FullName.PATH : FullName.NAME,
                flag("skip_disabled"),
                integer("depth_limit", 1, Integer.MAX_VALUE),
                powerOfTwo("page_size", 1 << 30));
    }

    private int integer(String key, long min, long max) {
        String v = values.get(key);
        long n;
        try {
            n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw DtException.at(positions.get(key), key + " must be a number: '" + v + "'");
        }
        if (n < min || n > max) {
            throw DtException.at(positions.get(key), key + " must be between " + min + " and " + max + ": " + v);
        }
        return (int) n;
    }

    private int alignment(String key) {
        return powerOfTwo(key, MAX_ALIGN);
    }

    private int powerOfTwo(String key, int max) {
        int n = integer(key, 1, max);
        if (Integer.bitCount(n) != 1) {
            throw DtException.at(positions.get(key), key + " must be a power of two: " + n);
        }
        return n;
    }

    private boolean flag(String key) {
        return choice(key, "y", "n").equals("y");
    }

    private String choice(String key, String... allowed) {
        String v = values.get(key);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw DtException.at(positions.get(key), key + " must be one of " + String.join("|", allowed) + ": '" + v + "'");
    }
}
