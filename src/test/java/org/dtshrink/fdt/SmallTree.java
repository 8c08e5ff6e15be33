package org.dtshrink.fdt;

import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.Value;

/** The tree of src/test/resources/fdt/small.dts, built by hand as the DTS front end would build it. */
final class SmallTree {

    private SmallTree() {
    }

    static DeviceTree build() {
        Node root = new Node("");
        DeviceTree tree = new DeviceTree(root);
        tree.reserves().add(new ReserveEntry(0x10000000L, 0x4000L));
        tree.reserves().add(new ReserveEntry(0x8000000000L, 0x100000L));
        // dtc takes the boot CPU from the reg of the first node under /cpus
        tree.setBootCpuid(2);

        prop(root, "model", Value.ofString("dtshrink test board"));
        prop(root, "compatible", strings("dtshrink,test", "dtshrink,base"));
        prop(root, "#address-cells", Value.ofCells(1));
        prop(root, "#size-cells", Value.ofCells(1));

        Node cpus = root.addChild(new Node("cpus"));
        prop(cpus, "#address-cells", Value.ofCells(1));
        prop(cpus, "#size-cells", Value.ofCells(0));
        Node cpu = cpus.addChild(new Node("cpu@2"));
        prop(cpu, "device_type", Value.ofString("cpu"));
        prop(cpu, "reg", Value.ofCells(2));

        Node soc = root.addChild(new Node("soc@40000000"));
        prop(soc, "compatible", Value.ofString("simple-bus"));
        prop(soc, "ranges", new Value());
        Node serial = soc.addChild(new Node("serial@40004400"));
        prop(serial, "reg", Value.ofCells(0x40004400L, 0x400));
        prop(serial, "interrupt-names", strings("rx", "tx"));
        prop(serial, "names", Value.ofString("a"));
        Value bytes = new Value().addMarker(Marker.Kind.TYPE_UINT8, null);
        for (int i = 1; i <= 9; i++) {
            bytes.appendInteger(i, 8);
        }
        prop(serial, "bytes", bytes);
        prop(serial, "wide", new Value().addMarker(Marker.Kind.TYPE_UINT64, null)
                .appendInteger(0x123456789abcdef0L, 64));
        prop(serial, "short", new Value().addMarker(Marker.Kind.TYPE_UINT16, null)
                .appendInteger(0x1234, 16).appendInteger(0x5678, 16).appendInteger(0x9abc, 16));
        prop(serial, "x,reg", Value.ofCells(7));
        return tree;
    }

    private static Value strings(String... s) {
        Value v = new Value();
        for (String x : s) {
            v.append(Value.ofString(x));
        }
        return v;
    }

    private static void prop(Node n, String name, Value v) {
        n.addProperty(new Property(name, v));
    }
}
