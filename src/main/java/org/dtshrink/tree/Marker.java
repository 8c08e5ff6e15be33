package org.dtshrink.tree;

/**
 * A note attached to a byte offset of a property value, as dtc keeps them: where a label sits, where a reference
 * must be resolved, and where a chunk of a given type starts (so a printer can show cells as cells).
 */
public record Marker(int offset, Kind kind, String ref) {

    public enum Kind {
        /** {@code ref} is a label defined at this offset. */
        LABEL,
        /** A 32-bit cell at this offset holds the phandle of the node {@code ref} names. */
        REF_PHANDLE,
        /** The full path of the node {@code ref} names, NUL-terminated, is inserted here. */
        REF_PATH,
        TYPE_UINT8, TYPE_UINT16, TYPE_UINT32, TYPE_UINT64, TYPE_STRING;

        public boolean isType() {
            return ordinal() >= TYPE_UINT8.ordinal();
        }

        /** The element width in bits for a cell type, 0 otherwise. */
        public int bits() {
            switch (this) {
                case TYPE_UINT8: return 8;
                case TYPE_UINT16: return 16;
                case TYPE_UINT32: return 32;
                case TYPE_UINT64: return 64;
                default: return 0;
            }
        }

        public static Kind forBits(int bits) {
            switch (bits) {
                case 8: return TYPE_UINT8;
                case 16: return TYPE_UINT16;
                case 32: return TYPE_UINT32;
                case 64: return TYPE_UINT64;
                default: throw new IllegalArgumentException("bits: " + bits);
            }
        }
    }

    public Marker withOffset(int newOffset) {
        return new Marker(newOffset, kind, ref);
    }
}
