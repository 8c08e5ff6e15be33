package org.dtshrink.dts;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.checks.Checker;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * The nodes that let a loader apply overlays, built as dtc builds them after its checks: {@code __symbols__} (every
 * label of a live node mapped to the node's path, with a phandle forced on each labelled node), and for an overlay
 * {@code __fixups__} (where unresolved references sit) and {@code __local_fixups__} (where resolved ones sit).
 */
final class OverlaySymbols {

    private final ParsedSource src;
    private final Node root;
    private final Labels labels;
    private final Checker.Result checked;

    OverlaySymbols(ParsedSource src, Checker.Result checked) {
        this.src = src;
        this.root = src.tree.root();
        this.labels = src.labels;
        this.checked = checked;
    }

    void symbols() {
        boolean any = false;
        for (Node n : LiveNodes.preOrder(root)) {
            any |= labels.hadAny(n);
        }
        if (!any) {
            return;
        }
        Node symbols = childOrNew(root, "__symbols__");
        for (Node n : LiveNodes.preOrder(root)) {
            if (!labels.hadAny(n)) {
                continue;
            }
            for (String l : n.labels()) {
                if (symbols.property(l) != null) {
                    continue;
                }
                symbols.addProperty(new Property(l, string(n.path())));
            }
            checked.phandles().of(n);
        }
    }

    void fixups() {
        boolean any = false;
        for (Node n : LiveNodes.preOrder(root)) {
            for (Ref r : refs(n)) {
                any |= r.target == null;
            }
        }
        if (!any) {
            return;
        }
        Node fixups = childOrNew(root, "__fixups__");
        for (Node n : LiveNodes.preOrder(root)) {
            for (Ref r : refs(n)) {
                if (r.target != null) {
                    continue;
                }
                if (r.marker.ref().indexOf('/') >= 0) {
                    throw DtException.at(r.prop.pos(), "Can't generate fixup for reference to path &{"
                            + r.marker.ref() + "}");
                }
                String path = n.path();
                if (path.indexOf(':') >= 0 || r.prop.name().indexOf(':') >= 0) {
                    throw DtException.at(r.prop.pos(), "arguments should not contain ':'");
                }
                appendUniqueString(fixups, r.marker.ref(), path + ":" + r.prop.name() + ":" + r.marker.offset());
            }
        }
    }

    void localFixups() {
        boolean any = false;
        for (Node n : LiveNodes.preOrder(root)) {
            for (Ref r : refs(n)) {
                any |= r.target != null;
            }
        }
        if (!any) {
            return;
        }
        Node local = childOrNew(root, "__local_fixups__");
        for (Node n : LiveNodes.preOrder(root)) {
            for (Ref r : refs(n)) {
                if (r.target == null) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (Node x = n; x.parent() != null; x = x.parent()) {
                    names.add(0, x.name());
                }
                Node w = local;
                for (String name : names) {
                    w = childOrNew(w, name);
                }
                appendUniqueCell(w, r.prop.name(), r.marker.offset());
            }
        }
    }

    private record Ref(Property prop, Marker marker, Node target) {
    }

    private List<Ref> refs(Node n) {
        List<Ref> out = new ArrayList<>();
        for (Property p : LiveNodes.properties(n)) {
            for (Marker m : p.value().markers()) {
                if (m.kind() == Marker.Kind.REF_PHANDLE) {
                    out.add(new Ref(p, m, checked.resolve(m.ref())));
                }
            }
        }
        return out;
    }

    private static Node childOrNew(Node parent, String name) {
        Node c = parent.child(name);
        return c != null ? c : parent.addChild(new Node(name));
    }

    private static Value string(String s) {
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_STRING, null);
        v.appendBytes(Names.bytes(s));
        v.appendBytes(new byte[] {0});
        return v;
    }

    /** dtc's append_unique_str_to_property: adds the string unless the property already lists it. */
    private static void appendUniqueString(Node n, String name, String entry) {
        Property p = n.property(name);
        if (p != null) {
            Value v = p.value();
            if (v.length() > 0 && v.byteAt(v.length() - 1) != 0) {
                return;
            }
            if (v.asStrings().contains(entry)) {
                return;
            }
        } else {
            p = n.addProperty(new Property(name, new Value()));
        }
        p.value().addMarker(Marker.Kind.TYPE_STRING, name);
        p.value().appendBytes(Names.bytes(entry));
        p.value().appendBytes(new byte[] {0});
    }

    /** dtc's append_unique_u32_to_property: adds the cell unless the property already holds it. */
    private static void appendUniqueCell(Node n, String name, long cell) {
        Property p = n.property(name);
        if (p != null) {
            Value v = p.value();
            if (v.length() % 4 != 0) {
                return;
            }
            for (int i = 0; i < v.length(); i += 4) {
                if (v.cellAt(i) == cell) {
                    return;
                }
            }
        } else {
            p = n.addProperty(new Property(name, new Value()));
        }
        p.value().addMarker(Marker.Kind.TYPE_UINT32, name);
        p.value().appendInteger(cell, 32);
    }
}
