package org.dtshrink.emit;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of an unflattened tree goes in the emitted C: one writable object (the nodes, and the properties
 * when the kernel writes them) and one const object (the properties when it does not, the values, the strings).
 * One object per section keeps the section sizes independent of the order a compiler places objects in, so the
 * figures computed here are exactly what lands in {@code .data} and {@code .rodata}.
 *
 * <p>Values are 4-byte aligned, as in a blob (kernel code reads cells from them), and shared where their bytes are
 * equal; property names and {@code full_name} strings are shared where equal.
 */
public final class StaticTable {

    /** Alignment of values, as in a blob's structure block. */
    static final int VALUE_ALIGN = 4;

    private final UnflattenedTree tree;
    private final List<byte[]> values = new ArrayList<>();
    /** Per value: the table index of the first property that has it, whose names and types it is spelled by. */
    private final List<Integer> valueFirstProperty = new ArrayList<>();
    private final Map<ByteBuffer, Integer> valueIndex = new HashMap<>();
    private final List<byte[]> strings = new ArrayList<>();
    private final Map<ByteBuffer, Integer> stringIndex = new HashMap<>();
    /** Per property in table order: its value member, -1 for an empty value. */
    private final int[] propertyValue;
    private final int[] propertyName;
    /** Per property, with {@link StructLayout#sysfsAttributes()}: its sysfs file's name, mode and size. */
    private final int[] attributeName;
    private final int[] attributeMode;
    private final int[] attributeSize;
    private final int[] nodeFullName;
    private final int[] firstProperty;
    private final int nullString;
    private long valueBytes;
    private long stringBytes;
    private long constPadding;

    public StaticTable(UnflattenedTree tree) {
        this.tree = tree;
        int props = tree.propertyCount();
        propertyValue = new int[props];
        propertyName = new int[props];
        boolean attrs = tree.layout().sysfsAttributes();
        attributeName = new int[attrs ? props : 0];
        attributeMode = new int[attrs ? props : 0];
        attributeSize = new int[attrs ? props : 0];
        nodeFullName = new int[tree.nodes().size()];
        firstProperty = new int[tree.nodes().size()];
        int k = 0;
        for (KernelNode n : tree.nodes()) {
            firstProperty[n.index()] = k;
            nodeFullName[n.index()] = string(n.fullName());
            SysfsAttributes.Attribute[] a = attrs ? SysfsAttributes.of(n.properties()) : null;
            for (int i = 0; i < n.properties().size(); i++) {
                KernelProperty p = n.properties().get(i);
                byte[] v = p.value();
                propertyValue[k] = v.length == 0 ? -1 : value(v, k);
                propertyName[k] = string(p.name());
                if (attrs) {
                    // a renamed file ("name#1") has a string of its own; else the file shares the property's name
                    attributeName[k] = string(a[i].name());
                    attributeMode[k] = a[i].mode();
                    attributeSize[k] = a[i].size();
                }
                k++;
            }
        }
        // Linux 4.13 points np->type at "<NULL>" when there is no device_type
        boolean needNull = false;
        if (tree.layout().linux413()) {
            for (KernelNode n : tree.nodes()) {
                needNull |= n.typeProperty() < 0;
            }
        }
        nullString = needNull ? string(new byte[] {'<', 'N', 'U', 'L', 'L', '>'}) : -1;
        measure();
    }

    private int value(byte[] v, int property) {
        return valueIndex.computeIfAbsent(ByteBuffer.wrap(v), b -> {
            values.add(v);
            valueFirstProperty.add(property);
            return values.size() - 1;
        });
    }

    private int string(byte[] s) {
        return stringIndex.computeIfAbsent(ByteBuffer.wrap(s), b -> {
            strings.add(s);
            return strings.size() - 1;
        });
    }

    private void measure() {
        long off = propertiesConst() ? (long) tree.propertyCount() * tree.layout().propertySize() : 0;
        for (byte[] v : values) {
            long aligned = StructLayout.align(off, VALUE_ALIGN);
            constPadding += aligned - off;
            off = aligned + v.length;
            valueBytes += v.length;
        }
        for (byte[] s : strings) {
            off += s.length + 1L;
            stringBytes += s.length + 1L;
        }
        long end = StructLayout.align(off, constAlign());
        constPadding += end - off;
    }

    private int constAlign() {
        int a = 1;
        if (!values.isEmpty()) {
            a = VALUE_ALIGN;
        }
        if (propertiesConst() && tree.propertyCount() > 0) {
            a = Math.max(a, tree.layout().propertyAlign());
        }
        return a;
    }

    public UnflattenedTree tree() {
        return tree;
    }

    /** True when {@code struct property} goes into the const object. */
    public boolean propertiesConst() {
        return !tree.layout().propertiesWritable();
    }

    /** Bytes of the writable object: what the table costs in RAM ({@code .data}). */
    public long ramBytes() {
        StructLayout l = tree.layout();
        long off = (long) tree.nodes().size() * l.nodeSize();
        int align = l.nodeAlign();
        if (!propertiesConst()) {
            off = StructLayout.align(off, l.propertyAlign()) + (long) tree.propertyCount() * l.propertySize();
            align = Math.max(align, l.propertyAlign());
        }
        return StructLayout.align(off, align);
    }

    /** Bytes of the const object: what the table costs in flash ({@code .rodata}). */
    public long flashBytes() {
        return (propertiesConst() ? (long) tree.propertyCount() * tree.layout().propertySize() : 0) + valueBytes
                + stringBytes + constPadding;
    }

    /** Distinct non-empty values, in first-use order. */
    List<byte[]> values() {
        return values;
    }

    /** The table index of the first property whose value is value {@code i}. */
    int valueFirstProperty(int i) {
        return valueFirstProperty.get(i);
    }

    /** Distinct strings (property names, full names), in first-use order, without their NUL. */
    List<byte[]> strings() {
        return strings;
    }

    public long valueBytes() {
        return valueBytes;
    }

    public long stringBytes() {
        return stringBytes;
    }

    public long constPadding() {
        return constPadding;
    }

    int propertyValue(int k) {
        return propertyValue[k];
    }

    int propertyName(int k) {
        return propertyName[k];
    }

    /** The string of property {@code k}'s sysfs file name (with {@link StructLayout#sysfsAttributes()}). */
    int attributeName(int k) {
        return attributeName[k];
    }

    /** Property {@code k}'s sysfs file mode: 0444, or 0400 for a {@code security-*} name. */
    int attributeMode(int k) {
        return attributeMode[k];
    }

    /** The size property {@code k}'s sysfs file shows: the value's length, 0 for a {@code security-*} name. */
    int attributeSize(int k) {
        return attributeSize[k];
    }

    int nodeFullName(int node) {
        return nodeFullName[node];
    }

    /** The table index of a node's first property. */
    int firstProperty(int node) {
        return firstProperty[node];
    }

    /** The "&lt;NULL&gt;" string of 4.13's {@code np->type}; -1 when no node needs it. */
    int nullString() {
        return nullString;
    }
}
