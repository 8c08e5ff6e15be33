package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.KernelTree.KNode;
import org.dtshrink.tree.Value;

/**
 * The properties fw_devlink reads for suppliers, and the suppliers they name (of_supplier_bindings[] in
 * drivers/of/property.c). The optional bindings (iommus, iommu-map, dmas) are read only with fw_devlink.strict, which
 * no profile sets, and are left out.
 */
final class SupplierBindings {

    /** A supplier named by a property; {@code consumer} is the node the link is made for. */
    record Supplier(KNode consumer, KNode supplier, boolean ignore) {
    }

    /** The simple bindings: property name and the cells property of its provider (null: none, no arguments). */
    private static final String[][] SIMPLE = {
        {"clocks", "#clock-cells"}, {"interconnects", "#interconnect-cells"}, {"mboxes", "#mbox-cells"},
        {"io-channels", "#io-channel-cells"}, {"io-backends", "#io-backend-cells"},
        {"power-domains", "#power-domain-cells"}, {"hwlocks", "#hwlock-cells"}, {"extcon", null},
        {"nvmem-cells", "#nvmem-cell-cells"}, {"phys", "#phy-cells"}, {"wakeup-parent", null},
        {"pinctrl-0", null}, {"pinctrl-1", null}, {"pinctrl-2", null}, {"pinctrl-3", null}, {"pinctrl-4", null},
        {"pinctrl-5", null}, {"pinctrl-6", null}, {"pinctrl-7", null}, {"pinctrl-8", null},
        {"pwms", "#pwm-cells"}, {"resets", "#reset-cells"}, {"leds", null}, {"backlight", null}, {"panel", null},
        {"msi-parent", "#msi-cells"}, {"pses", "#pse-cells"}, {"power-supplies", null},
        {"access-controllers", "#access-controller-cells"},
    };

    /** {@link #SIMPLE} by property name; the value is the cells property, "" for none. */
    private static final Map<String, String> SIMPLE_BY_NAME = new HashMap<>();

    static {
        for (String[] s : SIMPLE) {
            SIMPLE_BY_NAME.put(s[0], s[1] == null ? "" : s[1]);
        }
    }

    private final KernelTree tree;

    SupplierBindings(KernelTree tree) {
        this.tree = tree;
    }

    /** of_link_property(): the suppliers one property of {@code np} names, in index order. */
    List<Supplier> suppliers(KNode np, String prop) {
        List<Supplier> out = new ArrayList<>();
        String cells = SIMPLE_BY_NAME.get(prop);
        if (cells != null) {
            // parse_prop_cells(): a provider without the cells property takes no arguments
            for (KNode sup : phandles(np, prop, cells.isEmpty() ? null : cells, 0)) {
                out.add(new Supplier(np, sup, false));
            }
            return out;
        }
        if (prop.equals("remote-endpoint")) {
            List<KNode> remote = phandles(np, prop, null, 0);
            KNode consumer = portParent(np.parent);
            if (!remote.isEmpty() && consumer != null) {
                KNode sup = portParent(remote.get(0).parent);
                if (sup != null) {
                    out.add(new Supplier(consumer, sup, false));
                }
            }
            return out;
        }
        if (prop.equals("gpio") || prop.equals("gpios")) {
            if (!np.has("gpio-hog")) {
                addAll(out, np, phandles(np, prop, "#gpio-cells", -1));
            }
            return out;
        }
        if (prop.equals("interrupts") || prop.equals("interrupts-extended")) {
            addAll(out, np, interruptControllers(np));
            return out;
        }
        if (prop.equals("post-init-providers")) {
            for (KNode sup : phandles(np, prop, null, 0)) {
                out.add(new Supplier(np, sup, true));
            }
            return out;
        }
        if (suffix(prop, "-supply")) {
            addAll(out, np, phandles(np, prop, null, 0));
        } else if (suffix(prop, "-gpio") || suffix(prop, "-gpios") && !suffix(prop, ",nr-gpios")) {
            addAll(out, np, phandles(np, prop, "#gpio-cells", -1));
        }
        return out;
    }

    private static void addAll(List<Supplier> out, KNode consumer, List<KNode> sups) {
        for (KNode s : sups) {
            out.add(new Supplier(consumer, s, false));
        }
    }

    /** strcmp_suffix(): the name is longer than the suffix and ends with it. */
    private static boolean suffix(String name, String suffix) {
        return name.length() > suffix.length() && name.endsWith(suffix);
    }

    /**
     * The providers a phandle list names, index by index, up to the first index that does not parse: an empty
     * (zero) entry, a phandle of no node, a provider without {@code cells} when {@code cellCount} is -1, or arguments
     * running past the end (the kernel's parse loop stops at the first NULL).
     */
    List<KNode> phandles(KNode np, String prop, String cells, int cellCount) {
        List<KNode> out = new ArrayList<>();
        Value v = np.value(prop);
        if (v == null) {
            return out;
        }
        int end = v.length() / 4;
        int cur = 0;
        while (cur < end) {
            long ph = v.cellAt(cur * 4);
            cur++;
            if (ph == 0) {
                return out;
            }
            KNode node = tree.byPhandle(ph);
            long count;
            if (cells != null) {
                if (node == null) {
                    return out;
                }
                Long c = node.u32(cells);
                if (c == null) {
                    if (cellCount < 0) {
                        return out;
                    }
                    count = cellCount;
                } else {
                    count = c;
                }
            } else {
                count = cellCount;
            }
            if (cur + count > end) {
                return out;
            }
            if (node == null) {
                return out;
            }
            out.add(node);
            cur += (int) count;
        }
        return out;
    }

    /**
     * of_irq_parse_one() for each index: the controllers of a node's interrupts, through {@code interrupts-extended}
     * or the {@code interrupt-parent} chain, each a node with {@code #interrupt-cells} that is an interrupt
     * controller. A parent reached through an {@code interrupt-map} nexus is not followed (no supplier is counted).
     */
    List<KNode> interruptControllers(KNode np) {
        List<KNode> out = new ArrayList<>();
        if (np.value("interrupts-extended") != null) {
            for (KNode p : phandles(np, "interrupts-extended", "#interrupt-cells", -1)) {
                if (!p.has("interrupt-controller")) {
                    return out;
                }
                out.add(p);
            }
            return out;
        }
        Value irqs = np.value("interrupts");
        KNode p = irqs == null ? null : interruptParent(np);
        Long cells = p == null ? null : p.u32("#interrupt-cells");
        if (cells != null && cells > 0 && irqs.length() >= cells * 4 && p.has("interrupt-controller")) {
            out.add(p);
        }
        return out;
    }

    /** of_irq_find_parent(): up the interrupt-parent links and the tree to a node with #interrupt-cells. */
    private KNode interruptParent(KNode child) {
        KNode p = child;
        int guard = 0;
        do {
            Long ph = p.u32("interrupt-parent");
            p = ph == null ? p.parent : tree.byPhandle(ph);
            if (++guard > tree.nodes().size()) {
                return null;
            }
        } while (p != null && !p.has("#interrupt-cells"));
        return p;
    }

    /** of_graph_get_port_parent(): the device a port belongs to, above a "ports" container. */
    private static KNode portParent(KNode port) {
        if (port == null) {
            return null;
        }
        KNode np = port.parent;
        if (np != null && (np.shortName().equals("ports") || np.shortName().equals("in-ports")
                || np.shortName().equals("out-ports"))) {
            np = np.parent;
        }
        return np;
    }
}
