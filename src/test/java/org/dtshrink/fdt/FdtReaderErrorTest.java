package org.dtshrink.fdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.dtshrink.fdt.BlobEdit.put32;

import java.nio.charset.StandardCharsets;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;

/**
 * Malformed blobs, each made by patching dtc's small-default.dtb (struct block 0x58..0x20c, strings 0x20c..0x276,
 * first property "model": token 0x60, length 0x64, name offset 0x68; root FDT_END_NODE 0x204, FDT_END 0x208) or
 * built by hand. Each asserts the exact one-line message with its offset.
 */
class FdtReaderErrorTest {

    private static final byte[] GOOD = FdtTestFiles.resource("small-default.dtb");

    private static void assertError(byte[] blob, String message) {
        assertThatThrownBy(() -> FdtReader.read(blob, "t.dtb")).isInstanceOf(DtException.class)
                .hasMessage("t.dtb: " + message);
    }

    @Test
    void theUnpatchedBlobReads() {
        DeviceTree t = FdtReader.read(GOOD, "t.dtb");
        assertThat(t.bootCpuid()).isEqualTo(2);
        assertThat(t.reserves()).hasSize(2);
        assertThat(t.nodeAt("/soc@40000000/serial@40004400").property("x,reg").value().cellAt(0)).isEqualTo(7);
    }

    @Test
    void tooShortForAHeader() {
        assertError(BlobEdit.truncate(GOOD, 3), "offset 0x3: error: blob ends inside the header (3 bytes)");
        assertError(BlobEdit.truncate(GOOD, 20), "offset 0x14: error: blob ends inside the header (20 bytes)");
        assertError(BlobEdit.truncate(GOOD, 30),
                "offset 0x1e: error: blob ends inside the version 17 header (30 of 40 bytes)");
    }

    @Test
    void badMagic() {
        assertError(put32(GOOD, 0, 0x000dfeed),
                "offset 0x0: error: bad magic 0x000dfeed, not a device tree blob (expected 0xd00dfeed)");
    }

    @Test
    void truncatedBlob() {
        assertError(BlobEdit.truncate(GOOD, 0x100),
                "offset 0x4: error: totalsize 0x276 is past the end of the data (0x100 bytes): truncated blob");
    }

    @Test
    void headerClaimingFourGibibytes() {
        assertError(put32(GOOD, 4, 0xffffffffL),
                "offset 0x4: error: totalsize 0xffffffff is past the end of the data (0x276 bytes): truncated blob");
    }

    @Test
    void totalsizeSmallerThanTheHeader() {
        assertError(put32(GOOD, 4, 0x20), "offset 0x4: error: totalsize 0x20 is smaller than the header");
    }

    @Test
    void unsupportedVersions() {
        assertError(put32(GOOD, 0x14, 5), "offset 0x14: error: unsupported blob version 5");
        assertError(put32(put32(GOOD, 0x14, 18), 0x18, 18),
                "offset 0x18: error: blob version 18 is readable only from version 18 on, newer than the supported 17");
    }

    @Test
    void laterVersionCompatibleWith16Reads() {
        byte[] v18 = put32(GOOD, 0x14, 18);
        assertThat(FdtWriter.write(FdtReader.read(v18, "t.dtb"))).isEqualTo(GOOD);
    }

    @Test
    void blocksOutsideTheBlob() {
        assertError(put32(GOOD, 0xc, 0x1000),
                "offset 0xc: error: strings block offset 0x1000 is past the end of the blob (totalsize 0x276)");
        assertError(put32(GOOD, 0x8, 0x277),
                "offset 0x8: error: structure block offset 0x277 is past the end of the blob (totalsize 0x276)");
        assertError(put32(GOOD, 0x10, 0x10),
                "offset 0x10: error: memory reservation map offset 0x10 points into the header");
        assertError(put32(GOOD, 0x24, 0x300), "offset 0x24: error: structure block 0x58+0x300 extends past the end"
                + " of the blob (totalsize 0x276)");
        assertError(put32(GOOD, 0x20, 0x6b), "offset 0x20: error: strings block 0x20c+0x6b extends past the end"
                + " of the blob (totalsize 0x276)");
    }

    @Test
    void overlappingBlocks() {
        assertError(put32(GOOD, 0xc, 0x200), "offset 0x200: error: the structure block [0x58, 0x20c) overlaps the"
                + " strings block [0x200, 0x26a)");
        assertError(put32(GOOD, 0x8, 0x48), "offset 0x48: error: the memory reservation map [0x28, 0x58) overlaps"
                + " the structure block [0x48, 0x1fc)");
    }

    @Test
    void reserveMapWithoutTerminator() {
        // reserve map starting at the strings block: its last entry would run past totalsize
        byte[] b = put32(put32(GOOD, 0x10, 0x270), 0x20, 0);
        assertError(b, "offset 0x270: error: memory reservation map runs past the end of the blob without its"
                + " terminating entry");
    }

    @Test
    void stringOffsetPastTheStringsBlock() {
        assertError(put32(GOOD, 0x68, 0x1000),
                "offset 0x68: error: property name offset 0x1000 is past the strings block (size 0x6a)");
    }

    @Test
    void propertyNameNotNulTerminated() {
        // "x,reg" is the last name, at strings offset 0x64 (0x270); shrink the block to cut its NUL
        assertError(put32(GOOD, 0x20, 0x69), "offset 0x270: error: property name at strings offset 0x64 is not"
                + " NUL-terminated within the strings block");
    }

    @Test
    void unterminatedNode() {
        assertError(put32(GOOD, 0x204, FdtWriter.FDT_NOP),
                "offset 0x208: error: FDT_END inside node / (unterminated node)");
    }

    @Test
    void structureBlockEndingInsideANode() {
        // the struct block cut after "cpus" opens (its FDT_BEGIN_NODE is at 0xc8, its first property at 0xd4)
        assertError(put32(GOOD, 0x24, 0xd4 - 0x58),
                "offset 0xd4: error: structure block ends inside node /cpus (unterminated node)");
    }

    @Test
    void unknownToken() {
        assertError(put32(GOOD, 0x60, 0xa), "offset 0x60: error: unknown token 0x0000000a in the structure block");
    }

    @Test
    void fdtEndMissing() {
        assertError(put32(GOOD, 0x208, FdtWriter.FDT_NOP), "offset 0x20c: error: FDT_END missing after the root node");
    }

    @Test
    void propertyOutsideTheRootNode() {
        assertError(put32(GOOD, 0x58, FdtWriter.FDT_PROP), "offset 0x58: error: property before the root node");
        assertError(put32(GOOD, 0x208, FdtWriter.FDT_PROP),
                "offset 0x208: error: property after the end of the root node");
        assertError(put32(GOOD, 0x208, FdtWriter.FDT_BEGIN_NODE),
                "offset 0x208: error: second root node: expected FDT_END after the root node");
        assertError(put32(GOOD, 0x208, FdtWriter.FDT_END_NODE),
                "offset 0x208: error: FDT_END_NODE after the end of the root node");
    }

    @Test
    void structureNotStartingWithANode() {
        assertError(put32(GOOD, 0x58, FdtWriter.FDT_END_NODE),
                "offset 0x58: error: structure block starts with token 0x00000002, not FDT_BEGIN_NODE");
    }

    @Test
    void propertyLengthPastTheBlock() {
        assertError(put32(GOOD, 0x64, 0x1000),
                "offset 0x64: error: property \"model\" length 0x1000 runs past the end of the structure block");
    }

    @Test
    void nodeNameNotNulTerminated() {
        byte[] struct = new BlobEdit.Block().word(FdtWriter.FDT_BEGIN_NODE)
                .bytes("abcdefgh".getBytes(StandardCharsets.US_ASCII), false).toArray();
        assertError(BlobEdit.v17(struct, new byte[0]),
                "offset 0x3c: error: node name is not NUL-terminated within the structure block");
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() {
        // struct block at 0x38, every node opening takes 8 bytes: the 10,001st opens at 0x38 + 8 * 10,000
        assertError(nested(FdtReader.MAX_DEPTH + 1), "offset 0x138b8: error: nodes nested deeper than 10000 levels");
    }

    @Test
    void nestingUpToTheLimitReadsAndWritesBack() {
        byte[] blob = nested(FdtReader.MAX_DEPTH);
        DeviceTree t = FdtReader.read(blob, "t.dtb");
        int depth = 0;
        for (Node n = t.root(); !n.children().isEmpty(); n = n.children().get(0)) {
            depth++;
        }
        assertThat(depth).isEqualTo(FdtReader.MAX_DEPTH - 1);
        assertThat(FdtWriter.write(t)).isEqualTo(blob);
    }

    /** {@code levels} nodes each inside the previous, the root named "" and the others "n". */
    private static byte[] nested(int levels) {
        BlobEdit.Block s = new BlobEdit.Block();
        for (int i = 0; i < levels; i++) {
            s.word(FdtWriter.FDT_BEGIN_NODE).bytes(i == 0 ? new byte[] {0} : new byte[] {'n', 0}, true);
        }
        for (int i = 0; i < levels; i++) {
            s.word(FdtWriter.FDT_END_NODE);
        }
        s.word(FdtWriter.FDT_END);
        return BlobEdit.v17(s.toArray(), new byte[0]);
    }
}
