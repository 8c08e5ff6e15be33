package org.dtshrink.cost;

import java.nio.charset.StandardCharsets;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/** Small hand-built trees and profiles for the cost tests. */
final class Trees {

    private Trees() {
    }

    static DeviceTree tree(Node root) {
        return new DeviceTree(root);
    }

    static Node node(String name, Object... contents) {
        Node n = new Node(name);
        for (Object o : contents) {
            if (o instanceof Node c) {
                n.addChild(c);
            } else {
                n.addProperty((Property) o);
            }
        }
        return n;
    }

    static Property prop(String name) {
        return new Property(name, new Value());
    }

    static Property str(String name, String value) {
        return new Property(name, Value.ofString(value));
    }

    static Property raw(String name, String bytes) {
        return new Property(name, Value.of(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    static KernelProfile profile(int nodeSize, int nodeAlign, int propSize, int propAlign) {
        return new KernelProfile("test", "test", "test", nodeSize, nodeAlign, propSize, propAlign, "y", false,
                FullName.NAME, false, 63, 4096);
    }

    static KernelProfile skipping(KernelProfile p) {
        return new KernelProfile(p.name(), p.description(), p.note(), p.nodeSize(), p.nodeAlign(), p.propertySize(),
                p.propertyAlign(), "n", p.ofDynamic(), p.fullName(), true, p.depthLimit(), p.pageSize());
    }

    static KernelProfile withDepthLimit(KernelProfile p, int limit) {
        return new KernelProfile(p.name(), p.description(), p.note(), p.nodeSize(), p.nodeAlign(), p.propertySize(),
                p.propertyAlign(), p.ofKobj(), p.ofDynamic(), p.fullName(), p.skipDisabled(), limit, p.pageSize());
    }

    static KernelProfile fullPaths(KernelProfile p) {
        return new KernelProfile(p.name(), p.description(), p.note(), p.nodeSize(), p.nodeAlign(), p.propertySize(),
                p.propertyAlign(), p.ofKobj(), p.ofDynamic(), FullName.PATH, p.skipDisabled(), p.depthLimit(),
                p.pageSize());
    }
}
