package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;
import org.junit.jupiter.api.Test;

/** The kernel's view of small trees, worked out by hand from drivers/of/fdt.c (Linux 6.12 and 4.13). */
class UnflattenedTreeTest {

    static final KernelProfile TINY = KernelProfiles.find("linux-6.12-arm-tiny");
    static final KernelProfile STM32 = KernelProfiles.find("linux-6.12-arm-stm32");
    static final KernelProfile OLD = KernelProfiles.find("linux-4.13-arm-stm32");

    static DeviceTree dts(String body) {
        return DtsReader.read("/dts-v1/;\n" + body, "t.dts", new DtsOptions(List.of(),
                DtsOptions.PhandleFormat.EPAPR, false));
    }

    static List<String> paths(UnflattenedTree t) {
        List<String> out = new ArrayList<>();
        for (KernelNode n : UnflattenedDump.preOrder(t)) {
            out.add(new String(KernelPaths.path(n), StandardCharsets.ISO_8859_1));
        }
        return out;
    }

    private static final String SKIPPED_PARENT = """
            / {
                a { };
                b { status = "disabled"; c { }; };
                d { };
            };
            """;

    @Test
    void aChildOfASkippedNodeLandsUnderTheLastNodeKeptOneLevelUp() {
        // nps[2] still holds /a when /b is skipped, so /b/c is linked under /a, after a's own children
        UnflattenedTree t = UnflattenedTree.of(dts(SKIPPED_PARENT), TINY, "t.dts");
        assertThat(paths(t)).containsExactly("/", "/a", "/a/c", "/d");
        assertThat(t.nodes()).extracting(n -> n.source().name()).containsExactly("", "a", "c", "d");
        assertThat(t.cost().nodesSkipped()).isEqualTo(1);
    }

    @Test
    void withOfKobjNothingIsSkipped() {
        UnflattenedTree t = UnflattenedTree.of(dts(SKIPPED_PARENT), STM32, "t.dts");
        assertThat(paths(t)).containsExactly("/", "/a", "/b", "/b/c", "/d");
    }

    @Test
    void aSkippedFirstNodeWithChildrenIsRefused() {
        DeviceTree tree = dts("/ { x { status = \"fail\"; y { }; }; };");
        assertThatThrownBy(() -> UnflattenedTree.of(tree, TINY, "t.dts")).isInstanceOf(DtException.class)
                .hasMessage("t.dts: error: node /x/y: the profile linux-6.12-arm-tiny skips its parent and allocated"
                        + " no node at the parent's depth before it, so the kernel would link it under an"
                        + " uninitialized nps[] entry (undefined behaviour); delete or enable the skipped parent first");
    }

    @Test
    void aDisabledRootIsRefused() {
        DeviceTree tree = dts("/ { status = \"disabled\"; };");
        assertThatThrownBy(() -> UnflattenedTree.of(tree, TINY, "t.dts")).isInstanceOf(DtException.class)
                .hasMessage("t.dts: error: the profile linux-6.12-arm-tiny skips the root node (its status is not"
                        + " \"okay\"), so the kernel would not build a tree");
    }

    @Test
    void madeUpNamesComeLastAndNamePointsAtTheFirstNameProperty() {
        // built directly: dtc would refuse a name property that differs from the node name
        Node root = new Node("");
        root.addChild(new Node("uart@1000")).addProperty(new Property("reg", Value.ofCells(1)));
        root.addChild(new Node("n")).addProperty(new Property("name", Value.ofString("other")));
        UnflattenedTree t = UnflattenedTree.of(new DeviceTree(root), STM32, "t.dts");
        KernelNode uart = t.nodes().get(1);
        assertThat(uart.properties()).extracting(p -> new String(p.name(), StandardCharsets.ISO_8859_1))
                .containsExactly("reg", "name");
        assertThat(uart.properties().get(1).value()).isEqualTo("uart\0".getBytes(StandardCharsets.US_ASCII));
        assertThat(uart.properties().get(1).synthesized()).isTrue();
        assertThat(uart.nameProperty()).isEqualTo(1);
        assertThat(uart.fullName()).isEqualTo("uart@1000".getBytes(StandardCharsets.US_ASCII));
        KernelNode n = t.nodes().get(2);
        assertThat(n.properties()).hasSize(1);
        assertThat(n.nameProperty()).isZero();
        KernelNode top = t.nodes().get(0);
        assertThat(top.fullName()).isEmpty();
        assertThat(top.properties().get(0).value()).isEqualTo(new byte[] {0});
    }

    private static void prop(Node n, String name, Value v) {
        n.addProperty(new Property(name, v));
    }

    @Test
    void phandleRules() {
        // the first of phandle/linux,phandle wins; ibm,phandle overrides; the kernel reads 4 bytes whatever the length
        // built directly: dtc would refuse most of these
        Node root = new Node("");
        prop(root.addChild(new Node("a")), "linux,phandle", Value.ofCells(5));
        prop(root.child("a"), "phandle", Value.ofCells(6));
        prop(root.addChild(new Node("b")), "phandle", Value.ofCells(7));
        prop(root.child("b"), "ibm,phandle", Value.ofCells(9));
        prop(root.addChild(new Node("c")), "phandle", Value.of(new byte[] {0x12, 0x34}));
        prop(root.addChild(new Node("d")), "phandle", new Value());
        prop(root.child("d"), "x", Value.ofCells(1));
        prop(root.addChild(new Node("e")), "phandle", new Value());
        root.child("e").addChild(new Node("f"));
        prop(root.addChild(new Node("g")), "phandle", new Value());
        UnflattenedTree t = UnflattenedTree.of(new DeviceTree(root), STM32, "t.dts");
        assertThat(t.nodes()).extracting(KernelNode::phandle)
                .containsExactly(0L, 5L, 9L, 0x12340000L, 3L, 1L, 0L, 2L);
    }

    @Test
    void linux413StoresFullPathsAndType() {
        UnflattenedTree t = UnflattenedTree.of(dts("/ { cpus { cpu@0 { device_type = \"cpu\"; }; }; };"), OLD,
                "t.dts");
        assertThat(t.nodes()).extracting(n -> new String(n.fullName(), StandardCharsets.US_ASCII))
                .containsExactly("/", "/cpus", "/cpus/cpu@0");
        assertThat(t.nodes()).extracting(KernelNode::typeProperty).containsExactly(-1, -1, 0);
    }

    @Test
    void deepTreesNeedNoRecursionAndStopAtTheDepthLimit() {
        Node root = new Node("");
        Node at = root;
        for (int i = 0; i < 3_000; i++) {
            at = at.addChild(new Node("n"));
        }
        DeviceTree tree = new DeviceTree(root);
        assertThat(UnflattenedTree.of(tree, STM32, "t.dts").nodes()).hasSize(63);
        KernelProfile unlimited = new KernelProfile("deep", "d", "n", 108, 4, 56, 4, "y", true,
                org.dtshrink.cost.FullName.NAME, false, Integer.MAX_VALUE, 4096);
        UnflattenedTree t = UnflattenedTree.of(tree, unlimited, "t.dts");
        assertThat(t.nodes()).hasSize(3_001);
        StaticTable table = new StaticTable(t);
        byte[] c = CTableWriter.write(table, new Provenance("test", "t.dts", "0".repeat(64), "of the file", List.of()),
                CTableWriter.DEFAULT_ROOT_FUNCTION);
        String text = new String(c, java.nio.charset.StandardCharsets.US_ASCII);
        // comments keep deep paths short: the table grows with the node count, not with depth squared
        assertThat(c.length).isLessThan(3_001 * 1_200);
        // names keep the path's last components and are made unique with a suffix
        assertThat(text).contains("\t\t/* .../n" + "/n".repeat(35) + " */\n\t\t.n" + "_n".repeat(15) + "_2985 = {\n")
                .doesNotContain("_2986 = {");
        // the dump spells every path in full, as the walker does
        assertThat(UnflattenedDump.dump(t).length).isGreaterThan(3_000 * 3_000);
    }

    @Test
    void layoutsOfTheBuiltInProfiles() {
        assertThat(StructLayout.of(TINY)).isEqualTo(new StructLayout(false, 4, false, false));
        assertThat(StructLayout.of(STM32)).isEqualTo(new StructLayout(false, 4, true, true));
        assertThat(StructLayout.of(KernelProfiles.find("linux-6.12-arm-mps2")))
                .isEqualTo(new StructLayout(false, 4, true, false));
        assertThat(StructLayout.of(KernelProfiles.find("linux-6.12-arm64")))
                .isEqualTo(new StructLayout(false, 8, true, true));
        assertThat(StructLayout.of(OLD)).isEqualTo(new StructLayout(true, 4, true, false));
    }

    @Test
    void aProfileWithSizesOfNoKnownLayoutIsRefused() {
        KernelProfile odd = new KernelProfile("odd", "d", "n", 76, 4, 16, 4, "n", false,
                org.dtshrink.cost.FullName.NAME, true, 63, 4096);
        assertThatThrownBy(() -> StructLayout.of(odd)).isInstanceOf(DtException.class)
                .hasMessage("profile odd: error: struct device_node 76/4 and struct property 16/4 (size/align) match"
                        + " no struct definitions the emitter knows (Linux 6.12, 32 or 64-bit, of_kobj n,"
                        + " of_dynamic n)");
    }
}
