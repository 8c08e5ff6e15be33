package org.dtshrink.cost;

/** What a kernel stores in {@code device_node.full_name}, which decides how many name bytes each node costs. */
public enum FullName {
    /** The node name with unit address, as Linux has done since 4.14. */
    NAME,
    /** The full path from the root, as Linux 4.13 and older built it. */
    PATH
}
