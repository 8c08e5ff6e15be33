package org.dtshrink.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * Turns the file a user names into the tree to measure and the size of the blob the kernel would keep. A blob is
 * measured as it is (its size is the header's totalsize); a source is measured as the blob dtshrink would write for
 * it, read back, so both paths measure exactly what a kernel would get.
 */
public final class CostInput {

    /** A tree to measure and the bytes of its blob. */
    public record Loaded(DeviceTree tree, long dtbSize) {
    }

    private static final int FDT_MAGIC = 0xd00dfeed;

    private CostInput() {
    }

    public static Loaded load(Path file) {
        String name = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DtException(name + ": error: cannot read: " + KernelProfiles.reason(e));
        }
        if (isBlob(bytes) || name.endsWith(".dtb") || name.endsWith(".dtbo")) {
            return fromBlob(bytes, name);
        }
        return fromSource(bytes, name);
    }

    /** A blob as it is: the reader checks it, the header's totalsize is what stays reserved. */
    public static Loaded fromBlob(byte[] blob, String name) {
        DeviceTree tree = FdtReader.read(blob, name);
        return new Loaded(tree, u32(blob, 4));
    }

    /** A tree from source or from an earlier stage, measured as the blob dtshrink writes for it. */
    public static Loaded fromTree(DeviceTree tree, String name) {
        return fromBlob(FdtWriter.write(tree, FdtOptions.DEFAULTS), name);
    }

    /*
     * ===== DTS INPUT PLUGS IN HERE =====
     * The one place that reads device-tree source: parse `source` into a DeviceTree with the DTS front end
     * (org.dtshrink.dts.DtsReader), then `return fromTree(tree, name);`.
     */
    private static Loaded fromSource(byte[] source, String name) {
        throw new DtException(name + ": error: not a device tree blob, and reading .dts source is not supported yet");
    }

    private static boolean isBlob(byte[] b) {
        return b.length >= 4 && u32(b, 0) == (FDT_MAGIC & 0xffffffffL);
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8) | (b[off + 3] & 0xffL);
    }
}
