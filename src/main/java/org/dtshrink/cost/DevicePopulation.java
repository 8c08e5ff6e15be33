package org.dtshrink.cost;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dtshrink.cost.KernelTree.KNode;
import org.dtshrink.tree.Value;

/**
 * The devices {@code of_platform_default_populate_init()} (drivers/of/platform.c) creates from the tree, in the order
 * it creates them, with the name {@code of_device_make_bus_id()} gives each. Nodes the kernel initialized before
 * (the profile's early-init compatibles: clocks, interrupt controllers) are already populated and get none.
 */
final class DevicePopulation {

    /**
     * One device. {@code constName} is true when the kernel's name is the node's own full name string ("%s" of
     * {@code kbasename(full_name)}), which {@code kstrdup_const()} does not copy when the tree lives in .rodata.
     */
    record Device(KNode node, boolean amba, String name, boolean constName) {
        String bus() {
            return amba ? "amba" : "platform";
        }
    }

    /** of_default_bus_match_table: the nodes whose children are populated too ("arm,amba-bus" with ARM_AMBA). */
    private static final List<String> BUSES = List.of("simple-bus", "simple-mfd", "isa", "arm,amba-bus");
    /** reserved_mem_matches: nodes anywhere that get a device before the rest. */
    private static final List<String> RESERVED_MEM = List.of("phram", "qcom,rmtfs-mem", "qcom,cmd-db", "qcom,smem",
            "ramoops", "nvmem-rmem", "google,open-dice");
    /** of_skipped_node_table. */
    private static final String SKIPPED = "operating-points-v2";

    private final KernelTree tree;
    private final BootFigures figures;
    private final List<Device> devices = new ArrayList<>();
    private final Map<KNode, Device> byNode = new IdentityHashMap<>();
    private final Set<KNode> populated = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<KNode> populatedBus = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<KNode> initialized = Collections.newSetFromMap(new IdentityHashMap<>());

    private DevicePopulation(KernelTree tree, BootFigures figures) {
        this.tree = tree;
        this.figures = figures;
    }

    /** The devices of {@code tree} in creation order. */
    static DevicePopulation of(KernelTree tree, BootFigures figures) {
        DevicePopulation p = new DevicePopulation(tree, figures);
        p.earlyInit();
        p.populate();
        return p;
    }

    List<Device> devices() {
        return devices;
    }

    /** The device made for a node, or null. */
    Device device(KNode n) {
        return byNode.get(n);
    }

    /**
     * Nodes a clock or interrupt-controller driver set up before populating: their fwnode is "initialized", which
     * fw_devlink takes to mean no device will come.
     */
    boolean initialized(KNode n) {
        return initialized.contains(n);
    }

    /**
     * of_clk_init() (CLK_OF_DECLARE, available nodes) and of_irq_init() (IRQCHIP_DECLARE, available nodes that are
     * interrupt controllers) mark their nodes populated; CLK_OF_DECLARE_DRIVER clears the flag again, so those nodes
     * still get a device. All of them register a clock provider or an irq domain, which marks the fwnode initialized.
     */
    private void earlyInit() {
        Set<String> clocks = lowerCase(figures.earlyClocks());
        Set<String> irqchips = lowerCase(figures.earlyIrqchips());
        Set<String> clockDevices = lowerCase(figures.earlyClockDevices());
        for (KNode n : tree.nodes()) {
            if (!n.available() || n.compatibles().isEmpty()) {
                continue;
            }
            if (n.isCompatibleWithAny(clocks)
                    || n.has("interrupt-controller") && n.isCompatibleWithAny(irqchips)) {
                populated.add(n);
                initialized.add(n);
            } else if (n.isCompatibleWithAny(clockDevices)) {
                initialized.add(n);
            }
        }
    }

    private static Set<String> lowerCase(List<String> compatibles) {
        Set<String> out = new HashSet<>();
        for (String c : compatibles) {
            out.add(c.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private void populate() {
        for (KNode n : tree.nodes()) {
            for (String c : RESERVED_MEM) {
                if (n.isCompatible(c)) {
                    platformDevice(n);
                    break;
                }
            }
        }
        KNode firmware = tree.byPath("/firmware", null);
        if (firmware != null) {
            populateChildren(firmware);
        }
        KNode chosen = chosen();
        if (chosen != null) {
            for (KNode c : chosen.children) {
                if (c.available() && c.isCompatible("simple-framebuffer")) {
                    platformDevice(c);
                    break;
                }
            }
        }
        if (tree.root() != null) {
            populateChildren(tree.root());
        }
    }

    private KNode chosen() {
        KNode c = tree.byPath("/chosen", null);
        return c != null ? c : tree.byPath("/chosen@0", null);
    }

    /** of_platform_populate(): every child as a bus, strictly (a node without compatible gets nothing). */
    private void populateChildren(KNode root) {
        for (KNode child : root.children) {
            busCreate(child);
        }
        populatedBus.add(root);
    }

    /** of_platform_bus_create(), depth first over the buses below {@code top}. */
    private void busCreate(KNode top) {
        Deque<KNode> stack = new ArrayDeque<>();
        stack.push(top);
        while (!stack.isEmpty()) {
            KNode bus = stack.pop();
            if (bus.value("compatible") == null || bus.isCompatible(SKIPPED) || populatedBus.contains(bus)) {
                continue;
            }
            if (bus.isCompatible("arm,primecell")) {
                if (figures.amba() && bus.available() && !populated.contains(bus)) {
                    populated.add(bus);
                    add(new Device(bus, true, name(bus), constName(bus)));
                }
                continue;
            }
            Device dev = platformDevice(bus);
            if (dev == null || !isBus(bus)) {
                continue;
            }
            populatedBus.add(bus);
            for (int i = bus.children.size() - 1; i >= 0; i--) {
                stack.push(bus.children.get(i));
            }
        }
    }

    private boolean isBus(KNode n) {
        for (String b : BUSES) {
            if ((figures.amba() || !b.equals("arm,amba-bus")) && n.isCompatible(b)) {
                return true;
            }
        }
        return false;
    }

    /** of_platform_device_create_pdata(): nothing for an unavailable or already populated node. */
    private Device platformDevice(KNode n) {
        if (!n.available() || populated.contains(n)) {
            return null;
        }
        populated.add(n);
        Device d = new Device(n, false, name(n), constName(n));
        add(d);
        return d;
    }

    private void add(Device d) {
        devices.add(d);
        byNode.put(d.node(), d);
    }

    /**
     * of_device_make_bus_id(): from the node up, the first translatable {@code reg} gives "{addr}.{name}" (with
     * ".{bit}" of a {@code mask} property), each node passed on the way prefixes its full name with ':'.
     */
    static String name(KNode node) {
        String name = null;
        for (KNode n = node; n.parent != null; n = n.parent) {
            Value reg = n.value("reg");
            Long addr = reg == null ? null : OfAddress.translate(n, reg, 0);
            if (addr != null) {
                String head = Long.toHexString(addr) + ".";
                Long mask = n.u32("mask");
                if (mask != null) {
                    // ffs(mask) - 1 printed with %x: -1 (ffffffff) for a mask of 0
                    int bit = mask == 0 ? -1 : Long.numberOfTrailingZeros(mask);
                    head += Integer.toHexString(bit) + ".";
                }
                head += n.shortName();
                return name == null ? head : head + ":" + name;
            }
            name = name == null ? n.fullName() : n.fullName() + ":" + name;
        }
        return name;
    }

    /** Whether the final name is the kstrdup_const() of the node's own full name (a top node without address). */
    static boolean constName(KNode node) {
        Value reg = node.value("reg");
        boolean translated = reg != null && OfAddress.translate(node, reg, 0) != null;
        return !translated && node.parent != null && node.parent.parent == null;
    }
}
