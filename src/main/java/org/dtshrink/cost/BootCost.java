package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dtshrink.cost.DevicePopulation.Device;
import org.dtshrink.cost.FwDevlink.DeviceLink;
import org.dtshrink.cost.KernelTree.KNode;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Value;

/**
 * Everything the kernel allocates for a device tree up to the end of boot, before drivers bind: the unflatten
 * allocation, {@code of_alias_scan()}'s table, /sys/firmware/devicetree, the devices {@code of_platform_populate()}
 * creates and fw_devlink's links. What drivers allocate when they probe (their own state, clocks, irq descriptors)
 * is not counted: it depends on the driver, not on the tree.
 */
public final class BootCost {

    private BootCost() {
    }

    /**
     * The RAM of the tree {@code unflatten} was computed for, unflattened at boot, or null when the profile has no boot
     * figures.
     */
    public static BootRam compute(CostResult unflatten) {
        return compute(unflatten, false);
    }

    /**
     * As {@link #compute(CostResult)}; with {@code staticTable} the tree is the static table of dtshrink's kernel
     * patch, which is not unflattened and whose names live in .rodata, where {@code kstrdup_const()} leaves them,
     * published in /sys/firmware/devicetree (CONFIG_OF_STATIC_TREE_SYSFS=y, the default).
     */
    public static BootRam compute(CostResult unflatten, boolean staticTable) {
        return compute(unflatten, staticTable, true);
    }

    /**
     * As {@link #compute(CostResult, boolean)}; {@code treeInSysfs} false is a static table kept out of sysfs
     * (CONFIG_OF_STATIC_TREE_SYSFS=n, and always without CONFIG_SYSFS): no /sys/firmware/devicetree at all, and no
     * device has an {@code of_node} link. An unflattened tree is always published.
     */
    public static BootRam compute(CostResult unflatten, boolean staticTable, boolean treeInSysfs) {
        KernelProfile profile = unflatten.profile();
        BootFigures f = profile.boot();
        if (f == null) {
            return null;
        }
        BootRam.Ledger ledger = new BootRam.Ledger(f, profile.pageSize());
        KernelTree tree = KernelTree.of(unflatten);
        if (!staticTable) {
            ledger.memblock(RamCategory.UNFLATTEN, null, unflatten.allocation());
            for (NodeCost n : unflatten.nodes()) {
                if (n.isAllocated()) {
                    ledger.chargeNode(RamCategory.UNFLATTEN, n.node(), n.bytes());
                    for (PropertyCost p : n.properties()) {
                        ledger.chargeProperty(RamCategory.UNFLATTEN, new BootRam.PropertyKey(p.name(),
                                p.synthesized()), p.bytes());
                    }
                }
            }
        }
        int aliases = aliases(tree, f, ledger);
        if (!staticTable) {
            clockNames(tree, f, ledger);
        }
        DevicetreeSysfs.Mode mode = !staticTable ? DevicetreeSysfs.Mode.UNFLATTENED
                : treeInSysfs && f.sysfs() ? DevicetreeSysfs.Mode.STATIC : DevicetreeSysfs.Mode.STATIC_HIDDEN;
        DevicetreeSysfs.charge(tree, f, ledger, mode);
        DevicePopulation population = DevicePopulation.of(tree, f);
        int platform = 0;
        int amba = 0;
        List<Device> bound = new ArrayList<>();
        for (Device d : population.devices()) {
            boolean isBound = boundBySimplePmBus(d);
            device(d, f, profile, staticTable, mode != DevicetreeSysfs.Mode.STATIC_HIDDEN, isBound, ledger);
            platform += d.amba() ? 0 : 1;
            amba += d.amba() ? 1 : 0;
            if (isBound) {
                bound.add(d);
            }
        }
        int fwnodeLinks = 0;
        int deviceLinks = 0;
        if (f.fwDevlinkParses()) {
            FwDevlink links = FwDevlink.run(tree, population, bound);
            for (FwDevlink.Link l : links.fwnodeLinks()) {
                ledger.kmalloc(RamCategory.FW_DEVLINK, l.consumer.node, key(l.property), f.fwnodeLinkSize());
            }
            boolean first = true;
            for (DeviceLink l : links.deviceLinks()) {
                deviceLink(l, f, first, ledger);
                first = false;
            }
            fwnodeLinks = links.fwnodeLinks().size();
            deviceLinks = links.deviceLinks().size();
        }
        return ledger.finish(new BootRam.Counts(ledger.kernfsNodes(), platform, amba, fwnodeLinks, deviceLinks,
                aliases), tree.root() == null ? null : tree.root().node);
    }

    /** A real property's key (links are made by real properties only). */
    private static BootRam.PropertyKey key(String property) {
        return new BootRam.PropertyKey(property, false);
    }

    /**
     * of_alias_scan(): for each property of /aliases that names a node by path and ends in digits, a memblock
     * allocation of {@code struct alias_prop} with the stem (the name without the digits) after it.
     */
    private static int aliases(KernelTree tree, BootFigures f, BootRam.Ledger ledger) {
        KNode aliases = tree.byPath("/aliases", null);
        if (aliases == null) {
            return 0;
        }
        int n = 0;
        for (String prop : aliases.propertyNames) {
            if (prop.equals("name") || prop.equals("phandle") || prop.equals("linux,phandle")) {
                continue;
            }
            Value v = aliases.value(prop);
            String path = v == null ? "" : KernelTree.strings(v).isEmpty() ? "" : KernelTree.strings(v).get(0);
            if (tree.byPath(path, aliases) == null) {
                continue;
            }
            int end = prop.length();
            while (end > 0 && Character.isDigit(prop.charAt(end - 1)) && prop.charAt(end - 1) < 0x80) {
                end--;
            }
            if (!isInt(prop.substring(end))) {
                continue;
            }
            long size = (long) f.aliasPropSize() + end + 1;
            ledger.memblock(RamCategory.ALIASES, aliases.node, size);
            n++;
        }
        return n;
    }

    /** kstrtoint(): digits that fit an int (the empty string does not parse). */
    private static boolean isInt(String digits) {
        if (digits.isEmpty()) {
            return false;
        }
        try {
            Integer.parseInt(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The generic clocks of of_clk_init() that are registered under a name from the tree, with what they need. */
    private static final List<String> FIXED_CLOCKS = List.of("fixed-clock", "fixed-factor-clock");

    /**
     * of_clk_init(), for the profile's early clocks of the two generic drivers (drivers/clk/clk-fixed-rate.c and
     * clk-fixed-factor.c): each available node with the properties its setup needs ({@code clock-frequency}, or
     * {@code clock-div} and {@code clock-mult}) registers a clock named by its first {@code clock-output-names} or
     * the node's name, and the clk core keeps {@code kstrdup_const()} of that name (a second clock of the same
     * name is refused and its copy freed). An unflattened tree's strings are not in .rodata, so each is copied;
     * the static table's are, so none is. Charged to the devices, whose place these nodes take.
     */
    private static void clockNames(KernelTree tree, BootFigures f, BootRam.Ledger ledger) {
        Set<String> early = new HashSet<>();
        for (String c : f.earlyClocks()) {
            early.add(c.toLowerCase(Locale.ROOT));
        }
        Set<String> names = new HashSet<>();
        for (KNode n : tree.nodes()) {
            if (n.parent == null || !n.available()) {
                continue;
            }
            boolean fixed = early.contains(FIXED_CLOCKS.get(0)) && n.isCompatible(FIXED_CLOCKS.get(0))
                    && n.u32("clock-frequency") != null;
            boolean factor = early.contains(FIXED_CLOCKS.get(1)) && n.isCompatible(FIXED_CLOCKS.get(1))
                    && n.u32("clock-div") != null && n.u32("clock-mult") != null;
            if (!fixed && !factor) {
                continue;
            }
            // of_property_read_string(): the first string, when the value holds a NUL (one char per byte)
            Value out = n.value("clock-output-names");
            List<String> strings = KernelTree.strings(out);
            String first = strings.isEmpty() ? "" : strings.get(0);
            boolean given = out != null && first.length() < out.length();
            String name = given ? first : n.shortName();
            long bytes = given ? first.length() : Names.byteLength(name);
            if (names.add(name)) {
                ledger.kmalloc(RamCategory.DEVICES, n.node, null, bytes + 1);
            }
        }
    }

    /** The buses simple-pm-bus binds: the "transparent" compatibles it knows, each only as a node's first one. */
    private static final List<String> TRANSPARENT_BUSES = List.of("simple-bus", "simple-mfd", "isa", "arm,amba-bus");

    /**
     * Whether drivers/bus/simple-pm-bus.c (built with every CONFIG_OF kernel) binds the device when it registers:
     * its probe accepts a transparent bus only when that compatible comes first, and then does nothing else.
     */
    static boolean boundBySimplePmBus(Device d) {
        if (d.amba()) {
            return false;
        }
        List<String> compatibles = d.node().compatibles();
        if (compatibles.isEmpty()) {
            return false;
        }
        for (String b : TRANSPARENT_BUSES) {
            if (compatibles.get(0).equalsIgnoreCase(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One device: the platform_object (the device and its empty name) or the amba_device, the resource table of a
     * platform device, the name, device_private, and with sysfs the device's directory and its entries.
     */
    private static void device(Device d, BootFigures f, KernelProfile profile, boolean staticTable,
            boolean ofNodeLink, boolean bound, BootRam.Ledger ledger) {
        RamCategory c = RamCategory.DEVICES;
        org.dtshrink.tree.Node node = d.node().node;
        ledger.kmalloc(c, node, null, d.amba() ? f.ambaDeviceSize() : f.platformDeviceSize() + 1L);
        if (!d.amba()) {
            int regs = OfAddress.addressCount(d.node());
            if (regs > 0) {
                ledger.kmalloc(c, node, null, (long) regs * f.resourceSize());
            }
        }
        long nameLen = Names.byteLength(d.name()) + 1;
        // the name is kstrdup_const() of the node's own full name for top nodes without an address: in the static
        // table that string is in .rodata, and neither the kobject nor kernfs copies it
        boolean copied = !(staticTable && d.constName());
        if (copied) {
            ledger.kmalloc(c, node, null, nameLen);
        }
        ledger.kmalloc(c, node, null, f.devicePrivateSize());
        if (!f.sysfs()) {
            return;
        }
        // the directory; uevent; of_node; the bus's attributes (platform: modalias; amba: id, resource);
        // driver_override; the link in /sys/bus/*/devices and the subsystem link; waiting_for_supplier, which a
        // driver's binding removes again (its id stays taken), leaving its "driver" link and the driver's link to
        // the device, made when the driver registers
        int entries = 1 + 1 + (profile.ofKobj().equals("n") || !ofNodeLink ? 0 : 1) + (d.amba() ? 2 : 1) + 1 + 2
                + (!bound && f.waitingForSupplier() ? 1 : 0);
        if (f.pm()) {
            // the power directory with the runtime PM attributes
            entries += 1 + 5;
        }
        for (int i = 0; i < entries; i++) {
            ledger.kernfs(c, KernfsIds.Phase.POPULATE, node, null);
        }
        if (bound && f.waitingForSupplier()) {
            ledger.kernfsRemoved(c, KernfsIds.Phase.POPULATE);
        }
        if (bound) {
            ledger.kernfs(c, KernfsIds.Phase.BIND, node, null);
            ledger.kernfs(c, KernfsIds.Phase.BIND, node, null);
        }
        if (copied) {
            // kernfs's copies for the directory and for the bus's link to it (and the driver's)
            ledger.kmalloc(c, node, null, nameLen);
            ledger.kmalloc(c, node, null, nameLen);
            if (bound) {
                ledger.kmalloc(c, node, null, nameLen);
            }
        }
    }

    /**
     * One device link: struct device_link with its class device ("supplier bus:name--consumer bus:name"), the
     * device's private data, and with sysfs its directory in /sys/devices/virtual/devlink, four attributes, its
     * links, and the "consumer:..." and "supplier:..." links in the two devices' directories. The first link of a
     * tree also makes the devlink class's directory under /sys/devices/virtual.
     */
    private static void deviceLink(DeviceLink l, BootFigures f, boolean first, BootRam.Ledger ledger) {
        RamCategory c = RamCategory.FW_DEVLINK;
        org.dtshrink.tree.Node node = l.consumer().node().node;
        BootRam.PropertyKey prop = key(l.property());
        String sup = l.supplier().bus() + ":" + l.supplier().name();
        String con = l.consumer().bus() + ":" + l.consumer().name();
        long nameLen = Names.byteLength(sup + "--" + con) + 1;
        ledger.kmalloc(c, node, prop, f.deviceLinkSize());
        ledger.kmalloc(c, node, prop, nameLen);
        ledger.kmalloc(c, node, prop, f.devicePrivateSize());
        if (!f.sysfs()) {
            return;
        }
        KernfsIds.Phase phase = l.atBinding() ? KernfsIds.Phase.BIND : KernfsIds.Phase.POPULATE;
        if (first) {
            ledger.kmalloc(c, node, prop, f.classDirSize());
            ledger.kernfs(c, phase, node, prop);
        }
        // directory, uevent, subsystem, the class's link, status, auto_remove_on, runtime_pm, sync_state_only,
        // supplier, consumer, and the two links in the devices' directories
        for (int i = 0; i < 12; i++) {
            ledger.kernfs(c, phase, node, prop);
        }
        ledger.kmalloc(c, node, prop, nameLen);
        ledger.kmalloc(c, node, prop, nameLen);
        ledger.kmalloc(c, node, prop, Names.byteLength("consumer:" + con) + 1);
        ledger.kmalloc(c, node, prop, Names.byteLength("supplier:" + sup) + 1);
    }
}
