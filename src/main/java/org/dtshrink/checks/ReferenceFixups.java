package org.dtshrink.checks;

import java.util.List;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * The checks that change the tree: explicit phandles taken up, references filled in with phandles (assigned as
 * needed) or paths, and /omit-if-no-ref/ nodes nothing refers to deleted.
 */
final class ReferenceFixups {

    private ReferenceFixups() {
    }

    static void explicitPhandles(CheckRun run, Node node) {
        long phandle = phandleProperty(run, node, Known.PHANDLE);
        long linux = phandleProperty(run, node, Known.LINUX_PHANDLE);
        if (phandle == 0 && linux == 0) {
            return;
        }
        if (linux != 0 && phandle != 0 && phandle != linux) {
            run.fail(node, "mismatching 'phandle' and 'linux,phandle' properties");
        }
        if (linux != 0 && phandle == 0) {
            phandle = linux;
        }
        Node other = run.index.byPhandle(phandle);
        if (other != null && other != node) {
            run.fail(node, String.format("duplicated phandle 0x%x (seen before at %s)", phandle, other.path()));
            return;
        }
        run.index.setPhandle(node, phandle);
    }

    /** A phandle property's value; 0 when it has none yet (a reference to the node itself) or it is bad. */
    private static long phandleProperty(CheckRun run, Node node, int key) {
        Property p = run.property(node, key);
        if (p == null) {
            return 0;
        }
        String name = p.name();
        Value v = p.value();
        if (v.length() != 4) {
            run.failProp(node, p, "bad length (" + v.length() + ") " + name + " property");
            return 0;
        }
        for (Marker m : v.markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE) {
                if (run.index.byRef(m.ref()) != node) {
                    run.fail(node, name + " is a reference to another node");
                }
                // a reference to the node itself asks for a phandle to be allocated later
                return 0;
            }
        }
        long value = v.cellAt(0);
        if (!Phandles.isValid(value)) {
            run.failProp(node, p, String.format("bad value (0x%x) in %s property", value, name));
            return 0;
        }
        return value;
    }

    static void phandleReferences(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.PHANDLE_REF)) {
            return;
        }
        List<Property> props = node.properties();
        long positions = run.phandleRefPositions(node);
        if (positions != TreeIndex.ALL_POSITIONS) {
            // only the properties the index saw references in: the others' values need not be read at all. The
            // list is only appended to since (a phandle for this very node), and those properties have none.
            for (long bits = positions; bits != 0; bits &= bits - 1) {
                fill(run, node, props.get(Long.numberOfTrailingZeros(bits)));
            }
            return;
        }
        // by index: assigning a phandle to this very node appends a property to the list
        for (int i = 0; i < props.size(); i++) {
            Property p = props.get(i);
            if (!p.isDeleted() && p.value().mayHave(Marker.Kind.REF_PHANDLE)) {
                fill(run, node, p);
            }
        }
    }

    /** Each phandle reference in the property's value becomes the target's phandle, assigned as needed. */
    private static void fill(CheckRun run, Node node, Property p) {
        Value v = p.value();
        // by index: an iterator per value, over a read-only view, costs more than the look-ups
        List<Marker> markers = v.markers();
        for (int j = 0, count = markers.size(); j < count; j++) {
            Marker m = markers.get(j);
            if (m.kind() != Marker.Kind.REF_PHANDLE) {
                continue;
            }
            Node target = run.index.byRef(m.ref());
            if (target == null) {
                if (!run.plugin) {
                    run.fail(node, "Reference to non-existent node or label \"" + m.ref() + "\"\n");
                } else {
                    v.setCell(m.offset(), 0xffffffffL);
                }
                continue;
            }
            v.setCell(m.offset(), run.phandles.of(target));
            target.setReferenced(true);
        }
    }

    /** Each path reference becomes the target's full path, NUL-terminated, inserted at the reference. */
    static void pathReferences(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.PATH_REF)) {
            return;
        }
        for (Property p : node.properties()) {
            if (p.isDeleted()) {
                continue;
            }
            Value v = p.value();
            if (!v.mayHave(Marker.Kind.REF_PATH)) {
                continue;
            }
            boolean any = false;
            for (Marker m : v.markers()) {
                any |= m.kind() == Marker.Kind.REF_PATH;
            }
            if (!any) {
                continue;
            }
            byte[] bytes = v.bytes();
            Value out = new Value();
            int copied = 0;
            for (Marker m : v.markers()) {
                if (m.offset() > copied) {
                    out.appendBytes(bytes, copied, m.offset() - copied);
                    copied = m.offset();
                }
                out.addMarker(m.kind(), m.ref());
                if (m.kind() != Marker.Kind.REF_PATH) {
                    continue;
                }
                Node target = run.index.byRef(m.ref());
                if (target == null) {
                    run.fail(node, "Reference to non-existent node or label \"" + m.ref() + "\"\n");
                    continue;
                }
                out.appendBytes(Names.bytes(target.path()));
                out.appendBytes(new byte[] {0});
                target.setReferenced(true);
            }
            out.appendBytes(bytes, copied, v.length() - copied);
            p.setValue(out);
        }
    }

    /** Kept under -@ when the node ever had a label. */
    static void omitUnusedNodes(CheckRun run, Node node) {
        if (run.settings.symbols() && run.settings.everLabelled().test(node)) {
            return;
        }
        if (node.isOmitIfNoRef() && !node.isReferenced()) {
            run.deleteNode(node);
        }
    }
}
