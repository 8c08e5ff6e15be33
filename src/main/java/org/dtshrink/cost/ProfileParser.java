package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/**
 * Reads a kernel profile from {@code key = value} lines ({@code #} or {@code !} starts a comment line). Every key is
 * required and unknown keys are errors, so a typo in a user's profile cannot silently fall back to a default; the
 * boot figures ({@link #BOOT_KEYS}) are all given or none, so that a profile of the unflatten figures alone still
 * reads.
 */
public final class ProfileParser {

    static final List<String> KEYS = List.of(
            "name", "description", "note",
            "device_node.size", "device_node.align", "property.size", "property.align",
            "of_kobj", "of_dynamic", "full_name", "skip_disabled", "depth_limit", "page_size");

    /** The figures of the rest of boot: all of them or none (a profile of the unflatten figures only). */
    static final List<String> BOOT_KEYS = List.of(
            "boot.note", "boot.sysfs", "boot.fw_devlink", "boot.pm", "boot.amba",
            "kmalloc.classes", "slab.merge", "slab.kernfs_node_cache", "slab.radix_tree_node", "slab.proc_dir_entry",
            "xarray.chunk", "alias_prop.size", "alias_prop.align", "platform_device.size", "amba_device.size",
            "device_private.size", "resource.size", "fwnode_link.size", "device_link.size", "class_dir.size",
            "kset.size", "early_init.clocks", "early_init.irqchips", "early_init.clock_devices");

    /**
     * kernfs's ids on a booted reference kernel ({@link KernfsIds}): the runs and the reference tree's count per
     * phase, both or neither, with a note of how they were recorded. Without them the radix_tree_node figure is an
     * estimate, which the note (optional then) may say more of.
     */
    static final List<String> KERNFS_ID_KEYS = List.of(
            "kernfs_ids.reference", "kernfs_ids.reference_counts", "kernfs_ids.note");

    /** What a profile without reference ids says of its radix_tree_node figure when it says nothing itself. */
    static final String ESTIMATE_NOTE = "estimate: no booted kernel's kernfs ids, so 1/(xarray.chunk - 1) of a"
            + " radix_tree_node per kernfs node of each category";

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
            if (!KEYS.contains(key) && !BOOT_KEYS.contains(key) && !KERNFS_ID_KEYS.contains(key)) {
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
        String given = null;
        for (String key : BOOT_KEYS) {
            if (values.containsKey(key)) {
                given = key;
                break;
            }
        }
        for (String key : KERNFS_ID_KEYS) {
            if (given == null && values.containsKey(key)) {
                throw DtException.at(positions.get(key), "'" + key + "' without the boot figures");
            }
        }
        boolean reference = values.containsKey("kernfs_ids.reference");
        if (reference != values.containsKey("kernfs_ids.reference_counts")
                || reference && !values.containsKey("kernfs_ids.note")) {
            throw new DtException(file + ": error: kernfs_ids.reference, kernfs_ids.reference_counts and"
                    + " kernfs_ids.note are given together (kernfs_ids.note may be given alone)");
        }
        if (given != null) {
            for (String key : BOOT_KEYS) {
                if (!values.containsKey(key)) {
                    throw new DtException(file + ": error: missing profile key '" + key + "' (the boot figures are"
                            + " all given or none, and '" + given + "' is)");
                }
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
                powerOfTwo("page_size", 1 << 30),
                values.containsKey("boot.note") ? boot() : null);
    }

    private BootFigures boot() {
        return new BootFigures(
                values.get("boot.note"),
                flag("boot.sysfs"),
                choice("boot.fw_devlink", "rpm", "on", "permissive", "off"),
                flag("boot.pm"),
                flag("boot.amba"),
                kmallocClasses(),
                flag("slab.merge"),
                integer("slab.kernfs_node_cache", 1, MAX_STRUCT_SIZE),
                integer("slab.radix_tree_node", 1, MAX_STRUCT_SIZE),
                integer("slab.proc_dir_entry", 1, MAX_STRUCT_SIZE),
                powerOfTwo("xarray.chunk", 1 << 16),
                integer("alias_prop.size", 1, MAX_STRUCT_SIZE),
                alignment("alias_prop.align"),
                integer("platform_device.size", 1, MAX_STRUCT_SIZE),
                integer("amba_device.size", 1, MAX_STRUCT_SIZE),
                integer("device_private.size", 1, MAX_STRUCT_SIZE),
                integer("resource.size", 1, MAX_STRUCT_SIZE),
                integer("fwnode_link.size", 1, MAX_STRUCT_SIZE),
                integer("device_link.size", 1, MAX_STRUCT_SIZE),
                integer("class_dir.size", 1, MAX_STRUCT_SIZE),
                integer("kset.size", 1, MAX_STRUCT_SIZE),
                words("early_init.clocks"),
                words("early_init.irqchips"),
                words("early_init.clock_devices"),
                kernfsIds(),
                values.getOrDefault("kernfs_ids.note", ESTIMATE_NOTE));
    }

    private KernfsIds kernfsIds() {
        if (!values.containsKey("kernfs_ids.reference")) {
            return null;
        }
        try {
            KernfsIds.counts(values.get("kernfs_ids.reference_counts"));
        } catch (IllegalArgumentException e) {
            throw DtException.at(positions.get("kernfs_ids.reference_counts"),
                    "kernfs_ids.reference_counts: " + e.getMessage());
        }
        try {
            return KernfsIds.parse(values.get("kernfs_ids.reference"), values.get("kernfs_ids.reference_counts"));
        } catch (IllegalArgumentException e) {
            throw DtException.at(positions.get("kernfs_ids.reference"), "kernfs_ids.reference: " + e.getMessage());
        }
    }

    /** Sizes in increasing order, each at most {@link #MAX_STRUCT_SIZE}. */
    private List<Integer> kmallocClasses() {
        List<Integer> out = new ArrayList<>();
        for (String w : words("kmalloc.classes")) {
            int n;
            try {
                n = Integer.parseInt(w);
            } catch (NumberFormatException e) {
                throw DtException.at(positions.get("kmalloc.classes"), "kmalloc.classes must be numbers: '" + w + "'");
            }
            if (n < 1 || n > MAX_STRUCT_SIZE || !out.isEmpty() && n <= out.get(out.size() - 1)) {
                throw DtException.at(positions.get("kmalloc.classes"),
                        "kmalloc.classes must be sizes from 1 to " + MAX_STRUCT_SIZE + " in increasing order: " + w);
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            throw DtException.at(positions.get("kmalloc.classes"), "kmalloc.classes must list at least one size");
        }
        return out;
    }

    /** A value of words separated by blanks; may be empty. */
    private List<String> words(String key) {
        String v = values.get(key).strip();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s+"));
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
