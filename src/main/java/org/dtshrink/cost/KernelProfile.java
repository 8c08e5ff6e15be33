package org.dtshrink.cost;

/**
 * The figures of one kernel build that decide what unflattening a device tree costs: the sizes and alignments of
 * {@code struct device_node} and {@code struct property}, the options that change the accounting, and a note saying
 * where the figures come from.
 *
 * @param ofKobj {@code y}, {@code n} or {@code always} (kernels before the option existed); shown, not computed with
 * @param skipDisabled whether nodes whose {@code status} is not ok/okay are left out (6.12 does so without OF_KOBJ)
 * @param depthLimit the first depth (the root is 0) whose nodes the kernel leaves out
 * @param boot what the rest of boot spends on the tree (sysfs, devices, fw_devlink), or null when the profile does
 *     not say: then only the unflatten allocation and the blob are counted
 */
public record KernelProfile(
        String name,
        String description,
        String note,
        int nodeSize,
        int nodeAlign,
        int propertySize,
        int propertyAlign,
        String ofKobj,
        boolean ofDynamic,
        FullName fullName,
        boolean skipDisabled,
        int depthLimit,
        int pageSize,
        BootFigures boot) {

    /** A profile of the unflatten figures only. */
    public KernelProfile(String name, String description, String note, int nodeSize, int nodeAlign,
            int propertySize, int propertyAlign, String ofKobj, boolean ofDynamic, FullName fullName,
            boolean skipDisabled, int depthLimit, int pageSize) {
        this(name, description, note, nodeSize, nodeAlign, propertySize, propertyAlign, ofKobj, ofDynamic, fullName,
                skipDisabled, depthLimit, pageSize, null);
    }

    /** Whether the profile models the rest of boot (sysfs, devices, fw_devlink) and not just unflattening. */
    public boolean hasBoot() {
        return boot != null;
    }
}
