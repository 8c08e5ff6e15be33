package org.dtshrink.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * dtc's duplicate_label: each label, wherever it sits (on a node, on a property, inside a value), must be the
 * first holder of that name in dtc's search order: node labels in pre-order, then property labels, then labels
 * inside values.
 */
final class LabelChecks {

    /** A label's holder; {@code marker} is the index of the value's label marker, or -1. */
    private record Holder(Node node, Property prop, int marker) {
    }

    /** The first holders, found once per run: the labels do not change while the check runs. */
    private static final class FirstHolders {
        final Map<String, Holder> onProperty = new HashMap<>();
        final Map<String, Holder> inValue = new HashMap<>();

        FirstHolders(CheckRun run) {
            // the live nodes in pre-order, as dtc searches them; only those that may hold such labels are read
            Node[] order = run.index.order();
            for (int k = 0; k < order.length; k++) {
                Node n = order[k];
                if (n.isDeleted()) {
                    k = run.index.subtreeEnd(k) - 1;
                    continue;
                }
                if (!run.may(n, TreeIndex.PROP_LABEL | TreeIndex.VALUE_LABEL)) {
                    continue;
                }
                for (Property p : n.properties()) {
                    if (p.isDeleted()) {
                        continue;
                    }
                    for (String l : p.labels()) {
                        onProperty.putIfAbsent(l, new Holder(n, p, -1));
                    }
                    if (!p.value().mayHave(Marker.Kind.LABEL)) {
                        continue;
                    }
                    List<Marker> ms = p.value().markers();
                    for (int i = 0; i < ms.size(); i++) {
                        if (ms.get(i).kind() == Marker.Kind.LABEL) {
                            inValue.putIfAbsent(ms.get(i).ref(), new Holder(n, p, i));
                        }
                    }
                }
            }
        }
    }

    private LabelChecks() {
    }

    static void duplicateLabel(CheckRun run, Node node) {
        boolean inProperties = run.may(node, TreeIndex.PROP_LABEL | TreeIndex.VALUE_LABEL);
        if (node.labels().isEmpty() && !inProperties) {
            return;
        }
        FirstHolders first = run.memo(FirstHolders.class, FirstHolders::new);
        for (String l : node.labels()) {
            check(run, first, l, new Holder(node, null, -1));
        }
        if (!inProperties) {
            return;
        }
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            for (String l : p.labels()) {
                check(run, first, l, new Holder(node, p, -1));
            }
            if (!p.value().mayHave(Marker.Kind.LABEL)) {
                continue;
            }
            List<Marker> ms = p.value().markers();
            for (int i = 0; i < ms.size(); i++) {
                if (ms.get(i).kind() == Marker.Kind.LABEL) {
                    check(run, first, ms.get(i).ref(), new Holder(node, p, i));
                }
            }
        }
    }

    private static void check(CheckRun run, FirstHolders first, String label, Holder here) {
        Node byNode = run.index.byLabel(label);
        Holder other = byNode != null ? new Holder(byNode, null, -1) : first.onProperty.get(label);
        if (other == null) {
            other = first.inValue.get(label);
        }
        if (other == null) {
            return;
        }
        if (other.node != here.node || other.prop != here.prop || other.marker != here.marker) {
            run.fail(here.node, "Duplicate label '" + label + "' on " + describe(here) + " and " + describe(other));
        }
    }

    private static String describe(Holder h) {
        return (h.marker >= 0 ? "value of " : "") + (h.prop != null ? "'" + h.prop.name() + "' in " : "")
                + h.node.path();
    }
}
