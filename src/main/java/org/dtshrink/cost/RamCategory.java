package org.dtshrink.cost;

/**
 * What the kernel spends on a device tree up to the end of boot, by who allocates it. The memblock categories are
 * reserved at early boot and never freed (the {@code Memory:} line's "reserved"); the slab ones are slab objects (the
 * {@code Slab:} of /proc/meminfo). The blob kept in RAM is reserved too and is counted apart (it may sit in flash).
 */
public enum RamCategory {
    /** {@code unflatten_device_tree()}: the nodes and properties (see {@link Category}). */
    UNFLATTEN("unflatten allocation", "unflatten", true),
    /** {@code of_alias_scan()}: one {@code struct alias_prop} per alias. */
    ALIASES("alias table", "aliases", true),
    /** {@code of_core_init()}: /sys/firmware/devicetree, a kernfs directory per node and a file per property. */
    SYSFS("/sys/firmware/devicetree", "sysfs", false),
    /** {@code of_platform_populate()}: platform and AMBA devices, their names, resources and sysfs entries. */
    DEVICES("devices", "devices", false),
    /** fw_devlink: the {@code fwnode_link}s still waiting at the end of boot and the device links made from them. */
    FW_DEVLINK("fw_devlink links", "fw_devlink", false);

    private final String label;
    private final String key;
    private final boolean memblock;

    RamCategory(String label, String key, boolean memblock) {
        this.label = label;
        this.key = key;
        this.memblock = memblock;
    }

    public String label() {
        return label;
    }

    /** The JSON member name (stable, part of the schema). */
    public String key() {
        return key;
    }

    /** Reserved with memblock at early boot (else a slab object). */
    public boolean isMemblock() {
        return memblock;
    }
}
