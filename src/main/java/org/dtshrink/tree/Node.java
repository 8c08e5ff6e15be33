package org.dtshrink.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * A device-tree node: its name with unit address ({@code ""} for the root), ordered properties and children, and
 * the labels that name it. {@code deleted} is the front end's tombstone for /delete-node/; stages after the front end
 * never see deleted nodes or properties ({@link DeviceTree#purgeDeleted()}).
 */
public final class Node {

    private String name;
    private Node parent;
    private final List<Property> properties = new ArrayList<>();
    private final List<Node> children = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    private SourcePos pos = SourcePos.NONE;
    /** Where later definitions merged into this node were written (dtc's "also defined at"); null when none. */
    private List<SourcePos> laterPos;
    private boolean deleted;
    private boolean omitIfNoRef;
    private boolean referenced;
    /** 0 when the node has no phandle (yet). */
    private long phandle;
    /** A number a stage may give the node to keep its own per-node data in arrays; -1 until one does. */
    private int ordinal = -1;

    public Node(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The name before the '@', as the kernel's {@code of_node_name} and dtc's basename comparisons use it. */
    public String baseName() {
        int at = name.indexOf('@');
        return at < 0 ? name : name.substring(0, at);
    }

    /** The text after the '@', or {@code ""} when the node has no unit address. */
    public String unitAddress() {
        int at = name.indexOf('@');
        return at < 0 ? "" : name.substring(at + 1);
    }

    public Node parent() {
        return parent;
    }

    public boolean isRoot() {
        return parent == null;
    }

    public List<Property> properties() {
        return properties;
    }

    public List<Node> children() {
        return children;
    }

    public List<String> labels() {
        return labels;
    }

    public void addLabel(String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }

    public SourcePos pos() {
        return pos;
    }

    public void setPos(SourcePos pos) {
        this.pos = pos;
    }

    /** Records one more definition of this node, merged into it (dtc's srcpos_extend). */
    public void addDefinition(SourcePos at) {
        if (pos.isNone()) {
            pos = at;
            return;
        }
        if (laterPos == null) {
            laterPos = new ArrayList<>(2);
        }
        laterPos.add(at);
    }

    /** The definitions after the first, in the order they were merged. */
    public List<SourcePos> laterDefinitions() {
        return laterPos == null ? List.of() : laterPos;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    public boolean isOmitIfNoRef() {
        return omitIfNoRef;
    }

    public void setOmitIfNoRef(boolean omitIfNoRef) {
        this.omitIfNoRef = omitIfNoRef;
    }

    public boolean isReferenced() {
        return referenced;
    }

    public void setReferenced(boolean referenced) {
        this.referenced = referenced;
    }

    public long phandle() {
        return phandle;
    }

    public void setPhandle(long phandle) {
        this.phandle = phandle;
    }

    /**
     * The number the last stage that numbered the tree gave this node (the checks number nodes in pre-order), or
     * -1. Only a hint: a stage checks that its own table holds this node at that number before it trusts it.
     */
    public int ordinal() {
        return ordinal;
    }

    public void setOrdinal(int ordinal) {
        this.ordinal = ordinal;
    }

    /** Appends a child at the end, as dtc's add_child does. */
    public Node addChild(Node child) {
        child.parent = this;
        children.add(child);
        return child;
    }

    public void removeChild(Node child) {
        if (children.remove(child)) {
            child.parent = null;
        }
    }

    /** Appends a property at the end, as dtc's add_property does. */
    public Property addProperty(Property p) {
        properties.add(p);
        return p;
    }

    /** The first live property with this exact name, or null. */
    public Property property(String propName) {
        for (Property p : properties) {
            if (!p.isDeleted() && p.name().equals(propName)) {
                return p;
            }
        }
        return null;
    }

    /** The first live child with this exact name, or null. */
    public Node child(String childName) {
        for (Node c : children) {
            if (!c.isDeleted() && c.name().equals(childName)) {
                return c;
            }
        }
        return null;
    }

    /**
     * The full path, {@code "/"} for the root: the one way a node's path is spelled, in messages, references,
     * {@code __symbols__}, reports and old blobs' node names. Built without recursion: trees can be thousands of
     * levels deep.
     */
    public String path() {
        if (parent == null) {
            return "/";
        }
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (Node n = this; n.parent != null; n = n.parent) {
            names.push(n.name);
        }
        StringBuilder sb = new StringBuilder();
        for (String part : names) {
            sb.append('/').append(part);
        }
        return sb.toString();
    }

    /**
     * The path of a child named {@code childName} under the node at {@code parentPath}: what {@link #path()} gives,
     * for walks that build paths as they go down (linear where asking each node would not be).
     */
    public static String childPath(String parentPath, String childName) {
        return parentPath.equals("/") ? "/" + childName : parentPath + "/" + childName;
    }

    /**
     * Whether the kernel counts the node as available ({@code of_fdt_device_is_available()},
     * {@code of_device_is_available()}): no {@code status}, or a first {@code status} whose C string is exactly "ok"
     * or "okay". The string ends at the first NUL or at the end of the value (in a blob the next byte after a value
     * is padding or a token, both starting with a zero byte).
     */
    public boolean isAvailable() {
        Property status = property("status");
        if (status == null) {
            return true;
        }
        Value v = status.value();
        int end = 0;
        while (end < v.length() && v.byteAt(end) != 0) {
            end++;
        }
        return cStringEquals(v, end, "ok") || cStringEquals(v, end, "okay");
    }

    private static boolean cStringEquals(Value v, int length, String ascii) {
        if (length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (v.byteAt(i) != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Depth below the root; the root is 0. */
    public int depth() {
        int d = 0;
        for (Node n = parent; n != null; n = n.parent) {
            d++;
        }
        return d;
    }

    @Override
    public String toString() {
        return path();
    }
}
