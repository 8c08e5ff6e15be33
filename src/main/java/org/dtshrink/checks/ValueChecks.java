package org.dtshrink.checks;

import java.util.List;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/** The checks that a named property is a string, a string list or a single cell. */
final class ValueChecks {

    private ValueChecks() {
    }

    static NodeCheck isString(String name) {
        int id = Known.id(name);
        return OnlyWhere.property(id, (run, node) -> checkString(run, node, run.property(node, id)));
    }

    static NodeCheck isStringList(String name) {
        int id = Known.id(name);
        return OnlyWhere.property(id, (run, node) -> checkStringList(run, node, run.property(node, id)));
    }

    static NodeCheck isCell(String name) {
        int id = Known.id(name);
        return OnlyWhere.property(id, (run, node) -> {
            Property p = run.property(node, id);
            if (p != null && p.value().length() != 4) {
                run.failProp(node, p, "property is not a single cell");
            }
        });
    }

    static void checkString(CheckRun run, Node node, String name) {
        checkString(run, node, run.property(node, name));
    }

    /** The check of a property found by name (null: none). */
    static void checkString(CheckRun run, Node node, Property p) {
        if (p != null && !isOneString(p.value())) {
            run.failProp(node, p, "property is not a string");
        }
    }

    static void checkStringList(CheckRun run, Node node, String name) {
        checkStringList(run, node, run.property(node, name));
    }

    /** The check of a property found by name (null: none). */
    static void checkStringList(CheckRun run, Node node, Property p) {
        if (p == null) {
            return;
        }
        Value v = p.value();
        int at = 0;
        int rem = v.length();
        while (rem > 0) {
            int l = 0;
            while (l < rem && v.byteAt(at + l) != 0) {
                l++;
            }
            if (l == rem) {
                run.failProp(node, p, "property is not a string list");
                break;
            }
            rem -= l + 1;
            at += l + 1;
        }
    }

    /** Every property named {@code *-names} is a string list. */
    static void namesIsStringList(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.NAMES)) {
            return;
        }
        List<Property> props = node.properties();
        // with no two live properties of one name, each is the first of its name
        boolean repeats = run.may(node, TreeIndex.REPEATED_PROPERTY);
        for (int i = 0; i < props.size(); i++) {
            Property p = props.get(i);
            if (!p.isDeleted() && p.name().endsWith("-names")) {
                checkStringList(run, node, repeats ? firstLive(props, i) : p);
            }
        }
    }

    /**
     * dtc's get_property(node, props[i]->name): the first live property of that name, which is props[i] unless an
     * earlier one has the name; looked for among the earlier ones, with no index of the node's names.
     */
    private static Property firstLive(List<Property> props, int i) {
        String name = props.get(i).name();
        int hash = name.hashCode();
        for (int j = 0; j < i; j++) {
            Property q = props.get(j);
            String other = q.name();
            if (other.hashCode() == hash && !q.isDeleted() && other.equals(name)) {
                return q;
            }
        }
        return props.get(i);
    }

    /** dtc's data_is_one_string: one NUL, at the end. */
    static boolean isOneString(Value v) {
        int len = v.length();
        if (len == 0 || v.byteAt(len - 1) != 0) {
            return false;
        }
        for (int i = 0; i < len - 1; i++) {
            if (v.byteAt(i) == 0) {
                return false;
            }
        }
        return true;
    }
}
