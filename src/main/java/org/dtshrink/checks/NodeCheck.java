package org.dtshrink.checks;

import org.dtshrink.tree.Node;

/** What one check does at one node; the runner walks the live tree in pre-order, as dtc's check_nodes_props. */
@FunctionalInterface
interface NodeCheck {
    void check(CheckRun run, Node node);
}
