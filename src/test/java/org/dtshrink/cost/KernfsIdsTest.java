package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;

/**
 * The xarray node rule and the resizing of the tree's blocks, on sequences small enough to count by hand; the
 * booted kernel's own figures are BootedKernelFiguresTest's.
 */
class KernfsIdsTest {

    private static long nodes(String runs, String counts, long s, long p, long b, int chunk) {
        return KernfsIds.parse(runs, counts).nodes(new long[] {s, p, b}, chunk);
    }

    @Test
    void aNodePerChunkThatHoldsALiveIdAtEveryLevelUpToTheTop() {
        // ids 1..15: one leaf, which is the top
        assertThat(nodes("K15 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 16)).isEqualTo(1);
        // ids 1..16: two leaves under a top node
        assertThat(nodes("K16 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 16)).isEqualTo(3);
        // id 1 and id 256: two leaves, two nodes above them, the top
        assertThat(nodes("K1 H254 K1 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 16)).isEqualTo(5);
        // a chunk of ids not alive holds no node
        assertThat(nodes("K15 H16 K1 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 16)).isEqualTo(3);
        // 64-slot nodes
        assertThat(nodes("K63 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 64)).isEqualTo(1);
        assertThat(nodes("K64 S0 P0 B0", "S 0 P 0 B 0", 0, 0, 0, 64)).isEqualTo(3);
    }

    @Test
    void eachPhasesBlockIsResizedAtItsEndAndTheIdsAfterItMove() {
        // ids 1..10 kernel, 11..14 the tree's sysfs, 15 the kernel's, then 16 ids not alive, then id 32
        String runs = "K10 S4 K1 H16 K1 P0 B0";
        assertThat(nodes(runs, "S 4 P 0 B 0", 4, 0, 0, 16)).isEqualTo(3);
        // one more sysfs id moves the kernel's id 15 to 16, into the second chunk (and 32 to 33)
        assertThat(nodes(runs, "S 4 P 0 B 0", 5, 0, 0, 16)).isEqualTo(4);
        // sixteen more: ids 1..31 and 48, the third chunk empty
        assertThat(nodes(runs, "S 4 P 0 B 0", 20, 0, 0, 16)).isEqualTo(4);
        // no tree at all: ids 1..11 and 28
        assertThat(KernfsIds.parse(runs, "S 4 P 0 B 0").nodesWithoutTree(16)).isEqualTo(3);
        // what the reference tree takes is counted as the profile says, not as the runs hold it: the kernel kept
        // ids of a tree that dtshrink counts as 6 (2 of them removed again) and the sequence shows as 4
        assertThat(nodes(runs, "S 6 P 0 B 0", 6, 0, 0, 16)).isEqualTo(nodes(runs, "S 4 P 0 B 0", 4, 0, 0, 16));
        // an empty block still says where its ids go: P0 after id 15, so one id there is id 16
        assertThat(nodes("K15 S0 P0 H16 K1 B0", "S 0 P 0 B 0", 0, 0, 0, 16)).isEqualTo(3);
        assertThat(nodes("K15 S0 P0 H16 K1 B0", "S 0 P 0 B 0", 0, 1, 0, 16)).isEqualTo(4);
        assertThat(nodes("K15 S0 P0 H16 K1 B0", "S 0 P 0 B 0", 0, 17, 0, 16)).isEqualTo(5);
    }

    @Test
    void aBlockShrinksFromItsEnd() {
        // P: ids 11..30 (20 of them), then the kernel's 31..40
        String runs = "K10 P20 K10 S0 B0";
        assertThat(nodes(runs, "S 0 P 20 B 0", 0, 20, 0, 16)).isEqualTo(3 + 1);
        // 5 ids: 1..15 and the kernel's 16..25
        assertThat(nodes(runs, "S 0 P 20 B 0", 0, 5, 0, 16)).isEqualTo(3);
        // none: 1..20
        assertThat(nodes(runs, "S 0 P 20 B 0", 0, 0, 0, 16)).isEqualTo(3);
    }

    @Test
    void badRunsAndCountsSayWhat() {
        assertThatThrownBy(() -> KernfsIds.parse("K10 X3 S0 P0 B0", "S 0 P 0 B 0"))
                .hasMessage("a run is a letter of KHSPB and a length: 'X3'");
        assertThatThrownBy(() -> KernfsIds.parse("K10 S0 P0", "S 0 P 0 B 0"))
                .hasMessage("no run of phase B (an empty one, B0, marks where its ids go)");
        assertThatThrownBy(() -> KernfsIds.parse("K10 S0 P0 B0", "S 0 P 0"))
                .hasMessage("expected 'S n P n B n': 'S 0 P 0'");
        assertThatThrownBy(() -> KernfsIds.parse("K10 S0 P0 B0", "S 0 S 0 B 0"))
                .hasMessage("expected 'S n P n B n': 'S 0 S 0 B 0'");
    }

    /** A profile with boot figures: the mps2 one, whose keys are all there. */
    private static String mps2() throws Exception {
        try (var in = KernelProfiles.class.getResourceAsStream("profiles/linux-6.12-arm-mps2.properties")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void theProfileKeysAreReadAndCheckedWhereTheyStand() throws Exception {
        String text = mps2();
        BootFigures f = ProfileParser.parse(text, "p").boot();
        assertThat(f.kernfsIds()).isNotNull();
        assertThat(f.kernfsIds().reference(KernfsIds.Phase.SYSFS)).isEqualTo(188);
        assertThat(f.kernfsIdsNote()).startsWith("recorded by scripts/e2e-qemu-ram");

        // without the reference ids the figure is an estimate, and says so
        String estimate = text.replaceAll("(?m)^kernfs_ids\\..*\n", "");
        assertThat(ProfileParser.parse(estimate, "p").boot().kernfsIds()).isNull();
        assertThat(ProfileParser.parse(estimate, "p").boot().kernfsIdsNote()).startsWith("estimate: ");

        int line = 1 + (int) text.substring(0, text.indexOf("kernfs_ids.reference =")).chars()
                .filter(c -> c == '\n').count();
        assertThatThrownBy(() -> ProfileParser.parse(text.replace("kernfs_ids.reference = K10 ",
                "kernfs_ids.reference = K10 Q1 "), "p")).isInstanceOf(DtException.class)
                .hasMessage("p:" + line + ":24: error: kernfs_ids.reference: a run is a letter of KHSPB and a length:"
                        + " 'Q1'");
        assertThatThrownBy(() -> ProfileParser.parse(text.replaceAll("(?m)^kernfs_ids\\.reference_counts.*\n", ""),
                "p")).isInstanceOf(DtException.class).hasMessageContaining("are given together");
        assertThatThrownBy(() -> ProfileParser.parse(KernelProfilesTest.VALID + "kernfs_ids.note = x\n", "p"))
                .isInstanceOf(DtException.class).hasMessage("p:15:19: error: 'kernfs_ids.note' without the boot figures");
    }
}
