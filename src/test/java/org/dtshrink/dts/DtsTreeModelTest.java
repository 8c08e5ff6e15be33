package org.dtshrink.dts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Marker.Kind;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.SourcePos;
import org.junit.jupiter.api.Test;

/** What the tree carries beyond the blob's bytes: labels, markers, flags and source positions, as dtc keeps them. */
class DtsTreeModelTest {

    private static DeviceTree read(String text) {
        return DtsReader.read(text, "m.dts", DtsOptions.defaults());
    }

    @Test
    void labelsAreKeptNewestFirstAsDtcDoes() {
        DeviceTree t = read("/dts-v1/;\nr1: r2: /memreserve/ 1 2;\n/ { a: b: n { p1: p2: p; }; };\nc: &a { };\n");
        Node n = t.nodeAt("/n");
        assertThat(n.labels()).containsExactly("c", "a", "b");
        assertThat(n.property("p").labels()).containsExactly("p1", "p2");
        assertThat(t.reserves().get(0).labels()).containsExactly("r1", "r2");
    }

    @Test
    void deletedLabelsStayDeletedWhenTheNodeIsRedefined() {
        DeviceTree t = read("/dts-v1/;\n/ { x: a { }; };\n/delete-node/ &x;\n/ { a { q; }; };\n");
        assertThat(t.nodeAt("/a").labels()).isEmpty();
        assertThat(t.nodeAt("/a").property("q")).isNotNull();
    }

    @Test
    void noDeletionMarkerLeavesTheFrontEnd() throws Exception {
        // Deletion is resolved here, once: stages after the front end never look for tombstones.
        Path dir = Path.of(DtsTreeModelTest.class.getResource("/dts/lang").toURI());
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".dts")).sorted().toList();
        }
        assertThat(sources).anyMatch(p -> p.getFileName().toString().equals("delete.dts"));
        for (Path p : sources) {
            DeviceTree t = DtsReader.read(p, DtsOptions.defaults());
            t.forEachNode(n -> {
                assertThat(n.children()).as(p + " " + n.path()).noneMatch(Node::isDeleted);
                assertThat(n.properties()).as(p + " " + n.path()).noneMatch(Property::isDeleted);
            });
        }
    }

    @Test
    void valuesCarryTypeLabelAndReferenceMarkers() {
        DeviceTree t = read("/dts-v1/;\n/ { p = \"s\", v: <1 &t>, [aa], &t; t: target { }; };\n");
        List<Marker> m = t.root().property("p").value().markers();
        assertThat(m).containsExactly(
                new Marker(0, Kind.TYPE_STRING, null),
                new Marker(2, Kind.LABEL, "v"),
                new Marker(2, Kind.TYPE_UINT32, null),
                new Marker(6, Kind.REF_PHANDLE, "t"),
                new Marker(10, Kind.TYPE_UINT8, null),
                new Marker(11, Kind.TYPE_STRING, "t"),
                new Marker(11, Kind.REF_PATH, "t"));
        assertThat(t.root().property("p").value().bytes()).containsExactly(
                's', 0, 0, 0, 0, 1, 0, 0, 0, 1, 0xaa, '/', 't', 'a', 'r', 'g', 'e', 't', 0);
        assertThat(t.nodeAt("/target").isReferenced()).isTrue();
        assertThat(t.nodeAt("/target").phandle()).isEqualTo(1);
    }

    @Test
    void positionsFollowLineMarkers() {
        DeviceTree t = read("/dts-v1/;\n# 20 \"soc.dtsi\" 1\n/ {\n\tuart: serial { status = \"okay\"; };\n};\n");
        Node serial = t.nodeAt("/serial");
        // as dtc locates them: a node from its '{' to its ';', a property from its name to its ';'
        assertThat(serial.pos()).isEqualTo(new SourcePos("soc.dtsi", 21, 15, 21, 36));
        assertThat(serial.property("status").pos()).isEqualTo(new SourcePos("soc.dtsi", 21, 17, 21, 33));
    }

    @Test
    void pluginFlagAndOmittedNodes() {
        DeviceTree t = read("/dts-v1/;\n/plugin/;\n&x { y; };\n");
        assertThat(t.isPlugin()).isTrue();
        assertThat(t.nodeAt("/fragment@0/__overlay__").property("y")).isNotNull();
        DeviceTree u = read("/dts-v1/;\n/ { /omit-if-no-ref/ a { }; };\n");
        assertThat(u.isPlugin()).isFalse();
        assertThat(u.root().children()).isEmpty();
    }

    @Test
    void bootCpuIsTheFirstCpusReg() {
        DeviceTree t = read("/dts-v1/;\n/ { cpus { cpu@7 { reg = <7>; }; cpu@1 { reg = <1>; }; }; };\n");
        assertThat(t.bootCpuid()).isEqualTo(7);
        assertThat(read("/dts-v1/;\n/ { cpus { cpu@7 { reg = <0 7>; }; }; };\n").bootCpuid()).isZero();
    }
}
