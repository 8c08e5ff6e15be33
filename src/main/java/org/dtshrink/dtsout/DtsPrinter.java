package org.dtshrink.dtsout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;

/**
 * Prints a tree as DTS source in dtc's layout ({@code dtc -O dts}): the header, memory reservations, then the nodes
 * with their labels and properties, children after properties. The text compiles back to the same blob. Names are
 * printed as they are; a tree read from a blob holds one char per byte, so the text should be written out as
 * ISO-8859-1 (the same as ASCII for any real tree). Works without recursion. DTS has no syntax for the header's
 * boot CPU: dtc takes it from the first CPU's reg, so a blob made with another {@code -b} needs that option again.
 * Trees from source are printed as resolved: path references print as the path strings they became, and an
 * overlay prints as the plain tree it has become, its fix-up nodes included, as dtc prints it.
 */
public final class DtsPrinter {

    /** Deeper nodes are indented no further, so that absurdly deep trees do not print quadratic whitespace. */
    static final int MAX_INDENT = 256;

    private final StringBuilder out = new StringBuilder();
    private final ReferenceSyntax references;

    private DtsPrinter(DeviceTree tree) {
        this.references = new ReferenceSyntax(tree);
    }

    public static String print(DeviceTree tree) {
        DtsPrinter p = new DtsPrinter(tree);
        p.printHeader(tree);
        p.printNodes(tree.root());
        p.printRootLabels(tree.root());
        return p.out.toString();
    }

    /** The grammar has no place for a label before the root's "/", so root labels are added by a path reference. */
    private void printRootLabels(Node root) {
        for (String l : root.labels()) {
            out.append('\n').append(l).append(": &{/} {\n};\n");
        }
    }

    private void printHeader(DeviceTree tree) {
        // no /plugin/: an overlay's fix-up nodes are already in the tree, and compiling it as a plugin again would
        // append the same fix-ups a second time
        out.append("/dts-v1/;\n\n");
        for (ReserveEntry e : tree.reserves()) {
            appendLabels(e.labels());
            out.append(String.format("/memreserve/\t0x%016x 0x%016x;\n", e.address(), e.size()));
        }
    }

    private static final class Frame {
        final Node node;
        final int level;
        int nextChild;

        Frame(Node node, int level) {
            this.node = node;
            this.level = level;
        }
    }

    private void printNodes(Node root) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(openNode(root, 0));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            List<Node> kids = f.node.children();
            if (f.nextChild < kids.size()) {
                out.append('\n');
                stack.push(openNode(kids.get(f.nextChild++), f.level + 1));
            } else {
                indent(f.level);
                out.append("};\n");
                stack.pop();
            }
        }
    }

    /** Prints the node's opening line and its properties; the caller prints children and the closing brace. */
    private Frame openNode(Node node, int level) {
        indent(level);
        if (level > 0) {
            appendLabels(node.labels());
        }
        out.append(node.name().isEmpty() ? "/" : node.name()).append(" {\n");
        for (Property p : node.properties()) {
            indent(level + 1);
            appendLabels(p.labels());
            out.append(p.name());
            DtsValuePrinter.append(out, p.value(), references);
            out.append('\n');
        }
        return new Frame(node, level);
    }

    private void appendLabels(List<String> labels) {
        for (String l : labels) {
            out.append(l).append(": ");
        }
    }

    private void indent(int level) {
        for (int i = Math.min(level, MAX_INDENT); i > 0; i--) {
            out.append('\t');
        }
    }
}
