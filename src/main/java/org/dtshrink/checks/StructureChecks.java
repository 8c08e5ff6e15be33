package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/** Names: duplicates, characters, the unit-address '@', and redundant {@code name} properties. */
final class StructureChecks {

    private static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String DIGITS = "0123456789";
    static final String NODECHARS = LOWERCASE + UPPERCASE + DIGITS + ",._+-@";
    static final String PROPCHARS = LOWERCASE + UPPERCASE + DIGITS + ",._+*#?-";
    static final String STRICT = LOWERCASE + UPPERCASE + DIGITS + ",-";
    private static final Bytes.CharSet STRICT_SET = new Bytes.CharSet(STRICT);
    static final Bytes.CharSet PROPCHARS_SET = new Bytes.CharSet(PROPCHARS);
    /** Below this many siblings the pairs are compared directly; above, through a name index. */
    private static final int INDEX_FROM = 16;

    private StructureChecks() {
    }

    /**
     * Each live child against every later sibling, deleted ones included, as dtc compares them: every repeat is
     * reported, at the later node, once for each earlier live node of that name.
     */
    static void duplicateNodeNames(CheckRun run, Node node) {
        List<Node> kids = node.children();
        // the index saw whether any two children share a name: most nodes have no repeats
        if (kids.size() < 2 || !run.may(node, TreeIndex.REPEATED_CHILD)) {
            return;
        }
        if (kids.size() < INDEX_FROM) {
            for (int i = 0; i < kids.size(); i++) {
                if (kids.get(i).isDeleted()) {
                    continue;
                }
                for (int j = i + 1; j < kids.size(); j++) {
                    if (kids.get(i).name().equals(kids.get(j).name())) {
                        run.fail(kids.get(j), "Duplicate node name");
                    }
                }
            }
            return;
        }
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < kids.size(); i++) {
            byName.computeIfAbsent(kids.get(i).name(), k -> new ArrayList<>(1)).add(i);
        }
        for (int i = 0; i < kids.size(); i++) {
            if (kids.get(i).isDeleted()) {
                continue;
            }
            List<Integer> same = byName.get(kids.get(i).name());
            if (same.size() < 2) {
                continue;
            }
            for (int j : same) {
                if (j > i) {
                    run.fail(kids.get(j), "Duplicate node name");
                }
            }
        }
    }

    /** Each live property against every later live one; reported at the earlier, once per later repeat. */
    static void duplicatePropertyNames(CheckRun run, Node node) {
        List<Property> props = node.properties();
        if (props.size() < 2 || !run.may(node, TreeIndex.REPEATED_PROPERTY)) {
            return;
        }
        if (props.size() < INDEX_FROM) {
            for (int i = 0; i < props.size(); i++) {
                if (props.get(i).isDeleted()) {
                    continue;
                }
                String name = props.get(i).name();
                int hash = name.hashCode();
                for (int j = i + 1; j < props.size(); j++) {
                    String other = props.get(j).name();
                    if (other.hashCode() == hash && !props.get(j).isDeleted() && name.equals(other)) {
                        run.failProp(node, props.get(i), "Duplicate property name");
                    }
                }
            }
            return;
        }
        Map<String, List<Integer>> byName = new HashMap<>();
        for (int i = 0; i < props.size(); i++) {
            if (!props.get(i).isDeleted()) {
                byName.computeIfAbsent(props.get(i).name(), k -> new ArrayList<>(1)).add(i);
            }
        }
        for (int i = 0; i < props.size(); i++) {
            if (props.get(i).isDeleted()) {
                continue;
            }
            List<Integer> same = byName.get(props.get(i).name());
            for (int j : same) {
                if (j > i) {
                    run.failProp(node, props.get(i), "Duplicate property name");
                }
            }
        }
    }

    static NodeCheck nodeNameChars(String chars) {
        Bytes.CharSet set = new Bytes.CharSet(chars);
        return (run, node) -> {
            int n = set.span(node.name());
            if (n < node.name().length()) {
                run.fail(node, "Bad character '" + node.name().charAt(n) + "' in node name");
            }
        };
    }

    static void nodeNameCharsStrict(CheckRun run, Node node) {
        int n = STRICT_SET.span(node.name());
        if (n < Bytes.baseNameLength(node)) {
            run.fail(node, "Character '" + node.name().charAt(n) + "' not recommended in node name");
        }
    }

    static void nodeNameFormat(CheckRun run, Node node) {
        String name = node.name();
        int at = name.indexOf('@');
        if (at >= 0 && name.indexOf('@', at + 1) >= 0) {
            run.fail(node, "multiple '@' characters in node name");
        }
    }

    static void nodeNameVsPropertyName(CheckRun run, Node node) {
        if (node.parent() != null && run.property(node.parent(), node.name()) != null) {
            run.fail(node, "node name and property name conflict");
        }
    }

    /** dtc's property_name_chars; the index read every name against PROPCHARS, so only nodes it flagged are read. */
    static void propertyNameChars(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.BAD_PROP_CHARS)) {
            return;
        }
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            int n = PROPCHARS_SET.span(p.name());
            if (n < p.name().length()) {
                run.failProp(node, p, "Bad character '" + p.name().charAt(n) + "' in property name");
            }
        }
    }

    static void propertyNameCharsStrict(CheckRun run, Node node) {
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            String name = p.name();
            int n = STRICT_SET.span(name);
            if (n == name.length() || name.equals("device_type")) {
                continue;
            }
            // '#' may only begin a name, after any vendor prefix
            if (name.charAt(n) == '#' && (n == 0 || name.charAt(n - 1) == ',')) {
                name = name.substring(n + 1);
                n = STRICT_SET.span(name);
            }
            if (n < name.length()) {
                run.failProp(node, p, "Character '" + name.charAt(n) + "' not recommended in property name");
            }
        }
    }

    /**
     * A {@code name} property equal to the node's base name is redundant and dropped; another is an error. dtc
     * looks at the first property so named, deleted or not.
     */
    static void nameProperties(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.NAME_ANY)) {
            return;
        }
        Property name = null;
        for (Property p : node.properties()) {
            if (p.name().equals("name")) {
                name = p;
                break;
            }
        }
        if (name == null) {
            return;
        }
        Value v = name.value();
        byte[] base = Names.bytes(node.baseName());
        boolean same = v.length() == base.length + 1;
        for (int i = 0; same && i < base.length; i++) {
            same = v.byteAt(i) == base[i];
        }
        if (!same) {
            run.fail(node, "\"name\" property is incorrect (\"" + Bytes.cString(v) + "\" instead of base node name)");
        } else {
            node.properties().remove(name);
            run.index.propertiesChanged(node);
        }
    }
}
