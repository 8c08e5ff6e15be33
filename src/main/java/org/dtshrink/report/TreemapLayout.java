package org.dtshrink.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.tree.Node;

/**
 * Lays out a tree's RAM as a squarified treemap (Bruls, Huizing and van Wijk): each node a rectangle whose area is
 * its subtree's bytes, its children and its own bytes inside it. Works without recursion so any depth lays out;
 * rectangles under a pixel wide or high are left out (their bytes stay in the parent's area), and so are the
 * deepest levels of a tree beyond {@link #MAX_BOXES} boxes or {@link #MAX_PATH_CHARS} characters of paths.
 */
public final class TreemapLayout {

    /**
     * One node's rectangle. {@code group} numbers the subtree that colours it (the node's ancestor two levels below
     * the root, or the node itself when higher; -1 for the root); {@code header} says the top {@link #HEADER}
     * pixels are kept free for the node's name; {@code leaf} that no child is drawn inside it.
     */
    public record Box(String path, long bytes, long ownBytes, int depth, int group, boolean header, boolean leaf,
            double x, double y, double w, double h) {
    }

    /** The height of the strip above a large node's children where its name goes. */
    static final double HEADER = 13;
    private static final double HEADER_MIN_W = 60;
    private static final double HEADER_MIN_H = 40;

    private static final double MIN_SIDE = 1.0;
    /** Limits that only a hostile tree reaches; real kernel trees draw a few thousand boxes. */
    static final int MAX_BOXES = 50_000;
    static final long MAX_PATH_CHARS = 8L << 20;
    /** The gap between a node's edge and its children, so nesting shows. */
    private static final double INSET = 1.0;

    private TreemapLayout() {
    }

    /** The boxes of {@code cost}'s nodes in a {@code width} x {@code height} area, parents before children. */
    public static List<Box> layout(CostResult cost, double width, double height) {
        return layout(cost, NodeCost::bytes, width, height);
    }

    /** As {@link #layout(CostResult, double, double)}, each node weighing what {@code own} says it costs. */
    public static List<Box> layout(CostResult cost, ToLongFunction<NodeCost> own, double width, double height) {
        List<NodeCost> nodes = cost.nodes();
        Map<Node, NodeCost> byNode = new IdentityHashMap<>(nodes.size() * 2);
        Map<Node, long[]> subtree = new IdentityHashMap<>(nodes.size() * 2);
        for (NodeCost c : nodes) {
            byNode.put(c.node(), c);
            subtree.put(c.node(), new long[] {0});
        }
        // Children follow their parent in blob order: a backward sweep sums each subtree.
        for (int i = nodes.size() - 1; i >= 0; i--) {
            NodeCost c = nodes.get(i);
            long[] s = subtree.get(c.node());
            s[0] += own.applyAsLong(c);
            Node parent = c.node().parent();
            if (parent != null && subtree.containsKey(parent)) {
                subtree.get(parent)[0] += s[0];
            }
        }
        List<Box> out = new ArrayList<>();
        if (nodes.isEmpty()) {
            return out;
        }
        NodeCost root = nodes.get(0);
        record Work(NodeCost node, String path, int group, double x, double y, double w, double h) {
        }
        // Breadth first, so that when a hostile tree reaches the limits the upper levels are the ones drawn.
        Deque<Work> work = new ArrayDeque<>();
        work.add(new Work(root, "/", -1, 0, 0, width, height));
        long pathChars = 0;
        while (!work.isEmpty() && out.size() < MAX_BOXES && pathChars < MAX_PATH_CHARS) {
            Work wk = work.poll();
            NodeCost c = wk.node();
            long bytes = subtree.get(c.node())[0];
            boolean header = c.depth() > 0 && wk.w() >= HEADER_MIN_W && wk.h() >= HEADER_MIN_H;
            int boxAt = out.size();
            pathChars += wk.path().length();
            out.add(new Box(wk.path(), bytes, own.applyAsLong(c), c.depth(), wk.group(), header, true, wk.x(), wk.y(), wk.w(),
                    wk.h()));
            double ix = wk.x() + INSET;
            double iy = wk.y() + (header ? HEADER : INSET);
            double iw = wk.w() - 2 * INSET;
            double ih = wk.h() - INSET - (header ? HEADER : INSET);
            if (iw < MIN_SIDE || ih < MIN_SIDE || bytes == 0) {
                continue;
            }
            // The children with bytes, and the node's own bytes as one more (undrawn) item.
            List<Node> kids = new ArrayList<>();
            for (Node k : c.node().children()) {
                if (byNode.containsKey(k) && subtree.get(k)[0] > 0) {
                    kids.add(k);
                }
            }
            kids.sort((a, b) -> Long.compare(subtree.get(b)[0], subtree.get(a)[0]));
            double[] values = new double[kids.size() + 1];
            for (int i = 0; i < kids.size(); i++) {
                values[i] = subtree.get(kids.get(i))[0];
            }
            values[kids.size()] = own.applyAsLong(c);
            double[][] rects = squarify(values, ix, iy, iw, ih);
            List<Work> next = new ArrayList<>();
            for (int i = 0; i < kids.size(); i++) {
                double[] r = rects[i];
                if (r != null && r[2] >= MIN_SIDE && r[3] >= MIN_SIDE) {
                    // Numbered from the path, so a subtree keeps its colour in the map before and after pruning.
                    int group = c.depth() < 2 ? Math.floorMod(kids.get(i).name().hashCode() * 31
                            + wk.path().hashCode(), 1 << 20) : wk.group();
                    String path = (c.depth() == 0 ? "/" : wk.path() + "/") + kids.get(i).name();
                    next.add(new Work(byNode.get(kids.get(i)), path, group, r[0], r[1], r[2], r[3]));
                }
            }
            if (!next.isEmpty()) {
                Box b = out.get(boxAt);
                out.set(boxAt, new Box(b.path(), b.bytes(), b.ownBytes(), b.depth(), b.group(), b.header(), false,
                        b.x(), b.y(), b.w(), b.h()));
            }
            work.addAll(next);
        }
        return out;
    }

    /**
     * Rectangles {x, y, w, h} for {@code values} (largest first; zeros get null) filling the given area, each row
     * of rectangles chosen to keep their aspect ratios closest to square.
     */
    static double[][] squarify(double[] values, double x, double y, double w, double h) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        double[][] out = new double[values.length][];
        if (total <= 0) {
            return out;
        }
        double scale = w * h / total;
        int i = 0;
        while (i < values.length) {
            if (values[i] <= 0) {
                i++;
                continue;
            }
            double side = Math.min(w, h);
            double rowSum = 0;
            double worst = Double.MAX_VALUE;
            int j = i;
            while (j < values.length && values[j] > 0) {
                double sum = rowSum + values[j] * scale;
                double max = values[i] * scale;
                double min = values[j] * scale;
                double ratio = Math.max(side * side * max / (sum * sum), sum * sum / (side * side * min));
                if (j > i && ratio > worst) {
                    break;
                }
                rowSum = sum;
                worst = ratio;
                j++;
            }
            double thickness = rowSum / side;
            double pos = 0;
            for (int k = i; k < j; k++) {
                double len = values[k] * scale / thickness;
                out[k] = w >= h ? new double[] {x, y + pos, thickness, len} : new double[] {x + pos, y, len, thickness};
                pos += len;
            }
            if (w >= h) {
                x += thickness;
                w -= thickness;
            } else {
                y += thickness;
                h -= thickness;
            }
            i = j;
        }
        return out;
    }
}
