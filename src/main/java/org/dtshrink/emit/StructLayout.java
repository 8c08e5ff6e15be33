package org.dtshrink.emit;

import org.dtshrink.cost.FullName;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.tree.DtException;

/**
 * Which fields {@code struct device_node} and {@code struct property} have in the kernel a profile describes. The
 * emitter names fields, so it must know the definitions, not just the sizes: the layout is recognised from the
 * profile's options and then checked against the profile's sizes, so a profile the emitter does not know is refused
 * instead of producing a table that merely compiles.
 *
 * @param linux413 the Linux 4.13 definitions (full path in {@code full_name}, a {@code type} field, a kobject always,
 *     a three-field {@code fwnode_handle}); otherwise Linux 6.12's
 * @param pointerBytes 4 on 32-bit kernels, 8 on 64-bit ones ({@code unsigned long} is as wide as a pointer)
 */
public record StructLayout(boolean linux413, int pointerBytes, boolean ofKobj, boolean ofDynamic) {

    /** The layout of the profile's kernel; a one-line error when none of the known definitions has its sizes. */
    public static StructLayout of(KernelProfile profile) {
        boolean old = profile.fullName() == FullName.PATH;
        boolean kobj = old || !profile.ofKobj().equals("n");
        for (int ptr : new int[] {4, 8}) {
            StructLayout l = new StructLayout(old, ptr, kobj, profile.ofDynamic());
            if (l.nodeSize() == profile.nodeSize() && l.nodeAlign() == profile.nodeAlign()
                    && l.propertySize() == profile.propertySize() && l.propertyAlign() == profile.propertyAlign()) {
                return l;
            }
        }
        throw new DtException("profile " + profile.name() + ": error: struct device_node " + profile.nodeSize() + "/"
                + profile.nodeAlign() + " and struct property " + profile.propertySize() + "/"
                + profile.propertyAlign() + " (size/align) match no struct definitions the emitter knows (Linux "
                + (old ? "4.13" : "6.12") + ", 32 or 64-bit, of_kobj " + profile.ofKobj() + ", of_dynamic "
                + (profile.ofDynamic() ? "y" : "n") + ")");
    }

    /**
     * Properties stay writable only for Linux 4.13, which has no kernel patch, and only where sysfs fills in
     * {@code property.attr} or OF_DYNAMIC relinks them. With the 6.12 patch the table carries {@code attr} and the
     * kernel copies a property before it relinks it, so {@code struct property} is const on every 6.12 profile.
     */
    public boolean propertiesWritable() {
        return linux413 && (ofKobj || ofDynamic);
    }

    /** The table fills in each property's sysfs attribute, as the 6.12 patch has sysfs take it (OF_KOBJ). */
    public boolean sysfsAttributes() {
        return ofKobj && !linux413;
    }

    public int nodeAlign() {
        return pointerBytes;
    }

    public int propertyAlign() {
        return pointerBytes;
    }

    /** {@code struct fwnode_handle}: 4.13 {type, secondary, ops}; 6.12 {secondary, ops, dev, 2 list heads, flags}. */
    int fwnodeSize() {
        if (linux413) {
            return align(4 + 2 * pointerBytes, pointerBytes);
        }
        return align(7 * pointerBytes + 1, pointerBytes);
    }

    /** {@code struct kobject}: name, list head, parent, kset, ktype, sd, kref, the state bit-fields. */
    int kobjectSize() {
        return align(7 * pointerBytes + 4 + 4, pointerBytes);
    }

    /**
     * {@code struct bin_attribute}: a {@code struct attribute} (name, mode) and size, private, then function
     * pointers: read, write, mmap in 4.13; f_mapping, read, write, llseek, mmap in 6.12.
     */
    int binAttributeSize() {
        int attribute = align(pointerBytes + 2, pointerBytes);
        return attribute + 2 * pointerBytes + (linux413 ? 3 : 5) * pointerBytes;
    }

    public int nodeSize() {
        int p = pointerBytes;
        int off = p; // name
        if (linux413) {
            off += p; // type
        }
        off = align(off, 4) + 4; // phandle
        off = align(off, p) + p; // full_name
        off = align(off, p) + fwnodeSize();
        off += 5 * p; // properties, deadprops, parent, child, sibling
        if (ofKobj) {
            off += kobjectSize();
        }
        off += 2 * p; // _flags, data
        return align(off, p);
    }

    public int propertySize() {
        int p = pointerBytes;
        int off = p; // name
        off = align(off, 4) + 4; // length
        off = align(off, p) + 2 * p; // value, next
        if (linux413) {
            off += p + 4; // _flags, unique_id
            off = align(off, p);
        } else if (ofDynamic) {
            off += p; // _flags
        }
        if (ofKobj) {
            off += binAttributeSize();
        }
        return align(off, p);
    }

    /** One line for the file's header. */
    public String describe() {
        return "Linux " + (linux413 ? "4.13" : "6.12") + ", " + (pointerBytes * 8) + "-bit, OF_KOBJ "
                + (linux413 ? "always" : ofKobj ? "y" : "n") + ", OF_DYNAMIC " + (ofDynamic ? "y" : "n");
    }

    static int align(int n, int a) {
        return (n + a - 1) / a * a;
    }

    static long align(long n, int a) {
        return (n + a - 1) / a * a;
    }
}
