package org.dtshrink.emit;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.tree.Names;

/**
 * Writes a {@link StaticTable} as one C file for the kernel, in its style (scripts/checkpatch.pl --strict): the
 * structs' definitions come from {@code <linux/of.h>}, the file checks with {@code static_assert} that they are the
 * profile's, and defines the tree as {@code unflatten_device_tree()} would leave it. It reads as U-Boot's dtoc
 * output does: one block per node with its path in a comment, names derived from paths, cells as
 * {@code cpu_to_be32()}, strings as strings. The run-time part of each node ({@code fwnode}, the kobject) is left
 * to the kernel's own {@code of_node_init()}, called from the root function. The output depends only on the table
 * and the {@link Provenance}, never on the time, the machine or the directory.
 */
public final class CTableWriter {

    /** The function drivers/of/fdt.c calls in place of unflattening. */
    public static final String DEFAULT_ROOT_FUNCTION = "of_static_tree_root";

    private final StaticTable table;
    private final UnflattenedTree tree;
    private final StructLayout layout;
    private final Provenance provenance;
    private final String rootFunction;
    private final CLines out = new CLines();

    /** Per node: its member name in the node and property structs. */
    private final String[] nodeName;
    /** Per value: its member name in the const object, and how it is spelled. */
    private final String[] valueName;
    private final CValue[] valueSpelling;
    /** Per value: whether several properties have it. */
    private final boolean[] shared;
    /** Per string: its member name in the const object. */
    private final String[] stringName;

    private CTableWriter(StaticTable table, Provenance provenance, String rootFunction) {
        this.table = table;
        this.tree = table.tree();
        this.layout = tree.layout();
        this.provenance = provenance;
        this.rootFunction = rootFunction;
        List<KernelNode> nodes = tree.nodes();
        nodeName = new String[nodes.size()];
        CNames nodeScope = new CNames();
        int[] propertyNode = new int[tree.propertyCount()];
        for (KernelNode n : nodes) {
            nodeName[n.index()] = nodeScope.unique(CNames.node(KernelPaths.components(n)));
            for (int i = 0; i < n.properties().size(); i++) {
                propertyNode[table.firstProperty(n.index()) + i] = n.index();
            }
        }
        CNames constScope = new CNames("prop");
        List<byte[]> values = table.values();
        int[] uses = new int[values.size()];
        for (int k = 0; k < tree.propertyCount(); k++) {
            if (table.propertyValue(k) >= 0) {
                uses[table.propertyValue(k)]++;
            }
        }
        valueName = new String[values.size()];
        valueSpelling = new CValue[values.size()];
        shared = new boolean[values.size()];
        for (int v = 0; v < values.size(); v++) {
            int k = table.valueFirstProperty(v);
            KernelNode n = nodes.get(propertyNode[k]);
            KernelProperty p = n.properties().get(k - table.firstProperty(n.index()));
            valueSpelling[v] = new CValue(values.get(v), p.markers());
            // a value several properties share is named by what it is, not by the first property that has it
            shared[v] = uses[v] > 1;
            String byContent = shared[v] ? valueSpelling[v].contentName() : null;
            valueName[v] = constScope.unique(byContent != null ? byContent
                    : CNames.value(nodeName[n.index()], p.name()));
        }
        List<byte[]> strings = table.strings();
        stringName = new String[strings.size()];
        for (int s = 0; s < strings.size(); s++) {
            stringName[s] = constScope.unique(CNames.string(strings.get(s)));
        }
    }

    public static byte[] write(StaticTable table, Provenance provenance, String rootFunction) {
        if (!rootFunction.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a C identifier: " + rootFunction);
        }
        CTableWriter w = new CTableWriter(table, provenance, rootFunction);
        w.file();
        return w.out.bytes();
    }

    private void file() {
        line("// SPDX-License-Identifier: GPL-2.0");
        CTableHeader.write(out, table, provenance);
        line("#include <linux/build_bug.h>");
        line("#include <linux/init.h>");
        line("#include <linux/of.h>");
        line("#include <linux/types.h>");
        line("#include <asm/byteorder.h>");
        if (isKernelFunction() || layout.sysfsAttributes()) {
            // of_static_tree_root() and of_node_property_read() are declared there
            line("");
            line("#include \"of_private.h\"");
        }
        line("");
        staticAsserts();
        types();
        macros();
        constObject();
        line("");
        ramObject();
        line("");
        rootFunction();
    }

    /** The kernel's own root function is declared in drivers/of/of_private.h; another one here. */
    private boolean isKernelFunction() {
        return rootFunction.equals(DEFAULT_ROOT_FUNCTION);
    }

    private void staticAsserts() {
        KernelProfile p = tree.profile();
        line("/* The table is for one kernel configuration: made for another, it must not build. */");
        staticAssert("sizeof(struct device_node) == " + p.nodeSize(), "struct device_node");
        staticAssert("__alignof__(struct device_node) == " + p.nodeAlign(), "struct device_node");
        staticAssert("sizeof(struct property) == " + p.propertySize(), "struct property");
        staticAssert("__alignof__(struct property) == " + p.propertyAlign(), "struct property");
        line("");
    }

    private void staticAssert(String cond, String what) {
        String message = "\"" + what + " is not as in profile " + c(tree.profile().name()) + "\"";
        call("", "static_assert", List.of(cond, message), ";");
    }

    private void types() {
        List<KernelNode> nodes = tree.nodes();
        line("/* One struct device_node per node, in the order the kernel allocates them */");
        line("struct dt_static_nodes {");
        for (KernelNode n : nodes) {
            line("\tstruct device_node " + nodeName[n.index()] + ";");
        }
        line("};");
        line("");
        line("/* Each node's properties, in list order */");
        line("struct dt_static_props {");
        for (KernelNode n : nodes) {
            line("\tstruct property " + nodeName[n.index()] + "[" + n.properties().size() + "];");
        }
        line("};");
        line("");
        line("/* What the kernel only reads: one object, so that its size is exactly the table's flash */");
        line("struct dt_static_const {");
        if (table.propertiesConst()) {
            line("\tstruct dt_static_props prop;");
        }
        eachValue(v -> line("\t" + valueSpelling[v].declaration(valueName[v])));
        line("\t/* property names and node names */");
        List<byte[]> strings = table.strings();
        for (int s = 0; s < strings.size(); s++) {
            line("\tchar " + stringName[s] + "[" + (strings.get(s).length + 1) + "];");
        }
        line("};");
        line("");
        line("/* What the kernel writes at run time */");
        line("struct dt_static_ram {");
        line("\tstruct dt_static_nodes node;");
        if (!table.propertiesConst()) {
            line("\tstruct dt_static_props prop;");
        }
        line("};");
        line("");
    }

    private void macros() {
        boolean constProps = table.propertiesConst();
        boolean attrs = layout.sysfsAttributes();
        line("/*");
        if (!constProps) {
            out.paragraph("One property. struct property has no const, but the kernel only reads name and value, so"
                    + " they point at const data.");
        } else if (attrs) {
            out.paragraph("One property, const: the kernel only reads it. It copies a property to RAM before it"
                    + " relinks it, and sysfs takes attr as filled in here, as __of_add_property_sysfs() would fill"
                    + " it: the file's name, its mode and size (0400 and 0 for security-* names), the read"
                    + " function.");
        } else {
            out.paragraph("One property, const: the kernel only reads it, and copies a property to RAM before it"
                    + " relinks it. struct property has no const, hence the casts.");
        }
        line(" */");
        String next = constProps ? "(struct property *)(nxt)" : "(nxt)";
        // Each argument appears once in a body (names are pasted onto "str_", lengths are sizeof the value), so
        // that none is evaluated twice: checkpatch.pl --strict asks as much of a macro.
        boolean[] used = macrosUsed();
        if (used[0]) {
            out.macro("DT_PROP(pname, val, nxt)", body("(void *)(val)", "sizeof(val)", next,
                    attrs ? List.of("pname", "0444", "sizeof(val)") : null));
        }
        if (used[1]) {
            line("");
            out.macro("DT_PROP_FILE(pname, val, nxt, fname, fmode, fsize)", body("(void *)(val)", "sizeof(val)",
                    next, List.of("fname", "(fmode)", "(fsize)")));
        }
        if (used[2] || used[3]) {
            line("");
            line("/* An empty value still points somewhere: NULL would mean \"no such property\". */");
        }
        if (used[2]) {
            out.macro("DT_EMPTY_PROP(pname, nxt)", body("(void *)&dt_const", "0", next,
                    attrs ? List.of("pname", "0444", "0") : null));
        }
        if (used[3]) {
            if (used[2]) {
                line("");
            }
            out.macro("DT_EMPTY_PROP_FILE(pname, nxt, fname, fmode)", body("(void *)&dt_const", "0", next,
                    List.of("fname", "(fmode)", "0")));
        }
        line("");
    }

    /**
     * A property macro's fields; {@code attr} is the sysfs file's name parameter, mode and size, or null for none.
     * Names are parameters pasted onto "str_", the prefix of every string member.
     */
    private static List<String> body(String value, String length, String next, List<String> attr) {
        List<String> b = new ArrayList<>(List.of(
                ".name = (char *)dt_const.str_##pname,",
                ".length = " + length + ",",
                ".value = " + value + ",",
                ".next = " + next + ","));
        if (attr != null) {
            b.add(".attr.attr.name = dt_const.str_##" + attr.get(0) + ",");
            b.add(".attr.attr.mode = " + attr.get(1) + ",");
            b.add(".attr.size = " + attr.get(2) + ",");
            b.add(".attr.read = of_node_property_read,");
        }
        return b;
    }

    /** A string member's name as the property macros take it: without its "str_". */
    private String pasted(int string) {
        String name = stringName[string];
        if (!name.startsWith(STRING_PREFIX)) {
            throw new IllegalStateException("a string member without " + STRING_PREFIX + ": " + name);
        }
        return name.substring(STRING_PREFIX.length());
    }

    private static final String STRING_PREFIX = "str_";

    /** Whether a property's sysfs file differs from the one DT_PROP and DT_EMPTY_PROP fill in. */
    private boolean fileOfItsOwn(int k, int length) {
        return layout.sysfsAttributes() && (table.attributeName(k) != table.propertyName(k)
                || table.attributeMode(k) != 0444 || table.attributeSize(k) != length);
    }

    /** Which of DT_PROP, DT_PROP_FILE, DT_EMPTY_PROP and DT_EMPTY_PROP_FILE the table uses. */
    private boolean[] macrosUsed() {
        boolean[] used = new boolean[4];
        int k = 0;
        for (KernelNode n : tree.nodes()) {
            for (KernelProperty p : n.properties()) {
                int length = p.value().length;
                used[(length == 0 ? 2 : 0) + (fileOfItsOwn(k, length) ? 1 : 0)] = true;
                k++;
            }
        }
        return used;
    }

    private void properties(String object) {
        line("\t.prop = {");
        for (KernelNode n : tree.nodes()) {
            nodeComment(n.index(), "\t\t");
            String sym = nodeName[n.index()];
            line("\t\t." + sym + " = {");
            List<KernelProperty> props = n.properties();
            int first = table.firstProperty(n.index());
            for (int i = 0; i < props.size(); i++) {
                int k = first + i;
                String name = pasted(table.propertyName(k));
                String next = i + 1 < props.size() ? "&" + object + ".prop." + sym + "[" + (i + 1) + "]" : "NULL";
                int v = table.propertyValue(k);
                int length = props.get(i).value().length;
                boolean own = fileOfItsOwn(k, length);
                List<String> args = new ArrayList<>();
                args.add(name);
                if (v >= 0) {
                    args.add("dt_const." + valueName[v]);
                }
                args.add(next);
                if (own) {
                    args.add(pasted(table.attributeName(k)));
                    args.add("0" + Integer.toOctalString(table.attributeMode(k)));
                    if (v >= 0) {
                        // an empty value's file shows size 0 whatever: DT_EMPTY_PROP_FILE takes no size
                        args.add(String.valueOf(table.attributeSize(k)));
                    }
                }
                call("\t\t\t", (v < 0 ? "DT_EMPTY_PROP" : "DT_PROP") + (own ? "_FILE" : ""), args, ",");
            }
            line("\t\t},");
        }
        line("\t},");
    }

    /** Every value in table order, each node's first one after a comment with the node's path. */
    private void eachValue(java.util.function.IntConsumer each) {
        int lastNode = -1;
        for (int v = 0; v < valueName.length; v++) {
            int node = nodeOfProperty(table.valueFirstProperty(v));
            if (node != lastNode) {
                nodeComment(node);
                lastNode = node;
            }
            each.accept(v);
        }
    }

    private void constObject() {
        line("static const struct dt_static_const dt_const = {");
        if (table.propertiesConst()) {
            properties("dt_const");
        }
        eachValue(v -> {
            for (String l : valueSpelling[v].initializer(valueName[v], shared[v])) {
                line(l);
            }
        });
        line("\t/* property names and node names */");
        List<byte[]> strings = table.strings();
        for (int s = 0; s < strings.size(); s++) {
            String one = "\t." + stringName[s] + " = " + CText.literal(strings.get(s), 0, strings.get(s).length) + ",";
            if (CText.width(one) <= CText.MAX_COLUMNS) {
                line(one);
            } else {
                line("\t." + stringName[s] + " =");
                line("\t\t" + CText.literal(strings.get(s), 0, strings.get(s).length) + ",");
            }
        }
        line("};");
    }

    private void ramObject() {
        line("static struct dt_static_ram dt_ram = {");
        line("\t.node = {");
        for (KernelNode n : tree.nodes()) {
            int i = n.index();
            nodeComment(i, "\t\t");
            line("\t\t." + nodeName[i] + " = {");
            int nameK = table.firstProperty(i) + n.nameProperty();
            assign("\t\t\t", "name", charPointer(nameK));
            if (layout.linux413()) {
                String type = n.typeProperty() < 0 ? "dt_const." + stringName[table.nullString()]
                        : charPointer(table.firstProperty(i) + n.typeProperty());
                assign("\t\t\t", "type", type);
            }
            if (n.phandle() != 0) {
                line("\t\t\t.phandle = 0x" + Long.toHexString(n.phandle()) + ",");
            }
            assign("\t\t\t", "full_name", "dt_const." + stringName[table.nodeFullName(i)]);
            String props = table.propertiesConst() ? "(struct property *)dt_const.prop." + nodeName[i]
                    : "dt_ram.prop." + nodeName[i];
            assign("\t\t\t", "properties", props);
            if (n.parent() != null) {
                assign("\t\t\t", "parent", "&dt_ram.node." + nodeName[n.parent().index()]);
            }
            if (!n.children().isEmpty()) {
                assign("\t\t\t", "child", "&dt_ram.node." + nodeName[n.children().get(0).index()]);
            }
            KernelNode next = nextSibling(n);
            if (next != null) {
                assign("\t\t\t", "sibling", "&dt_ram.node." + nodeName[next.index()]);
            }
            line("\t\t},");
        }
        line("\t},");
        if (!table.propertiesConst()) {
            properties("dt_ram");
        }
        line("};");
    }

    /** {@code np->name} and 4.13's {@code np->type}: the value of a property, as a string. */
    private String charPointer(int k) {
        int v = table.propertyValue(k);
        if (v < 0) {
            // an empty name property: the kernel's pointer would go into the blob, this one to the table
            return "(const char *)&dt_const";
        }
        return (valueSpelling[v].isChars() ? "" : "(const char *)") + "dt_const." + valueName[v];
    }

    private static KernelNode nextSibling(KernelNode n) {
        if (n.parent() == null) {
            return null;
        }
        List<KernelNode> sibs = n.parent().children();
        int at = sibs.indexOf(n);
        return at + 1 < sibs.size() ? sibs.get(at + 1) : null;
    }

    private void rootFunction() {
        String root = "&dt_ram.node." + nodeName[0];
        if (!isKernelFunction()) {
            line("struct device_node *" + rootFunction + "(void);");
            line("");
        }
        line("/*");
        line(" * The root of the tree, for unflatten_device_tree() to use in place of");
        line(" * unflattening the blob. The run-time part of each node (fwnode" + (layout.ofKobj() ? ", kobj" : "")
                + ") is");
        line(" * set up by of_node_init(), as for a node the kernel allocates. Call it once.");
        line(" */");
        line("struct device_node *__init " + rootFunction + "(void)");
        line("{");
        line("\tstruct device_node *np;");
        line("");
        line("\tfor (np = " + root + "; np; np = __of_find_all_nodes(np))");
        line("\t\tof_node_init(np);");
        line("\treturn " + root + ";");
        line("}");
    }

    private int nodeOfProperty(int k) {
        // nodes are few next to lookups only when emitting; a binary search keeps this linear overall
        int lo = 0;
        int hi = tree.nodes().size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (table.firstProperty(mid) <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void nodeComment(int node) {
        nodeComment(node, "\t");
    }

    private void nodeComment(int node, String indent) {
        for (String l : CText.blockComment(indent, CText.comment(KernelPaths.forComment(tree.nodes().get(node))),
                CText.MAX_COLUMNS)) {
            line(l);
        }
    }

    private static String c(String s) {
        return CText.comment(s);
    }

    private void line(String s) {
        out.line(s);
    }

    private void call(String indent, String function, List<String> args, String end) {
        out.call(indent, function, args, end);
    }

    private void assign(String indent, String field, String expr) {
        out.assign(indent, field, expr);
    }
}
