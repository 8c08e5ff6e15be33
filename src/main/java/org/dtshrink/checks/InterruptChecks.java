package org.dtshrink.checks;

import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/** interrupts, interrupt-parent, interrupt providers and interrupt-map. */
final class InterruptChecks {

    private InterruptChecks() {
    }

    static boolean isProvider(CheckRun run, Node n) {
        return run.property(n, Known.INTERRUPT_CONTROLLER) != null || run.property(n, Known.INTERRUPT_MAP) != null;
    }

    static void interruptsProperty(CheckRun run, Node node) {
        Property irq = run.property(node, Known.INTERRUPTS);
        if (irq == null) {
            return;
        }
        int len = irq.value().length();
        if (len % 4 != 0) {
            run.failProp(node, irq, "size (" + len + ") is invalid, expected multiple of 4");
        }
        Node irqNode = null;
        Node parent = node;
        Property prop = null;
        while (parent != null && prop == null) {
            if (parent != node && isProvider(run, parent)) {
                irqNode = parent;
                break;
            }
            prop = run.property(parent, Known.INTERRUPT_PARENT);
            if (prop != null) {
                long phandle = Bytes.cell(prop);
                if (!Phandles.isValid(phandle)) {
                    // an overlay may refer outside itself
                    if (run.plugin) {
                        return;
                    }
                    run.failProp(parent, prop, "Invalid phandle");
                    // dtc's continue: the loop ends, as a property was found
                    continue;
                }
                irqNode = run.index.byPhandle(phandle);
                if (irqNode == null) {
                    run.failProp(parent, prop, "Bad phandle");
                    return;
                }
                if (!isProvider(run, irqNode)) {
                    run.fail(irqNode, "Missing interrupt-controller or interrupt-map property");
                }
                break;
            }
            parent = parent.parent();
        }
        if (irqNode == null) {
            run.fail(node, "Missing interrupt-parent");
            return;
        }
        Property cells = run.property(irqNode, Known.INTERRUPT_CELLS);
        if (cells == null) {
            // interrupt_provider reports this
            return;
        }
        long irqCells = Bytes.cell(cells);
        if (!AddressChecks.isMultipleOf(len, (int) (irqCells * 4))) {
            run.failProp(node, cells, "size is (" + len + "), expected multiple of " + (int) (irqCells * 4));
        }
    }

    static void interruptProvider(CheckRun run, Node node) {
        boolean provider = isProvider(run, node);
        Property cells = run.property(node, Known.INTERRUPT_CELLS);
        if (provider && cells == null) {
            run.fail(node, "Missing '#interrupt-cells' in interrupt provider");
        } else if (!provider && cells != null) {
            run.fail(node, "'#interrupt-cells' found, but node is not an interrupt provider");
        }
    }

    static void interruptMap(CheckRun run, Node node) {
        Property map = run.property(node, Known.INTERRUPT_MAP);
        if (map == null) {
            return;
        }
        if (run.rawAddrCells(node) < 0) {
            run.fail(node, "Missing '#address-cells' in interrupt-map provider");
            return;
        }
        Property ownCells = run.property(node, Known.INTERRUPT_CELLS);
        long cellSize = run.addrCells(node) + (ownCells == null ? 0 : Bytes.cell(ownCells));
        Property mask = run.property(node, Known.INTERRUPT_MAP_MASK);
        if (mask != null && mask.value().length() != cellSize * 4) {
            run.failProp(node, mask, "property size (" + mask.value().length() + ") is invalid, expected "
                    + cellSize * 4);
        }
        Value v = map.value();
        int len = v.length();
        if (len % 4 != 0) {
            run.failProp(node, map, "property size (" + len + ") is invalid, expected multiple of 4");
            return;
        }
        long mapCells = len / 4;
        for (long cell = 0; cell < mapCells;) {
            if (cell + cellSize >= mapCells) {
                run.failProp(node, map, "property size (" + len + ") too small, expected > " + (cell + cellSize) * 4);
                break;
            }
            cell += cellSize;
            int phandle = (int) Bytes.cellN(v, cell);
            if (!Phandles.isValid(phandle & 0xffffffffL)) {
                // an overlay may refer outside itself
                if (!run.plugin) {
                    run.failProp(node, map, "Cell " + cell + " is not a phandle(" + phandle + ")");
                }
                break;
            }
            Node provider = run.index.byPhandle(phandle & 0xffffffffL);
            if (provider == null) {
                run.failProp(node, map, "Could not get phandle(" + phandle + ") node for (cell " + cell + ")");
                break;
            }
            Property cells = run.property(provider, Known.INTERRUPT_CELLS);
            if (cells == null) {
                run.fail(node, "Missing property '#interrupt-cells' in node " + provider.path()
                        + " or bad phandle (referred from interrupt-map[" + cell + "])");
                break;
            }
            long parentCellSize = Bytes.cell(cells);
            Property addr = run.property(provider, Known.ADDRESS_CELLS);
            if (addr != null) {
                parentCellSize += Bytes.cell(addr);
            }
            cell += 1 + parentCellSize;
            if (cell > mapCells) {
                run.failProp(node, map, "property size (" + len + ") mismatch, expected " + cell * 4);
            }
        }
    }
}
