package org.dtshrink.scan;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/** A kernel {@code .config}: {@code CONFIG_X=y|m|value} lines; "# CONFIG_X is not set" and absent mean unset. */
public final class KernelConfig {

    private final Map<String, String> values;

    private KernelConfig(Map<String, String> values) {
        this.values = values;
    }

    public static KernelConfig read(Path file) {
        String text;
        try {
            text = Files.readString(WorkingDirectory.resolve(file), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new DtException(file + ": error: cannot read: no such file");
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static KernelConfig parse(String text, String fileName) {
        Map<String, String> values = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (!line.startsWith("CONFIG_") || eq < 0) {
                throw DtException.at(new SourcePos(fileName, i + 1, 1), "not a kernel configuration line: " + line);
            }
            String value = line.substring(eq + 1);
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            values.put(line.substring(0, eq), value);
        }
        return new KernelConfig(values);
    }

    /** The value, {@code ""} when unset, as make sees {@code $(CONFIG_X)}. */
    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether the option builds code: {@code y} or {@code m} (modules count as built). */
    public boolean isBuilt(String name) {
        String v = value(name);
        return v.equals("y") || v.equals("m");
    }

    /** The kernel architecture directory the configuration is for, guessed from its arch option, or null. */
    public String guessArch() {
        String[][] table = {{"CONFIG_ARM64", "arm64"}, {"CONFIG_ARM", "arm"}, {"CONFIG_X86", "x86"},
            {"CONFIG_RISCV", "riscv"}, {"CONFIG_MIPS", "mips"}, {"CONFIG_PPC", "powerpc"},
            {"CONFIG_LOONGARCH", "loongarch"}, {"CONFIG_ARC", "arc"}, {"CONFIG_XTENSA", "xtensa"},
            {"CONFIG_MICROBLAZE", "microblaze"}, {"CONFIG_NIOS2", "nios2"}, {"CONFIG_OPENRISC", "openrisc"},
            {"CONFIG_SUPERH", "sh"}};
        for (String[] row : table) {
            if (value(row[0]).equals("y")) {
                return row[1];
            }
        }
        return null;
    }
}
