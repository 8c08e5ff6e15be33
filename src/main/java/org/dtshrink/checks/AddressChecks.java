package org.dtshrink.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/** #address-cells and #size-cells, and what they govern: reg, ranges, unit addresses. */
final class AddressChecks {

    /** Below this many children unit addresses are compared pairwise; above, through a map. */
    private static final int UNIQUE_BY_INDEX_FROM = 16;

    private AddressChecks() {
    }

    /** A fix-up more than a check: records each node's cell counts (-1 when absent) for the checks after it. */
    static void addrSizeCells(CheckRun run, Node node) {
        Property a = run.property(node, Known.ADDRESS_CELLS);
        Property z = run.property(node, Known.SIZE_CELLS);
        run.setCells(node, a == null ? -1 : (int) Bytes.cell(a), z == null ? -1 : (int) Bytes.cell(z));
    }

    static void regFormat(CheckRun run, Node node) {
        Property reg = run.property(node, Known.REG);
        if (reg == null) {
            return;
        }
        if (node.parent() == null) {
            run.fail(node, "Root node has a \"reg\" property");
            return;
        }
        int len = reg.value().length();
        if (len == 0) {
            run.failProp(node, reg, "property is empty");
        }
        int addr = run.addrCells(node.parent());
        int size = run.sizeCells(node.parent());
        int entry = (addr + size) * 4;
        if (!isMultipleOf(len, entry)) {
            run.failProp(node, reg, "property has invalid length (" + len + " bytes) (#address-cells == " + addr
                    + ", #size-cells == " + size + ")");
        }
    }

    static NodeCheck rangesFormat(String ranges) {
        return (run, node) -> {
            Property prop = run.property(node, ranges);
            if (prop == null) {
                return;
            }
            if (node.parent() == null) {
                run.failProp(node, prop, "Root node has a \"" + ranges + "\" property");
                return;
            }
            int pAddr = run.addrCells(node.parent());
            int pSize = run.sizeCells(node.parent());
            int cAddr = run.addrCells(node);
            int cSize = run.sizeCells(node);
            int entry = (pAddr + cAddr + cSize) * 4;
            int len = prop.value().length();
            if (len == 0) {
                if (pAddr != cAddr) {
                    run.failProp(node, prop, "empty \"" + ranges + "\" property but its #address-cells (" + cAddr
                            + ") differs from " + node.parent().path() + " (" + pAddr + ")");
                }
                if (pSize != cSize) {
                    run.failProp(node, prop, "empty \"" + ranges + "\" property but its #size-cells (" + cSize
                            + ") differs from " + node.parent().path() + " (" + pSize + ")");
                }
            } else if (!isMultipleOf(len, entry)) {
                run.failProp(node, prop, "\"" + ranges + "\" property has invalid length (" + len + " bytes) "
                        + "(parent #address-cells == " + pAddr + ", child #address-cells == " + cAddr
                        + ", #size-cells == " + cSize + ")");
            }
        };
    }

    static boolean isMultipleOf(int multiple, int divisor) {
        return divisor == 0 ? multiple == 0 : multiple % divisor == 0;
    }

    static void unitAddressVsReg(CheckRun run, Node node) {
        if (LiveNodes.child(node, "__overlay__") != null) {
            // overlay fragments are a special case in dtc
            return;
        }
        Property prop = run.property(node, Known.REG);
        if (prop == null) {
            prop = run.property(node, Known.RANGES);
            if (prop != null && prop.value().length() == 0) {
                prop = null;
            }
        }
        boolean unit = Bytes.hasUnitName(node);
        if (prop != null) {
            if (!unit) {
                run.fail(node, "node has a reg or ranges property, but no unit name");
            }
        } else if (unit) {
            run.fail(node, "node has a unit name, but no reg or ranges property");
        }
    }

    static void unitAddressFormat(CheckRun run, Node node) {
        if (node.parent() != null && run.bus(node.parent()) != null) {
            return;
        }
        String name = node.name();
        int u = Bytes.unitStart(node);
        if (u == name.length()) {
            return;
        }
        if (name.startsWith("0x", u)) {
            run.fail(node, "unit name should not have leading \"0x\"");
            u += 2;
        }
        if (name.length() - u >= 2 && name.charAt(u) == '0' && Character.digit(name.charAt(u + 1), 16) >= 0
                && name.charAt(u + 1) < 0x80) {
            run.fail(node, "unit name should not have leading 0s");
        }
    }

    static void avoidDefaultAddrSize(CheckRun run, Node node) {
        if (node.parent() == null) {
            return;
        }
        if (run.property(node, Known.REG) == null && run.property(node, Known.RANGES) == null) {
            return;
        }
        if (run.rawAddrCells(node.parent()) == -1) {
            run.fail(node, "Relying on default #address-cells value");
        }
        if (run.rawSizeCells(node.parent()) == -1) {
            run.fail(node, "Relying on default #size-cells value");
        }
    }

    static void avoidUnnecessaryAddrSize(CheckRun run, Node node) {
        if (node.parent() == null || run.rawAddrCells(node) < 0 || run.rawSizeCells(node) < 0) {
            return;
        }
        // dtc tests its raw child list here: a node whose children are all deleted still has children
        if (run.property(node, Known.RANGES) != null || run.property(node, Known.DMA_RANGES) != null
                || node.children().isEmpty()) {
            return;
        }
        for (Node c : node.children()) {
            if (!c.isDeleted() && run.property(c, Known.REG) != null) {
                return;
            }
        }
        run.fail(node, "unnecessary #address-cells/#size-cells without \"ranges\", \"dma-ranges\" or child \"reg\""
                + " property");
    }

    /**
     * Each child with a unit address against each earlier sibling; a repeat is reported at the earlier node, naming
     * the later. {@code ifEnabled}: disabled nodes ({@code status = "disabled"}) take no part.
     */
    static NodeCheck uniqueUnitAddress(boolean ifEnabled) {
        return (run, node) -> {
            if (run.rawAddrCells(node) < 0 || run.rawSizeCells(node) < 0 || node.children().isEmpty()) {
                return;
            }
            List<Node> all = node.children();
            if (all.size() < UNIQUE_BY_INDEX_FROM) {
                // few siblings: each against the earlier ones, with no map or list per node
                for (int j = 1; j < all.size(); j++) {
                    Node a = all.get(j);
                    if (a.isDeleted() || !Bytes.hasUnitName(a) || (ifEnabled && isDisabled(run, a))) {
                        continue;
                    }
                    for (int i = 0; i < j; i++) {
                        Node b = all.get(i);
                        if (!b.isDeleted() && Bytes.sameUnitName(a, b) && !(ifEnabled && isDisabled(run, b))) {
                            run.fail(b, "duplicate unit-address (also used in node " + a.path() + ")");
                        }
                    }
                }
                return;
            }
            List<Node> kids = LiveNodes.children(node);
            Map<String, List<Node>> earlier = new HashMap<>();
            for (Node a : kids) {
                String addr = Bytes.unitName(a);
                if (addr.isEmpty() || (ifEnabled && isDisabled(run, a))) {
                    continue;
                }
                List<Node> same = earlier.computeIfAbsent(addr, k -> new ArrayList<>(1));
                for (Node b : same) {
                    run.fail(b, "duplicate unit-address (also used in node " + a.path() + ")");
                }
                same.add(a);
            }
        };
    }

    private static boolean isDisabled(CheckRun run, Node n) {
        Property status = run.property(n, Known.STATUS);
        return status != null && Bytes.cStringEquals(status.value(), "disabled");
    }
}
