package org.dtshrink.checks;

import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/** /chosen and /aliases. */
final class ChosenChecks {

    private static final Bytes.CharSet ALIAS_NAME_CHARS = new Bytes.CharSet("abcdefghijklmnopqrstuvwxyz0123456789-");

    private ChosenChecks() {
    }

    /** Reported at the root, about the /chosen property. */
    static void obsoleteChosenInterruptController(CheckRun run, Node node) {
        if (node != run.root) {
            return;
        }
        Node chosen = LiveNodes.byPath(run.root, "/chosen");
        if (chosen == null) {
            return;
        }
        Property p = run.property(chosen, Known.INTERRUPT_CONTROLLER);
        if (p != null) {
            run.failProp(node, p, "/chosen has obsolete \"interrupt-controller\" property");
        }
    }

    static void chosenNodeIsRoot(CheckRun run, Node node) {
        if (node.name().equals("chosen") && node.parent() != run.root) {
            run.fail(node, "chosen node must be at root node");
        }
    }

    static void chosenNodeBootargs(CheckRun run, Node node) {
        if (node.name().equals("chosen") && run.property(node, Known.BOOTARGS) != null) {
            ValueChecks.checkString(run, node, "bootargs");
        }
    }

    static void chosenNodeStdoutPath(CheckRun run, Node node) {
        if (!node.name().equals("chosen")) {
            return;
        }
        Property p = run.property(node, Known.STDOUT_PATH);
        if (p == null) {
            p = run.property(node, Known.LINUX_STDOUT_PATH);
            if (p == null) {
                return;
            }
            run.failProp(node, p, "Use 'stdout-path' instead");
        }
        ValueChecks.checkString(run, node, p.name());
    }

    /** Any node named aliases: each property a path to a node, each name lower case. */
    static void aliasPaths(CheckRun run, Node node) {
        if (!node.name().equals("aliases")) {
            return;
        }
        for (Property p : node.properties()) {
            if (p.isDeleted() || p.name().equals("phandle") || p.name().equals("linux,phandle")) {
                continue;
            }
            String path = Bytes.cString(p.value());
            if (p.value().length() == 0 || LiveNodes.byPath(run.root, path) == null) {
                run.failProp(node, p, "aliases property is not a valid node (" + path + ")");
                continue;
            }
            if (ALIAS_NAME_CHARS.span(p.name()) != p.name().length()) {
                run.fail(node, "aliases property name must include only lowercase and '-'");
            }
        }
    }
}
