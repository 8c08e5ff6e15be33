package org.dtshrink.checks;

import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * dtc's get_node_phandle: a node's phandle, or the lowest value no live node holds, counting on from the last one
 * handed out, recorded in {@code phandle} and/or {@code linux,phandle} properties as {@code -H} asks. One allocator
 * serves a whole compile: the fix-ups first, then {@code __symbols__}.
 */
public final class Phandles {

    private final TreeIndex index;
    private final boolean legacy;
    private final boolean epapr;
    private long next = 1;

    Phandles(TreeIndex index, boolean legacy, boolean epapr) {
        this.index = index;
        this.legacy = legacy;
        this.epapr = epapr;
    }

    static boolean isValid(long phandle) {
        return phandle != 0 && phandle != 0xffffffffL;
    }

    public long of(Node n) {
        if (isValid(n.phandle())) {
            return n.phandle();
        }
        while (index.byPhandle(next) != null) {
            next++;
        }
        index.setPhandle(n, next);
        if (legacy) {
            addProperty(n, "linux,phandle");
        }
        if (epapr) {
            addProperty(n, "phandle");
        }
        return n.phandle();
    }

    /** A node that already has the property refers to itself in it; the caller fills the cell in. */
    private void addProperty(Node n, String name) {
        if (index.property(n, name) != null) {
            return;
        }
        Value v = new Value();
        v.addMarker(Marker.Kind.TYPE_UINT32, null);
        v.appendInteger(n.phandle(), 32);
        index.propertyAdded(n, n.addProperty(new Property(name, v)));
    }
}
