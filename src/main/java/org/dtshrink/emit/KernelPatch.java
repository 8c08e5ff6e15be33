package org.dtshrink.emit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A patch for Linux 6.12 that adds CONFIG_OF_STATIC_TREE, in the form {@code git format-patch} writes and
 * {@code git am} applies, with a commit message and a {@code Signed-off-by:}: the Kconfig entries, the Makefile
 * rules, the declaration of the root function, the hook in {@code unflatten_device_tree()} (which takes the static
 * root instead of unflattening the blob and keeps everything else it does: reserved memory, {@code of_alias_scan()}),
 * the probe that measures a configuration's structs, and the emitted table as a new file. With
 * CONFIG_OF_STATIC_TREE_SOURCE the kernel build makes the table itself, from the board's device tree and the probe's
 * figures, with {@code $(DTSHRINK) emit-c}. The hunks for the existing files are a resource made with
 * {@code git diff} against Debian's linux-source-6.12 (6.12.117); everything passes the kernel's
 * {@code scripts/checkpatch.pl --strict}.
 */
public final class KernelPatch {

    public static final String DEFAULT_PATH = "drivers/of/static_tree.c";
    private static final String DIR = "drivers/of/";
    /** Files of drivers/of the table must not replace: the patch's own and the one the build makes. */
    private static final Set<String> TAKEN = Set.of("static.c", "static_tree_gen.c", "static_tree_profile.c");
    private static final Pattern SIGNOFF = Pattern.compile("[^<>\\n]*[^<>\\s] <[^<>@\\s]+@[^<>\\s]+>");
    /** The commit message's lines, as checkpatch.pl wants them. */
    private static final int MESSAGE_COLUMNS = 72;

    /** What the commit message says about the table: the tree's figures and the unflattening they replace. */
    public record Figures(StaticTable table, long dtbSize, long bootDtbSize) {
    }

    private KernelPatch() {
    }

    /**
     * Whether a path can hold the table: a C file directly in drivers/of/ (it includes "of_private.h"), not one of
     * the patch's own.
     */
    public static boolean isValidPath(String path) {
        return path.matches("drivers/of/[A-Za-z0-9_][A-Za-z0-9_-]*\\.c") && !TAKEN.contains(path.substring(
                DIR.length()));
    }

    /** Whether a Signed-off-by: identity has the form {@code Name <address>}. */
    public static boolean isValidSignoff(String signoff) {
        return SIGNOFF.matcher(signoff).matches();
    }

    /**
     * @param table the emitted C file, whose root function must be {@link CTableWriter#DEFAULT_ROOT_FUNCTION}
     * @param path where the table goes in the kernel tree
     * @param signoff the author and {@code Signed-off-by:}, as {@code Name <address>}
     */
    public static byte[] write(byte[] table, String path, Provenance provenance, String signoff, Figures figures) {
        if (!isValidPath(path)) {
            throw new IllegalArgumentException("not a C file in drivers/of/: " + path);
        }
        if (!isValidSignoff(signoff)) {
            throw new IllegalArgumentException("not 'Name <address>': " + signoff);
        }
        String object = path.substring(DIR.length(), path.length() - 2) + ".o";
        StringBuilder sb = new StringBuilder();
        sb.append("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n");
        sb.append("From: ").append(signoff).append('\n');
        sb.append("Subject: [PATCH] of: add a device tree unflattened at build time\n\n");
        message(sb, path, provenance, figures);
        sb.append("Signed-off-by: ").append(signoff).append("\n---\n");
        sb.append(template().replace("@SOURCE@", path).replace("@OBJECT@", object));
        String c = new String(table, StandardCharsets.US_ASCII);
        String[] lines = c.split("\n", -1);
        int count = c.endsWith("\n") ? lines.length - 1 : lines.length;
        // a new file as a traditional diff: git apply creates it, and with a "diff --git" header it would want a
        // mode line, for which checkpatch.pl asks whether MAINTAINERS needs updating (drivers/of/ is covered)
        sb.append("--- /dev/null\n+++ b/").append(path).append('\n');
        sb.append("@@ -0,0 +1,").append(count).append(" @@\n");
        for (int i = 0; i < count; i++) {
            sb.append('+').append(lines[i]).append('\n');
        }
        if (!c.endsWith("\n")) {
            sb.append("\\ No newline at end of file\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void message(StringBuilder sb, String path, Provenance provenance, Figures f) {
        StaticTable t = f.table();
        UnflattenedTree tree = t.tree();
        paragraph(sb, "At boot, unflatten_device_tree() allocates a struct device_node for every node of the blob"
                + " and a struct property for every property, and the blob stays in RAM because property values"
                + " point into it. All of it is known when the kernel is built.");
        paragraph(sb, "CONFIG_OF_STATIC_TREE links in the unflattened tree as static data instead: struct"
                + " device_node in .data, and everything else in .rodata, which an XIP kernel keeps in flash."
                + " Early boot still reads memory, /chosen and reserved memory from a much smaller blob.");
        paragraph(sb, "struct property is const on every configuration: the table fills in its sysfs attribute"
                + " as __of_add_property_sysfs() would, and sysfs takes it as it is; safe_name() takes"
                + " kstrdup_const(), so no name in .rodata is copied. Before of_add_property(),"
                + " of_remove_property(), of_update_property() or a changeset relinks a node's properties, the"
                + " node's const properties are copied to RAM (names and values stay shared), so nothing writes"
                + " into the table. CONFIG_OF_STATIC_TREE_SYSFS=n keeps the tree out of sysfs altogether;"
                + " CONFIG_OF_STATIC_TREE_DIGEST prints its SHA-256 at boot, and CONFIG_OF_STATIC_TREE_SELFTEST"
                + " changes and restores it and checks that the table was not written.");
        paragraph(sb, "The table is " + path + ", made by dtshrink " + provenance.toolVersion() + " (emit-c) from "
                + provenance.inputFileName() + " for the profile " + tree.profile().name() + ". With"
                + " CONFIG_OF_STATIC_TREE_SOURCE naming a board, the build makes the table itself from that"
                + " board's device tree and the struct layouts of the configuration, measured by"
                + " drivers/of/static_tree_profile.c, and makes it again when either changes.");
        paragraph(sb, "For this tree: " + tree.nodes().size() + " nodes and " + tree.propertyCount()
                + " properties, " + t.ramBytes() + " bytes of .data and " + t.flashBytes() + " bytes of .rodata,"
                + " in place of the " + tree.cost().allocation() + " bytes unflattening allocates and the "
                + f.dtbSize() + "-byte blob it keeps" + (f.bootDtbSize() >= 0 ? "; the boot blob is "
                + f.bootDtbSize() + " bytes." : "."));
        List<String> input = CText.wrap("", "", "Input: " + provenance.input(), MESSAGE_COLUMNS);
        for (String l : input) {
            sb.append(l).append('\n');
        }
        sb.append("sha256: ").append(provenance.sha256()).append("\n\n");
    }

    private static void paragraph(StringBuilder sb, String text) {
        for (String l : CText.wrap("", "", text, MESSAGE_COLUMNS)) {
            sb.append(l).append('\n');
        }
        sb.append('\n');
    }

    private static String template() {
        try (InputStream in = KernelPatch.class.getResourceAsStream("linux-6.12-hook.patch")) {
            if (in == null) {
                throw new IllegalStateException("missing resource linux-6.12-hook.patch");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
