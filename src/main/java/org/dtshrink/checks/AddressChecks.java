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

    private AddressChecks() {
    }

    /** A fix-up more than a check: records each node's cell counts (-1 when absent) for the checks after it. */
    static void addrSizeCells(CheckRun run, Node node) {
        CheckRun.NodeState s = run.state(node);
        s.addrCells = -1;
        s.sizeCells = -1;
        Property a = run.property(node, "#address-cells");
        if (a != null) {
            s.addrCells = (int) Bytes.cell(a);
        }
        Property z = run.property(node, "#size-cells");
        if (z != null) {
            s.sizeCells = (int) Bytes.cell(z);
        }
    }

    static void regFormat(CheckRun run, Node node) {
        Property reg = run.property(node, "reg");
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
        Property prop = run.property(node, "reg");
        if (prop == null) {
            prop = run.property(node, "ranges");
            if (prop != null && prop.value().length() == 0) {
                prop = null;
            }
        }
        String unit = Bytes.unitName(node);
        if (prop != null) {
            if (unit.isEmpty()) {
                run.fail(node, "node has a reg or ranges property, but no unit name");
            }
        } else if (!unit.isEmpty()) {
            run.fail(node, "node has a unit name, but no reg or ranges property");
        }
    }

    static void unitAddressFormat(CheckRun run, Node node) {
        if (node.parent() != null && run.bus(node.parent()) != null) {
            return;
        }
        String unit = Bytes.unitName(node);
        if (unit.isEmpty()) {
            return;
        }
        if (unit.startsWith("0x")) {
            run.fail(node, "unit name should not have leading \"0x\"");
            unit = unit.substring(2);
        }
        if (unit.length() >= 2 && unit.charAt(0) == '0' && Character.digit(unit.charAt(1), 16) >= 0
                && unit.charAt(1) < 0x80) {
            run.fail(node, "unit name should not have leading 0s");
        }
    }

    static void avoidDefaultAddrSize(CheckRun run, Node node) {
        if (node.parent() == null) {
            return;
        }
        if (run.property(node, "reg") == null && run.property(node, "ranges") == null) {
            return;
        }
        if (run.state(node.parent()).addrCells == -1) {
            run.fail(node, "Relying on default #address-cells value");
        }
        if (run.state(node.parent()).sizeCells == -1) {
            run.fail(node, "Relying on default #size-cells value");
        }
    }

    static void avoidUnnecessaryAddrSize(CheckRun run, Node node) {
        CheckRun.NodeState s = run.state(node);
        if (node.parent() == null || s.addrCells < 0 || s.sizeCells < 0) {
            return;
        }
        // dtc tests its raw child list here: a node whose children are all deleted still has children
        if (run.property(node, "ranges") != null || run.property(node, "dma-ranges") != null
                || node.children().isEmpty()) {
            return;
        }
        for (Node c : node.children()) {
            if (!c.isDeleted() && run.property(c, "reg") != null) {
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
            CheckRun.NodeState s = run.state(node);
            if (s.addrCells < 0 || s.sizeCells < 0 || node.children().isEmpty()) {
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
        Property status = run.property(n, "status");
        return status != null && Bytes.cStringEquals(status.value(), "disabled");
    }
}
