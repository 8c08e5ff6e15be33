package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.dtshrink.cost.Trees.node;
import static org.dtshrink.cost.Trees.profile;
import static org.dtshrink.cost.Trees.prop;
import static org.dtshrink.cost.Trees.tree;
import static org.dtshrink.cost.Trees.withDepthLimit;

import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;

class CostBreakdownsTest {

    private static final KernelProfile ARM = profile(108, 4, 56, 4);

    /** A root with a chain {@code a/b/c/d} and a sibling {@code e}, so that limit 3 cuts the chain at c. */
    private static DeviceTree chain() {
        return tree(node("", node("a", node("b", node("c", node("d", prop("x"))))), node("e")));
    }

    @Test
    void aSubtreeSkippedForDepthListsAsItsTopmostNode() {
        CostResult r = UnflattenCost.compute(chain(), withDepthLimit(ARM, 3));
        assertThat(CostBreakdowns.listing(r)).extracting(l -> l.cost().path(), ListedNode::nodes).containsExactly(
                tuple("/", 1), tuple("/a", 1), tuple("/a/b", 1), tuple("/a/b/c", 2), tuple("/e", 1));
        String json = CostJsonWriter.write(new CostReport("t.dtb", 0, false, List.of(r)), ReportOptions.TOTALS);
        assertThat(json).contains("\"skipped_nodes\": [\n        {\"path\": \"/a/b/c\", \"reason\": \"depth\", "
                + "\"nodes\": 2}\n      ]");
        String text = CostTextWriter.write(new CostReport("t.dtb", 0, false, List.of(r)),
                new ReportOptions(true, 0, false));
        assertThat(text).contains("\n    skipped  /a/b/c  (depth, 2 nodes)\n        172  /e\n");
    }

    @Test
    void subtreesAddUpAndTheTopLeavesOutEmptyOnes() {
        CostResult r = UnflattenCost.compute(chain(), withDepthLimit(ARM, 3));
        List<SubtreeCost> all = CostBreakdowns.subtrees(r);
        // The root ends at 169. /a: pad 3, 108 + "a" 2, pad 2, 56 + "a" 2 = 173; /a/b and /e: 172 each (pad 2 only).
        assertThat(all).extracting(s -> s.root().path(), SubtreeCost::bytes, SubtreeCost::nodes).containsExactly(
                tuple("/a", 345L, 2), tuple("/a/b", 172L, 1), tuple("/e", 172L, 1), tuple("/a/b/c", 0L, 0),
                tuple("/a/b/c/d", 0L, 0));
        assertThat(CostBreakdowns.topSubtrees(r, 10)).extracting(s -> s.root().path())
                .containsExactly("/a", "/a/b", "/e");
        assertThat(CostBreakdowns.topSubtrees(r, 1)).extracting(s -> s.root().path()).containsExactly("/a");
    }

    @Test
    void byPropertyKeepsSynthesizedNamesApart() {
        DeviceTree t = tree(node("", prop("name"), prop("reg"), node("x", prop("reg"))));
        CostResult r = UnflattenCost.compute(t, ARM);
        assertThat(CostBreakdowns.byProperty(r))
                .extracting(PropertyNameCost::name, PropertyNameCost::synthesized, PropertyNameCost::count,
                        PropertyNameCost::bytes)
                .containsExactly(tuple("reg", false, 2, 114L), tuple("name", false, 1, 59L),
                        tuple("name", true, 1, 58L));
    }

    @Test
    void aListingOfHostileSizeIsRefused() {
        // 62 ancestors with 20,000-character names, then 60 leaves: each leaf's path is over 1.2 million characters.
        String longName = "n".repeat(20_000);
        Node root = node("");
        Node n = root;
        for (int i = 0; i < 61; i++) {
            n = n.addChild(node(longName));
        }
        for (int i = 0; i < 60; i++) {
            n.addChild(node("leaf" + i));
        }
        CostReport report = CostReport.measure("wide.dtb", tree(root), 0, false, List.of(ARM));
        assertThat(CostTextWriter.write(report, ReportOptions.TOTALS)).contains("allocation");
        assertThatThrownBy(() -> CostTextWriter.write(report, new ReportOptions(true, 0, false)))
                .isInstanceOf(DtException.class)
                .hasMessage("wide.dtb: error: too many or too long node paths to list (over 64 MiB of paths)");
        assertThatThrownBy(() -> CostJsonWriter.write(report, new ReportOptions(true, 0, false)))
                .isInstanceOf(DtException.class);
    }

    @Test
    void aThousandsDeepChainListsInOneLine() {
        Node root = node("");
        Node n = root;
        for (int i = 0; i < 10_000; i++) {
            n = n.addChild(node("node" + i));
        }
        CostReport report = CostReport.measure("deep.dtb", tree(root), 0, false, List.of(ARM));
        String json = CostJsonWriter.write(report, new ReportOptions(true, 5, true));
        assertThat(json.length()).isLessThan(50_000);
        assertThat(json).contains("\"reason\": \"depth\", \"nodes\": 9938}");
    }
}
