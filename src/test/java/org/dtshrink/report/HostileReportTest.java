package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Trees made to hurt: the report stays linear in what it shows, whatever the shape. */
class HostileReportTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aDeepChainOfLongNames() {
        // 9,000 levels of 200-character names: every path at once would be about 8 billion characters.
        Node root = new Node("");
        Node n = root;
        String name = "n".repeat(200);
        for (int i = 0; i < 9_000; i++) {
            n = n.addChild(new Node(name));
        }
        DeviceTree tree = FdtReader.read(FdtWriter.write(new DeviceTree(root), FdtOptions.DEFAULTS), "deep.dtb");
        SizeReport report = SizeReport.build(ReportInput.asIs("deep.dtb", tree, 1000, false, "none", "none"),
                List.of(KernelProfiles.find(KernelProfiles.DEFAULT)), 10);
        String text = TextReportWriter.write(report);
        for (String line : text.split("\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(80);
        }
        // The kernel skips depth 63 and deeper (the root is 0): the first node's subtree holds depths 1 to 62.
        assertThat(report.profiles().get(0).largestSubtrees().get(0).nodes()).isEqualTo(62);
        assertThat(JsonReportWriter.write(report)).contains("\"top_level_subtrees\": [\n        {\"path\": \"/"
                + name + "\", \"nodes\": 62,");
        String html = HtmlReportWriter.write(report);
        assertThat(html.length()).isLessThan(20_000_000);
    }
}
