package org.dtshrink.checks;

import org.dtshrink.checks.CheckRun.Bus;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/** The OF graph: ports, endpoints and remote-endpoint links. */
final class GraphChecks {

    private GraphChecks() {
    }

    /** A node with an endpoint child is a port; its parent, when named ports or the port has a reg, holds ports. */
    static void graphNodes(CheckRun run, Node node) {
        for (Node child : node.children()) {
            if (child.isDeleted()) {
                continue;
            }
            if (!(Bytes.baseNameIs(child, "endpoint") || run.property(child, Known.REMOTE_ENDPOINT) != null)) {
                continue;
            }
            if (node.parent() == null) {
                run.fail(node, "root node contains endpoint node '" + child.name()
                        + "', potentially misplaced remote-endpoint property");
                continue;
            }
            run.setBus(node, Bus.GRAPH_PORT);
            if (run.bus(node.parent()) == null
                    && (node.parent().name().equals("ports") || run.property(node, Known.REG) != null)) {
                run.setBus(node.parent(), Bus.GRAPH_PORTS);
            }
            break;
        }
    }

    private static void graphReg(CheckRun run, Node node) {
        Property reg = run.property(node, Known.REG);
        if (reg == null) {
            return;
        }
        if (reg.value().length() != 4) {
            run.fail(node, "graph node malformed 'reg' property");
            return;
        }
        long unit = Bytes.cell(reg);
        if (!Bytes.unitNameIsHex(node, unit)) {
            run.fail(node, "graph node unit address error, expected \"" + Long.toHexString(unit) + "\"");
        }
        int addr = run.rawAddrCells(node.parent());
        int size = run.rawSizeCells(node.parent());
        if (addr != 1) {
            run.failProp(node, run.property(node, Known.ADDRESS_CELLS), "graph node '#address-cells' is "
                    + addr + ", must be 1");
        }
        if (size != 0) {
            run.failProp(node, run.property(node, Known.SIZE_CELLS), "graph node '#size-cells' is "
                    + size + ", must be 0");
        }
    }

    static void graphPort(CheckRun run, Node node) {
        if (run.bus(node) != Bus.GRAPH_PORT) {
            return;
        }
        graphReg(run, node);
        if (run.plugin) {
            return;
        }
        if (!Bytes.baseNameIs(node, "port")) {
            run.fail(node, "graph port node name should be 'port'");
        }
    }

    private static Node remoteEndpoint(CheckRun run, Node endpoint) {
        Property p = run.property(endpoint, Known.REMOTE_ENDPOINT);
        if (p == null) {
            return null;
        }
        long phandle = Bytes.cell(p);
        // an overlay may refer outside itself
        if (!Phandles.isValid(phandle)) {
            return null;
        }
        Node n = run.index.byPhandle(phandle);
        if (n == null) {
            run.failProp(endpoint, p, "graph phandle is not valid");
        }
        return n;
    }

    static void graphEndpoint(CheckRun run, Node node) {
        if (node.parent() == null || run.bus(node.parent()) != Bus.GRAPH_PORT) {
            return;
        }
        graphReg(run, node);
        if (run.plugin) {
            return;
        }
        if (!Bytes.baseNameIs(node, "endpoint")) {
            run.fail(node, "graph endpoint node name should be 'endpoint'");
        }
        Node remote = remoteEndpoint(run, node);
        if (remote == null) {
            return;
        }
        if (remoteEndpoint(run, remote) != node) {
            run.fail(node, "graph connection to node '" + remote.path() + "' is not bidirectional");
        }
    }

    static void graphChildAddress(CheckRun run, Node node) {
        Bus bus = run.bus(node);
        if (bus != Bus.GRAPH_PORTS && bus != Bus.GRAPH_PORT) {
            return;
        }
        int count = 0;
        for (Node child : node.children()) {
            if (child.isDeleted()) {
                continue;
            }
            Property reg = run.property(child, Known.REG);
            // any non-zero unit address makes the cells necessary
            if (reg != null && Bytes.cell(reg) != 0) {
                return;
            }
            count++;
        }
        if (count == 1 && run.rawAddrCells(node) != -1) {
            run.fail(node, "graph node has single child node '" + node.children().get(0).name()
                    + "', #address-cells/#size-cells are not necessary");
        }
    }
}
