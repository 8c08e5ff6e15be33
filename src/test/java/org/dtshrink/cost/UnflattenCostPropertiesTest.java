package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Value;

/** The accounting's invariants on random trees under random profiles. */
class UnflattenCostPropertiesTest {

    private static final String[] STATUS = {"okay", "ok", "disabled", "fail", "", "okay\0x"};
    private static final String[] NAMES = {"a", "serial@4000", "bus@0", "x@1@2", "cpus", "name-with-dash", ""};

    @Property(tries = 300)
    void bytesAddUp(@ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int nodeSize,
            @ForAll @IntRange(min = 0, max = 4) int nodeAlignLog, @ForAll @IntRange(min = 1, max = 200) int propSize,
            @ForAll @IntRange(min = 0, max = 4) int propAlignLog, @ForAll boolean skip, @ForAll boolean paths,
            @ForAll @IntRange(min = 1, max = 6) int depthLimit) {
        Random rnd = new Random(seed);
        DeviceTree tree = randomTree(rnd);
        KernelProfile p = new KernelProfile("p", "d", "n", nodeSize, 1 << nodeAlignLog, propSize, 1 << propAlignLog,
                skip ? "n" : "y", false, paths ? FullName.PATH : FullName.NAME, skip, depthLimit, 4096);
        CostResult r = UnflattenCost.compute(tree, p);

        long categories = 0;
        for (Category c : Category.values()) {
            categories += r.bytes(c);
        }
        assertThat(categories).isEqualTo(r.allocation());
        assertThat(r.size() % 4).isZero();
        assertThat(r.allocation()).isEqualTo(r.size() + 4);

        long expectedStart = 0;
        long padding = 0;
        for (NodeCost n : r.nodes()) {
            if (n.isAllocated()) {
                // Allocated nodes follow one another without gaps, each starting at the end of the one before.
                assertThat(n.start()).isEqualTo(expectedStart);
                expectedStart += n.bytes();
                padding += n.padding();
                assertThat(n.depth()).isLessThan(depthLimit);
            } else {
                assertThat(n.bytes()).isZero();
                assertThat(n.skipped() == SkipReason.DEPTH ? n.depth() >= depthLimit : skip).isTrue();
            }
        }
        assertThat(expectedStart + r.tailPadding()).isEqualTo(r.size());
        assertThat(padding + r.tailPadding()).isEqualTo(r.bytes(Category.PADDING));
        assertThat(r.bytes(Category.NODE_STRUCTS)).isEqualTo((long) nodeSize * r.nodesAllocated());
        assertThat(r.bytes(Category.PROPERTY_STRUCTS))
                .isEqualTo((long) propSize * (r.propertiesAllocated() + r.synthesizedNames()));

        List<SubtreeCost> subtrees = CostBreakdowns.subtrees(r);
        long rootChildren = subtrees.stream().filter(s -> s.root().depth() == 1).mapToLong(SubtreeCost::bytes).sum();
        assertThat(rootChildren + r.nodes().get(0).bytes()).isEqualTo(expectedStart);
    }

    private static DeviceTree randomTree(Random rnd) {
        Node root = new Node("");
        List<Node> all = new ArrayList<>(List.of(root));
        int count = 1 + rnd.nextInt(40);
        for (int i = 0; i < count; i++) {
            Node parent = all.get(rnd.nextInt(all.size()));
            Node n = new Node(NAMES[rnd.nextInt(NAMES.length)] + i);
            parent.addChild(n);
            all.add(n);
        }
        for (Node n : all) {
            int props = rnd.nextInt(5);
            for (int i = 0; i < props; i++) {
                String name = rnd.nextInt(6) == 0 ? "name" : "p" + rnd.nextInt(4);
                n.addProperty(new org.dtshrink.tree.Property(name, Value.ofString("v")));
            }
            if (rnd.nextBoolean()) {
                n.addProperty(new org.dtshrink.tree.Property("status",
                        Value.ofString(STATUS[rnd.nextInt(STATUS.length)])));
            }
        }
        return new DeviceTree(root);
    }
}
