package org.dtshrink.fdt;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Builds and patches blobs for reader tests: big-endian words at byte offsets, and hand-made v17 blobs. */
final class BlobEdit {

    private BlobEdit() {
    }

    static byte[] put32(byte[] blob, int off, long v) {
        byte[] b = blob.clone();
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
        return b;
    }

    static byte[] truncate(byte[] blob, int len) {
        return Arrays.copyOf(blob, len);
    }

    /** Collects a structure or strings block word by word. */
    static final class Block {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Block word(long v) {
            out.write((int) (v >>> 24));
            out.write((int) (v >>> 16));
            out.write((int) (v >>> 8));
            out.write((int) v);
            return this;
        }

        /** Raw bytes, zero-padded to a multiple of 4 when {@code pad} is set. */
        Block bytes(byte[] b, boolean pad) {
            out.writeBytes(b);
            while (pad && out.size() % 4 != 0) {
                out.write(0);
            }
            return this;
        }

        byte[] toArray() {
            return out.toByteArray();
        }
    }

    /** A v17 blob with an empty reserve map around the given blocks, laid out as dtc lays it out. */
    static byte[] v17(byte[] struct, byte[] strings) {
        int structOff = 0x28 + 16;
        int stringsOff = structOff + struct.length;
        int total = stringsOff + strings.length;
        byte[] b = new byte[total];
        Block h = new Block().word(FdtVersion.MAGIC).word(total).word(structOff).word(stringsOff).word(0x28)
                .word(17).word(16).word(0).word(strings.length).word(struct.length);
        System.arraycopy(h.toArray(), 0, b, 0, 0x28);
        System.arraycopy(struct, 0, b, structOff, struct.length);
        System.arraycopy(strings, 0, b, stringsOff, strings.length);
        return b;
    }
}
