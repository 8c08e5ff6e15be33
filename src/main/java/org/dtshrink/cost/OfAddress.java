package org.dtshrink.cost;

import org.dtshrink.cost.KernelTree.KNode;
import org.dtshrink.tree.Value;

/**
 * The kernel's address translation for the default bus (drivers/of/address.c): how many {@code reg} entries a node
 * has and what the first one translates to through the {@code ranges} of the buses above it. Device names and the
 * resource tables of platform devices come from these.
 */
final class OfAddress {

    /** OF_MAX_ADDR_CELLS. */
    private static final int MAX_ADDR_CELLS = 4;

    private OfAddress() {
    }

    /** {@code of_bus_n_addr_cells()}: the first {@code #address-cells} from the node up, 1 when there is none. */
    static long addressCells(KNode np) {
        for (KNode n = np; n != null; n = n.parent) {
            Long c = n.u32("#address-cells");
            if (c != null) {
                return c;
            }
        }
        return 1;
    }

    /** {@code of_bus_n_size_cells()}: the first {@code #size-cells} from the node up, 1 when there is none. */
    static long sizeCells(KNode np) {
        for (KNode n = np; n != null; n = n.parent) {
            Long c = n.u32("#size-cells");
            if (c != null) {
                return c;
            }
        }
        return 1;
    }

    /** The cells of a node's addresses: those of its parent bus (the root's own for the root). */
    private static long na(KNode dev) {
        return addressCells(dev.parent == null ? dev : dev.parent);
    }

    private static long ns(KNode dev) {
        return sizeCells(dev.parent == null ? dev : dev.parent);
    }

    private static boolean checkAddr(long na) {
        return na > 0 && na <= MAX_ADDR_CELLS;
    }

    private static boolean checkCounts(long na, long ns) {
        return checkAddr(na) && ns > 0;
    }

    /** The number of whole {@code reg} entries ({@code of_get_address()} finds), 0 when the cells are invalid. */
    static int regEntries(KNode np) {
        Value reg = np.value("reg");
        long na = na(np);
        if (reg == null || !checkAddr(na)) {
            return 0;
        }
        long one = na + ns(np);
        return (int) ((reg.length() / 4) / one);
    }

    /**
     * {@code of_address_count()}: the {@code reg} entries {@code of_address_to_resource()} turns into resources, that
     * is up to the first one that does not translate.
     */
    static int addressCount(KNode np) {
        int entries = regEntries(np);
        long na = na(np);
        long one = na + ns(np);
        int n = 0;
        while (n < entries && translate(np, np.value("reg"), (int) (n * one * 4)) != null) {
            n++;
        }
        return n;
    }

    /**
     * {@code of_translate_address()} of the address at {@code offset} bytes into {@code reg}: the CPU address, or null
     * for OF_BAD_ADDR. Only the default bus is known; a PCI or ISA parent, which the kernel translates its own way,
     * is treated as untranslatable.
     */
    static Long translate(KNode dev, Value reg, int offset) {
        KNode parent = dev.parent;
        if (parent == null || !isDefaultBus(parent)) {
            return null;
        }
        long na = na(dev);
        long ns = ns(dev);
        if (!checkCounts(na, ns) || offset + na * 4 > reg.length()) {
            return null;
        }
        long[] addr = new long[MAX_ADDR_CELLS];
        for (int i = 0; i < na; i++) {
            addr[i] = reg.cellAt(offset + 4 * i);
        }
        KNode cur = parent;
        while (true) {
            KNode up = cur.parent;
            if (up == null) {
                return number(addr, (int) na);
            }
            if (!isDefaultBus(up)) {
                return null;
            }
            long pna = addressCells(up);
            long pns = sizeCells(up);
            if (!checkCounts(pna, pns)) {
                return null;
            }
            if (!translateOne(cur, addr, (int) na, (int) ns, (int) pna)) {
                return null;
            }
            na = pna;
            ns = pns;
            cur = up;
        }
    }

    /** {@code of_translate_one()} through {@code bus}'s {@code ranges}; false when it does not translate. */
    private static boolean translateOne(KNode bus, long[] addr, int na, int ns, int pna) {
        Value ranges = bus.value("ranges");
        if (ranges == null) {
            return false;
        }
        long offset;
        long[] parentAddr = new long[MAX_ADDR_CELLS];
        if (ranges.length() == 0) {
            offset = number(addr, na);
        } else {
            int rone = na + pna + ns;
            int cells = ranges.length() / 4;
            offset = -1;
            for (int at = 0; cells - at >= rone; at += rone) {
                long cp = cells(ranges, at, na);
                long s = cells(ranges, at + na + pna, ns);
                long da = number(addr, na);
                if (Long.compareUnsigned(da, cp) >= 0 && Long.compareUnsigned(da, cp + s) < 0) {
                    offset = da - cp;
                    for (int i = 0; i < pna; i++) {
                        parentAddr[i] = ranges.cellAt((at + na + i) * 4);
                    }
                    break;
                }
            }
            if (offset == -1) {
                return false;
            }
        }
        // of_bus_default_translate(): the parent address plus the offset, written back over pna cells
        long a = number(parentAddr, pna) + offset;
        java.util.Arrays.fill(addr, 0);
        if (pna >= 1) {
            addr[pna - 1] = a & 0xffffffffL;
        }
        if (pna >= 2) {
            addr[pna - 2] = a >>> 32;
        }
        return true;
    }

    /** The PCI and ISA buses have their own translation; everything else is the default bus. */
    private static boolean isDefaultBus(KNode np) {
        Value type = np.value("device_type");
        String t = type == null ? "" : type.asString();
        if (t.equals("pci") || t.equals("pciex") || np.shortName().equals("isa")) {
            return false;
        }
        // of_bus_default_flags: three address cells on a non-PCI bus carry a flags cell first
        return addressCells(np) != 3;
    }

    /** {@code of_read_number()}: the low 64 bits of {@code size} cells. */
    private static long number(long[] cells, int size) {
        long r = 0;
        for (int i = 0; i < size; i++) {
            r = (r << 32) | cells[i];
        }
        return r;
    }

    private static long cells(Value v, int atCell, int size) {
        long r = 0;
        for (int i = 0; i < size; i++) {
            r = (r << 32) | v.cellAt((atCell + i) * 4);
        }
        return r;
    }
}
