package org.dtshrink.fuzz;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DtException;
import org.junit.jupiter.api.Test;

/** The three inputs the core must answer with an error rather than a crash, each through the public entry points. */
class HostileInputTest {

    private static final Path SAMPLE_DTB = Path.of("dts-samples/stm32f4-mini.dtb");

    private static byte[] put32(byte[] b, int at, long v) {
        byte[] c = b.clone();
        for (int i = 0; i < 4; i++) {
            c[at + i] = (byte) (v >>> (24 - 8 * i));
        }
        return c;
    }

    @Test
    void aHeaderClaimingFourGibibytes() throws Exception {
        byte[] blob = put32(Files.readAllBytes(SAMPLE_DTB), 4, 0xffffffffL);
        assertThatThrownBy(() -> FdtReader.read(blob, "huge.dtb")).isInstanceOf(DtException.class)
                .hasMessage("huge.dtb: offset 0x4: error: totalsize 0xffffffff is past the end of the data (0x16c4"
                        + " bytes): truncated blob");
    }

    @Test
    void aNodeNestedOneHundredThousandDeep() {
        StringBuilder sb = new StringBuilder("/dts-v1/;\n/ {\n");
        sb.append("a {\n".repeat(100_000));
        sb.append("};\n".repeat(100_000));
        sb.append("};\n");
        assertThatThrownBy(() -> DtsReader.read(sb.toString(), "deep.dts", DtsOptions.defaults()))
                .isInstanceOf(DtException.class).hasMessageStartingWith("deep.dts:").hasMessageContaining("error: ")
                .hasMessageContaining("nest");
    }

    @Test
    void aPropertyLongerThanABlobCanHold() throws Exception {
        byte[] good = Files.readAllBytes(SAMPLE_DTB);
        // the first property's length field: the struct block starts at off_dt_struct; FDT_BEGIN_NODE, the root's
        // empty name padded to 4, then FDT_PROP and its length
        int struct = ((good[8] & 0xff) << 24) | ((good[9] & 0xff) << 16) | ((good[10] & 0xff) << 8) | (good[11] & 0xff);
        byte[] blob = put32(good, struct + 12, 0xfffffff0L);
        assertThatThrownBy(() -> FdtReader.read(blob, "long.dtb")).isInstanceOf(DtException.class)
                .hasMessageStartingWith("long.dtb: offset 0x" + Integer.toHexString(struct + 12) + ": error: ")
                .hasMessageContaining("length 0xfffffff0");
    }

    @Test
    void aBlobLargerThanTheFormatAllows() {
        assertThatThrownBy(() -> FdtWriter.write(FdtReader.read(Files.readAllBytes(SAMPLE_DTB), "x.dtb"),
                FdtOptions.DEFAULTS.withPadding(Integer.MAX_VALUE))).isInstanceOf(DtException.class)
                .hasMessageContaining("too large");
    }
}
