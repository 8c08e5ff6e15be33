package org.dtshrink.checks;

import org.dtshrink.checks.CheckRun.Bus;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/** PCI, simple-bus, I2C and SPI: which nodes are such buses, and their children's unit addresses. */
final class BusChecks {

    private static final long I2C_OWN_SLAVE_ADDRESS = 1L << 30;
    private static final long I2C_TEN_BIT_ADDRESS = 1L << 31;

    private BusChecks() {
    }

    static void pciBridge(CheckRun run, Node node) {
        Property type = run.property(node, Known.DEVICE_TYPE);
        if (type == null || !Bytes.cStringEquals(type.value(), "pci")) {
            return;
        }
        run.setBus(node, Bus.PCI);
        if (!Bytes.baseNameIs(node, "pci") && !Bytes.baseNameIs(node, "pcie")) {
            run.fail(node, "node name is not \"pci\" or \"pcie\"");
        }
        if (run.property(node, Known.RANGES) == null) {
            run.fail(node, "missing ranges for PCI bridge (or not a bridge)");
        }
        if (run.addrCells(node) != 3) {
            run.fail(node, "incorrect #address-cells for PCI bridge");
        }
        if (run.sizeCells(node) != 2) {
            run.fail(node, "incorrect #size-cells for PCI bridge");
        }
        Property range = run.property(node, Known.BUS_RANGE);
        if (range == null) {
            return;
        }
        if (range.value().length() != 8) {
            run.failProp(node, range, "value must be 2 cells");
            return;
        }
        long first = Bytes.cellN(range.value(), 0);
        long last = Bytes.cellN(range.value(), 1);
        if (first > last) {
            run.failProp(node, range, "1st cell must be less than or equal to 2nd cell");
        }
        if (last > 0xff) {
            run.failProp(node, range, "maximum bus number must be less than 256");
        }
    }

    static void pciDeviceBusNum(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.PCI) {
            return;
        }
        Property reg = run.property(node, Known.REG);
        if (reg == null) {
            return;
        }
        long busNum = (Bytes.cellN(reg.value(), 0) & 0x00ff0000L) >> 16;
        // dtc reports at the parent's bus-range (its position and name), or at the node when there is none
        Property range = run.property(node.parent(), Known.BUS_RANGE);
        long min = 0;
        long max = 0;
        if (range != null) {
            min = Bytes.cellN(range.value(), 0);
            max = Bytes.cellN(range.value(), 1);
        }
        if (busNum < min || busNum > max) {
            run.failProp(node, range, "PCI bus number " + busNum + " out of range, expected (" + Bytes.signed(min)
                    + " - " + Bytes.signed(max) + ")");
        }
    }

    static void pciDeviceReg(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.PCI) {
            return;
        }
        Property prop = run.property(node, Known.REG);
        if (prop == null) {
            return;
        }
        Value v = prop.value();
        if (Bytes.cellN(v, 1) != 0 || Bytes.cellN(v, 2) != 0) {
            run.failProp(node, prop, "PCI reg config space address cells 2 and 3 must be 0");
        }
        long reg = Bytes.cellN(v, 0);
        long dev = (reg & 0xf800) >> 11;
        long func = (reg & 0x700) >> 8;
        if ((reg & 0xff000000L) != 0) {
            run.failProp(node, prop, "PCI reg address is not configuration space");
        }
        if ((reg & 0xff) != 0) {
            run.failProp(node, prop, "PCI reg config space address register number must be 0");
        }
        String unit = Bytes.unitName(node);
        if (func == 0 && unit.equals(Bytes.hex(dev))) {
            return;
        }
        String expected = Bytes.hex(dev) + "," + Bytes.hex(func);
        if (unit.equals(expected)) {
            return;
        }
        run.fail(node, "PCI unit address format error, expected \"" + expected + "\"");
    }

    static void simpleBusBridge(CheckRun run, Node node) {
        if (isCompatible(run, node, "simple-bus")) {
            run.setBus(node, Bus.SIMPLE);
        }
    }

    static boolean isCompatible(CheckRun run, Node node, String compat) {
        Property p = run.property(node, Known.COMPATIBLE);
        if (p == null) {
            return false;
        }
        Value v = p.value();
        int at = 0;
        while (at < v.length()) {
            int end = Bytes.cStringEnd(v, at);
            if (Bytes.regionEquals(v, at, end, compat)) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }

    static void simpleBusReg(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.SIMPLE) {
            return;
        }
        Value cells = null;
        long first = 0;
        Property prop = run.property(node, Known.REG);
        if (prop != null) {
            cells = prop.value();
        } else {
            prop = run.property(node, Known.RANGES);
            if (prop != null && prop.value().length() > 0) {
                // skip the child address
                cells = prop.value();
                first = run.addrCells(node);
            }
        }
        if (cells == null) {
            if (node.parent().parent() != null && run.bus(node) != Bus.SIMPLE) {
                run.fail(node, "missing or empty reg/ranges property");
            }
            return;
        }
        long reg = 0;
        for (int i = 0; i < run.addrCells(node.parent()); i++) {
            reg = (reg << 32) | Bytes.cellN(cells, first + i);
        }
        if (!Bytes.unitNameIsHex(node, reg)) {
            run.fail(node, "simple-bus unit address format error, expected \"" + Long.toHexString(reg) + "\"");
        }
    }

    static void i2cBusBridge(CheckRun run, Node node) {
        if (Bytes.baseNameIs(node, "i2c-bus") || Bytes.baseNameIs(node, "i2c-arb")) {
            run.setBus(node, Bus.I2C);
        } else if (Bytes.baseNameIs(node, "i2c")) {
            // dtc compares each child's name with "i2c-bus" over the parent's base-name length, so this never
            // matches; kept as dtc has it
            int len = Bytes.baseNameLength(node);
            for (Node c : node.children()) {
                if (!c.isDeleted() && len == "i2c-bus".length() && c.name().startsWith("i2c-bus")) {
                    return;
                }
            }
            run.setBus(node, Bus.I2C);
        } else {
            return;
        }
        if (node.children().isEmpty()) {
            return;
        }
        if (run.addrCells(node) != 1) {
            run.fail(node, "incorrect #address-cells for I2C bus");
        }
        if (run.sizeCells(node) != 0) {
            run.fail(node, "incorrect #size-cells for I2C bus");
        }
    }

    static void i2cBusReg(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.I2C) {
            return;
        }
        Property prop = run.property(node, Known.REG);
        if (prop == null) {
            run.fail(node, "missing or empty reg property");
            return;
        }
        Value v = prop.value();
        long reg = Bytes.cellN(v, 0) & ~I2C_OWN_SLAVE_ADDRESS;
        if (!Bytes.unitNameIsHex(node, reg)) {
            run.fail(node, "I2C bus unit address format error, expected \"" + Long.toHexString(reg) + "\"");
        }
        int n = 0;
        for (int len = v.length(); len > 0; len -= 4) {
            reg = Bytes.cellN(v, n++) & ~I2C_OWN_SLAVE_ADDRESS;
            if ((reg & I2C_TEN_BIT_ADDRESS) != 0) {
                if ((reg & ~I2C_TEN_BIT_ADDRESS) > 0x3ff) {
                    run.failProp(node, prop, "I2C address must be less than 10-bits, got \"0x" + Long.toHexString(reg)
                            + "\"");
                }
            } else if (reg > 0x7f) {
                run.failProp(node, prop, "I2C address must be less than 7-bits, got \"0x" + Long.toHexString(reg)
                        + "\". Set I2C_TEN_BIT_ADDRESS for 10 bit addresses or fix the property");
            }
        }
    }

    static void spiBusBridge(CheckRun run, Node node) {
        if (Bytes.baseNameIs(node, "spi")) {
            run.setBus(node, Bus.SPI);
        } else {
            // a bus without the proper name is known by its children's spi-* properties
            if (run.addrCells(node) != 1 || run.sizeCells(node) != 0) {
                return;
            }
            search:
            for (Node c : node.children()) {
                if (c.isDeleted() || !run.may(c, TreeIndex.SPI)) {
                    continue;
                }
                for (Property p : c.properties()) {
                    if (!p.isDeleted() && p.name().startsWith("spi-")) {
                        run.setBus(node, Bus.SPI);
                        break search;
                    }
                }
            }
            if (run.bus(node) == Bus.SPI && run.property(node, Known.REG) != null) {
                run.fail(node, "node name for SPI buses should be 'spi'");
            }
        }
        if (run.bus(node) != Bus.SPI || node.children().isEmpty()) {
            return;
        }
        int spiAddrCells = run.property(node, Known.SPI_SLAVE) != null ? 0 : 1;
        if (run.addrCells(node) != spiAddrCells) {
            run.fail(node, "incorrect #address-cells for SPI bus");
        }
        if (run.sizeCells(node) != 0) {
            run.fail(node, "incorrect #size-cells for SPI bus");
        }
    }

    static void spiBusReg(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.SPI) {
            return;
        }
        if (run.property(node.parent(), Known.SPI_SLAVE) != null) {
            return;
        }
        Property prop = run.property(node, Known.REG);
        if (prop == null) {
            run.fail(node, "missing or empty reg property");
            return;
        }
        long reg = Bytes.cellN(prop.value(), 0);
        if (!Bytes.unitNameIsHex(node, reg)) {
            run.fail(node, "SPI bus unit address format error, expected \"" + Long.toHexString(reg) + "\"");
        }
    }
}
