package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cost.Trees.fullPaths;
import static org.dtshrink.cost.Trees.node;
import static org.dtshrink.cost.Trees.profile;
import static org.dtshrink.cost.Trees.prop;
import static org.dtshrink.cost.Trees.raw;
import static org.dtshrink.cost.Trees.skipping;
import static org.dtshrink.cost.Trees.str;
import static org.dtshrink.cost.Trees.tree;
import static org.dtshrink.cost.Trees.withDepthLimit;

import java.util.List;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;

/** Each accounting rule of the kernel's dry run, on trees small enough to add up by hand. */
class UnflattenCostTest {

    private static final KernelProfile ARM = profile(108, 4, 56, 4);

    @Test
    void anEmptyRootCostsItsStructItsEmptyNameASynthesizedNameAndTheEndMarker() {
        CostResult r = UnflattenCost.compute(tree(node("")), ARM);
        // node 108 + "" 1 = 109; pad 3 to 112; property 56 + "" 1 = 169; ALIGN 4 = 172; + marker 4.
        assertThat(r.size()).isEqualTo(172);
        assertThat(r.allocation()).isEqualTo(176);
        assertThat(r.bytes(Category.NODE_STRUCTS)).isEqualTo(108);
        assertThat(r.bytes(Category.NODE_NAMES)).isEqualTo(1);
        assertThat(r.bytes(Category.PROPERTY_STRUCTS)).isEqualTo(56);
        assertThat(r.bytes(Category.SYNTHESIZED_NAME_VALUES)).isEqualTo(1);
        assertThat(r.bytes(Category.PADDING)).isEqualTo(6);
        assertThat(r.bytes(Category.END_MARKER)).isEqualTo(4);
        assertThat(r.tailPadding()).isEqualTo(3);
        assertThat(r.nodes()).singleElement().satisfies(n -> {
            assertThat(n.bytes()).isEqualTo(169);
            assertThat(n.padding()).isEqualTo(3);
            assertThat(n.synthesizedNameBytes()).isEqualTo(1);
        });
    }

    @Test
    void everyAllocationIsAlignedFirst() {
        // Sizes chosen so that each allocation lands off the alignment: node 10/8, property 6/4.
        KernelProfile odd = profile(10, 8, 6, 4);
        DeviceTree t = tree(node("", str("name", "x"), prop("a"),
                node("ab", str("name", "ab"))));
        CostResult r = UnflattenCost.compute(t, odd);
        // root: 0 -> 10 + 1 = 11; name: ALIGN 12 + 6 = 18; a: ALIGN 20 + 6 = 26;
        // ab: ALIGN 32 + 10 + 3 = 45; name: ALIGN 48 + 6 = 54; ALIGN 4 = 56; + 4 = 60.
        assertThat(r.size()).isEqualTo(56);
        assertThat(r.allocation()).isEqualTo(60);
        assertThat(r.bytes(Category.PADDING)).isEqualTo(1 + 2 + 6 + 3 + 2);
        assertThat(r.nodes()).extracting(NodeCost::start, NodeCost::bytes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 26L),
                        org.assertj.core.groups.Tuple.tuple(26L, 28L));
        assertThat(r.nodes().get(1).properties()).extracting(PropertyCost::bytes, PropertyCost::padding)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(9L, 3L));
    }

    @Test
    void aNodeWithoutANamePropertyGetsTheNameBeforeTheLastAtSign() {
        assertThat(UnflattenCost.nameWithoutUnitAddress("serial@40004000")).isEqualTo("serial");
        assertThat(UnflattenCost.nameWithoutUnitAddress("odd@name@1")).isEqualTo("odd@name");
        assertThat(UnflattenCost.nameWithoutUnitAddress("chosen")).isEqualTo("chosen");
        assertThat(UnflattenCost.nameWithoutUnitAddress("")).isEqualTo("");
        assertThat(UnflattenCost.nameWithoutUnitAddress("@1")).isEqualTo("");

        DeviceTree t = tree(node("", str("name", ""), node("serial@40004000", prop("reg"))));
        CostResult r = UnflattenCost.compute(t, ARM);
        NodeCost serial = r.nodes().get(1);
        assertThat(serial.synthesizedNameBytes()).isEqualTo(7);
        assertThat(serial.nameBytes()).isEqualTo(16);
        // struct 108 + "serial@40004000" 16 = 124 (aligned); reg 56; name 56 + "serial" 7.
        assertThat(serial.bytes()).isEqualTo(124 + 56 + 63);
        assertThat(serial.properties()).extracting(PropertyCost::name, PropertyCost::synthesized)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reg", false),
                        org.assertj.core.groups.Tuple.tuple("name", true));
        assertThat(r.synthesizedNames()).isEqualTo(1);
        assertThat(r.bytes(Category.SYNTHESIZED_NAME_VALUES)).isEqualTo(7);
    }

    @Test
    void aNodeWithItsOwnNamePropertyGetsNoSynthesizedOne() {
        DeviceTree own = tree(node("", prop("a"), str("name", "root")));
        CostResult r = UnflattenCost.compute(own, ARM);
        assertThat(r.synthesizedNames()).isZero();
        assertThat(r.bytes(Category.SYNTHESIZED_NAME_VALUES)).isZero();
        // 109 -> 112 + 56 + 56 = 224; the value of the own name is not copied.
        assertThat(r.size()).isEqualTo(224);
        // Only the exact name counts.
        CostResult other = UnflattenCost.compute(tree(node("", prop("Name"), prop("name "))), ARM);
        assertThat(other.synthesizedNames()).isEqualTo(1);
    }

    @Test
    void namesCostTheirBlobBytes() {
        // A blob byte 0xe9 reads back as one char; a char beyond a byte would be written as UTF-8.
        assertThat(Names.byteLength("caf\u00e9@1")).isEqualTo(6);
        assertThat(Names.byteLength("\u20ac@1")).isEqualTo(5);
    }

    @Test
    void propertyValuesCostNothing() {
        CostResult small = UnflattenCost.compute(tree(node("", str("name", ""), raw("v", "x"))), ARM);
        CostResult big = UnflattenCost.compute(tree(node("", str("name", ""), raw("v", "x".repeat(5000)))), ARM);
        assertThat(big.allocation()).isEqualTo(small.allocation());
    }

    @Test
    void aDisabledParentIsSkippedButItsEnabledChildIsNot() {
        DeviceTree t = tree(node("",
                node("bus@1", str("status", "disabled"),
                        node("dev@2", str("status", "okay")),
                        node("dev@3"))));
        CostResult skip = UnflattenCost.compute(t, skipping(ARM));
        assertThat(skip.nodes()).extracting(NodeCost::path, NodeCost::skipped).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/", null),
                org.assertj.core.groups.Tuple.tuple("/bus@1", SkipReason.STATUS),
                org.assertj.core.groups.Tuple.tuple("/bus@1/dev@2", null),
                org.assertj.core.groups.Tuple.tuple("/bus@1/dev@3", null));
        assertThat(skip.nodesInDtb()).isEqualTo(4);
        assertThat(skip.nodesAllocated()).isEqualTo(3);
        assertThat(skip.nodesSkipped()).isEqualTo(1);
        assertThat(skip.propertiesInDtb()).isEqualTo(2);
        assertThat(skip.propertiesAllocated()).isEqualTo(1);
        assertThat(skip.nodes().get(1).bytes()).isZero();

        CostResult kobj = UnflattenCost.compute(t, ARM);
        assertThat(kobj.nodesAllocated()).isEqualTo(4);
        assertThat(kobj.nodesSkipped()).isZero();
    }

    @Test
    void onlyOkAndOkayExactlyAreAvailable() {
        assertThat(available(str("status", "okay"))).isTrue();
        assertThat(available(str("status", "ok"))).isTrue();
        assertThat(available()).isTrue();
        assertThat(available(str("status", "disabled"))).isFalse();
        assertThat(available(str("status", "fail"))).isFalse();
        assertThat(available(str("status", "Okay"))).isFalse();
        assertThat(available(str("status", "okay "))).isFalse();
        assertThat(available(str("status", "oka"))).isFalse();
        assertThat(available(str("status", ""))).isFalse();
        assertThat(available(prop("status"))).isFalse();
        // strcmp stops at the first NUL, and at the end of an unterminated value.
        assertThat(available(raw("status", "ok\0junk"))).isTrue();
        assertThat(available(raw("status", "okay"))).isTrue();
        assertThat(available(raw("status", "okayokay"))).isFalse();
        // The first status decides.
        assertThat(available(str("status", "disabled"), str("status", "okay"))).isFalse();
        assertThat(available(str("status", "okay"), str("status", "disabled"))).isTrue();
    }

    private static boolean available(org.dtshrink.tree.Property... props) {
        CostResult r = UnflattenCost.compute(tree(node("", node("n", props))), skipping(ARM));
        return r.nodes().get(1).isAllocated();
    }

    @Test
    void nodesAtTheDepthLimitAndBelowAreSkipped() {
        Node root = node("");
        Node n = root;
        for (int i = 1; i <= 70; i++) {
            n = n.addChild(node("n" + i));
        }
        CostResult r = UnflattenCost.compute(tree(root), ARM);
        assertThat(r.nodesInDtb()).isEqualTo(71);
        assertThat(r.nodesAllocated()).isEqualTo(63);
        assertThat(r.nodes().get(62).isAllocated()).isTrue();
        assertThat(r.nodes().get(62).depth()).isEqualTo(62);
        assertThat(r.nodes().get(63).skipped()).isEqualTo(SkipReason.DEPTH);
        assertThat(r.nodes().subList(63, 71)).allMatch(c -> c.skipped() == SkipReason.DEPTH && c.bytes() == 0);

        CostResult old = UnflattenCost.compute(tree(root), withDepthLimit(ARM, 64));
        assertThat(old.nodesAllocated()).isEqualTo(64);
        // Each extra node here costs 108 + "n64" 4 = 112, then 56 + "n64" 4 = 60.
        assertThat(old.size() - r.size()).isEqualTo(172);
    }

    @Test
    void aDeepTreeIsWalkedWithoutRecursion() {
        Node root = node("");
        Node n = root;
        for (int i = 0; i < 200_000; i++) {
            n = n.addChild(node("n"));
        }
        CostResult r = UnflattenCost.compute(tree(root), ARM);
        assertThat(r.nodesInDtb()).isEqualTo(200_001);
        assertThat(r.nodesAllocated()).isEqualTo(63);
        assertThat(r.nodes().get(200_000).path()).hasSize(200_000 * 2);
    }

    @Test
    void fullPathProfilesPayForThePath() {
        DeviceTree t = tree(node("", str("name", ""),
                node("a", str("name", "a"), node("b@1", str("name", "b")))));
        CostResult r = UnflattenCost.compute(t, fullPaths(ARM));
        assertThat(r.nodes()).extracting(NodeCost::nameBytes).containsExactly(2L, 3L, 7L);
        // root 108 + 2 = 110 -> 112 + 56 = 168; a: 108 + 3 = 279 -> 280 + 56 = 336; b: 108 + 7 = 451 -> 452 + 56.
        assertThat(r.size()).isEqualTo(508);
        CostResult names = UnflattenCost.compute(t, ARM);
        assertThat(names.nodes()).extracting(NodeCost::nameBytes).containsExactly(1L, 2L, 4L);
    }

    @Test
    void deletedNodesAndPropertiesDoNotCount() {
        // deletion is resolved once, in the front end: what /delete-node/ and /delete-property/ took out is gone
        DeviceTree t = DtsReader.read("/dts-v1/;\n/ { p = \"x\"; gone { }; };\n"
                + "/ { /delete-property/ p; /delete-node/ gone; };\n", "t.dts", DtsOptions.defaults());
        CostResult r = UnflattenCost.compute(t, ARM);
        assertThat(r.nodesInDtb()).isEqualTo(1);
        assertThat(r.propertiesInDtb()).isZero();
        assertThat(r.synthesizedNames()).isEqualTo(1);
    }

    @Test
    void categoriesAndNodesAddUpToTheAllocation() {
        DeviceTree t = tree(node("", prop("#address-cells"),
                node("soc", node("uart@1", str("status", "disabled"), prop("reg")), node("i2c@2", prop("x"))),
                node("chosen")));
        for (KernelProfile p : List.of(ARM, skipping(ARM), profile(13, 8, 7, 2), fullPaths(profile(9, 1, 3, 1)))) {
            CostResult r = UnflattenCost.compute(t, p);
            long categories = 0;
            for (Category c : Category.values()) {
                categories += r.bytes(c);
            }
            assertThat(categories).isEqualTo(r.allocation());
            long nodes = r.nodes().stream().mapToLong(NodeCost::bytes).sum();
            assertThat(nodes + r.tailPadding() + r.bytes(Category.END_MARKER)).isEqualTo(r.allocation());
            assertThat(r.size() % 4).isZero();
        }
    }
}
