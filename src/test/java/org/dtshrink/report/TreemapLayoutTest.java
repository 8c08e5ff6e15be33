package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.report.TreemapLayout.Box;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;

class TreemapLayoutTest {

    @Test
    void thePaperExampleFillsTheAreaInProportion() {
        // The example of Bruls, Huizing and van Wijk: areas 6, 6, 4, 3, 2, 2, 1 in a 6 x 4 rectangle.
        double[] values = {6, 6, 4, 3, 2, 2, 1};
        double[][] r = TreemapLayout.squarify(values, 0, 0, 6, 4);
        double total = 0;
        for (int i = 0; i < values.length; i++) {
            assertThat(r[i][2] * r[i][3]).isCloseTo(values[i], within(1e-9));
            assertThat(r[i][0]).isBetween(-1e-9, 6.0);
            assertThat(r[i][0] + r[i][2]).isLessThanOrEqualTo(6 + 1e-9);
            assertThat(r[i][1] + r[i][3]).isLessThanOrEqualTo(4 + 1e-9);
            total += r[i][2] * r[i][3];
        }
        assertThat(total).isCloseTo(24, within(1e-9));
        // The first row is the two 6s stacked on the left, 3 wide: the paper's first step.
        assertThat(r[0]).containsExactly(0, 0, 3, 2);
        assertThat(r[1]).containsExactly(0, 2, 3, 2);
        for (int i = 0; i < values.length; i++) {
            for (int j = i + 1; j < values.length; j++) {
                double ox = Math.min(r[i][0] + r[i][2], r[j][0] + r[j][2]) - Math.max(r[i][0], r[j][0]);
                double oy = Math.min(r[i][1] + r[i][3], r[j][1] + r[j][3]) - Math.max(r[i][1], r[j][1]);
                assertThat(ox <= 1e-9 || oy <= 1e-9).as("%d and %d overlap", i, j).isTrue();
            }
        }
    }

    @Test
    void topLevelSubtreesGetAreaInProportionToTheirBytes() throws Exception {
        DeviceTree tree = ReportTrees.readBlob(ReportTrees.disco());
        CostResult cost = UnflattenCost.compute(tree, KernelProfiles.find(KernelProfiles.DEFAULT));
        List<Box> boxes = TreemapLayout.layout(cost, 600, 340);
        Box root = boxes.get(0);
        assertThat(root.path()).isEqualTo("/");
        assertThat(root.w() * root.h()).isEqualTo(600 * 340.0);
        double inner = (600 - 2) * (340 - 2);
        Map<String, Box> byPath = new HashMap<>();
        for (Box b : boxes) {
            byPath.put(b.path(), b);
        }
        for (Node c : tree.root().children()) {
            Box b = byPath.get("/" + c.name());
            if (b == null) {
                continue;
            }
            assertThat(b.w() * b.h() / inner).as(b.path()).isCloseTo((double) b.bytes() / root.bytes(),
                    within(1e-9));
        }
        // Every box lies inside its parent's.
        for (Box b : boxes) {
            if (b.depth() == 0) {
                continue;
            }
            Box parent = byPath.get(b.path().substring(0, Math.max(1, b.path().lastIndexOf('/'))));
            assertThat(b.x()).isGreaterThanOrEqualTo(parent.x() - 1e-6);
            assertThat(b.y()).isGreaterThanOrEqualTo(parent.y() - 1e-6);
            assertThat(b.x() + b.w()).isLessThanOrEqualTo(parent.x() + parent.w() + 1e-6);
            assertThat(b.y() + b.h()).isLessThanOrEqualTo(parent.y() + parent.h() + 1e-6);
        }
        assertThat(boxes.size()).isGreaterThan(100);
    }
}
