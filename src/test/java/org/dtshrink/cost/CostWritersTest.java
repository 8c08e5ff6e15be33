package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cost.Trees.node;
import static org.dtshrink.cost.Trees.prop;
import static org.dtshrink.cost.Trees.str;
import static org.dtshrink.cost.Trees.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON renderings of a small tree, compared with files checked in under
 * src/test/resources/org/dtshrink/cost/. Their figures were added up by hand (and, for the tree without its name
 * property, by replaying the kernel's rules over the blob dtc makes). The boot figures likewise: under stm32 the
 * tree has no device (no node below the root has a compatible), and /sys/firmware/devicetree is 19 kernfs nodes
 * (88), 37 names at kmalloc-32, the kset at kmalloc-64, /proc/device-tree's entry (128) and one radix_tree_node
 * (104): 3,152 bytes.
 */
class CostWritersTest {

    static DeviceTree sample() {
        return tree(node("", prop("#address-cells"), prop("compatible"),
                node("soc", prop("ranges"),
                        node("serial@4000", prop("reg"), str("status", "disabled")),
                        node("timer@5000", prop("reg"), prop("interrupts"))),
                node("chosen", str("name", "chosen"), prop("stdout-path"))));
    }

    static CostReport report(boolean inFlash, String... profiles) {
        List<KernelProfile> ps = new ArrayList<>();
        for (String p : profiles) {
            ps.add(KernelProfiles.find(p));
        }
        return CostReport.measure("board.dtb", sample(), 1234, inFlash, ps);
    }

    @Test
    void textWithEverySection() {
        String text = CostTextWriter.write(report(false, "linux-6.12-arm-stm32"), new ReportOptions(true, 3, true));
        assertThat(text).isEqualTo(golden("sample-stm32.txt"));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void textSideBySideFitsEightyColumns() {
        String text = CostTextWriter.write(report(true, KernelProfiles.names().toArray(new String[0])),
                ReportOptions.TOTALS);
        assertThat(text).isEqualTo(golden("sample-all.txt"));
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void moreProfilesThanFitGoIntoASecondTable() {
        String[] names = KernelProfiles.names().toArray(new String[0]);
        String[] twice = new String[names.length * 2];
        for (int i = 0; i < twice.length; i++) {
            twice[i] = names[i % names.length];
        }
        String text = CostTextWriter.write(report(false, twice), ReportOptions.TOTALS);
        assertThat(text.lines().filter(l -> l.startsWith("allocation")))
                .containsExactly("allocation                     1,336     1,284       496     2,588     1,220",
                        "allocation                     1,336     1,284       496     2,588     1,220");
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void json() {
        String json = CostJsonWriter.write(report(false, "linux-6.12-arm-tiny"), new ReportOptions(true, 2, true));
        assertThat(json).isEqualTo(golden("sample-tiny.json"));
    }

    @Test
    void profileNamesSplitAfterDashes() {
        assertThat(CostTextWriter.splitName("linux-6.12-arm-stm32", 9)).containsExactly("linux-", "6.12-arm-",
                "stm32");
        assertThat(CostTextWriter.splitName("linux-6.12-arm64", 11)).containsExactly("linux-6.12-", "arm64");
        assertThat(CostTextWriter.splitName("averyveryverylongname", 9)).containsExactly("averyvery", "verylongn",
                "ame");
    }

    @Test
    void thousandsSeparators() {
        assertThat(CostTextWriter.n(0)).isEqualTo("0");
        assertThat(CostTextWriter.n(999)).isEqualTo("999");
        assertThat(CostTextWriter.n(1000)).isEqualTo("1,000");
        assertThat(CostTextWriter.n(72064)).isEqualTo("72,064");
        assertThat(CostTextWriter.n(123456789)).isEqualTo("123,456,789");
        assertThat(CostTextWriter.n(-1234)).isEqualTo("-1,234");
    }

    static String golden(String name) {
        try (InputStream in = CostWritersTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
