package org.dtshrink.fdt;

/**
 * The blob format versions dtc can write, with what each one changes in the layout. Versions 1 to 3 name nodes by
 * full path, carry an explicit "name" property and 8-align property values of 8 bytes or more; 16 and 17 use plain
 * node names; 17 adds the structure block size to the header.
 */
public enum FdtVersion {
    V1(1, 1, 28),
    V2(2, 1, 32),
    V3(3, 1, 36),
    V16(16, 16, 36),
    V17(17, 16, 40);

    public static final long MAGIC = 0xd00dfeedL;

    private final int number;
    private final int lastCompatible;
    private final int headerSize;

    FdtVersion(int number, int lastCompatible, int headerSize) {
        this.number = number;
        this.lastCompatible = lastCompatible;
        this.headerSize = headerSize;
    }

    /** The version with this number, or null when dtc does not write it. */
    public static FdtVersion of(int number) {
        for (FdtVersion v : values()) {
            if (v.number == number) {
                return v;
            }
        }
        return null;
    }

    public int number() {
        return number;
    }

    public int lastCompatible() {
        return lastCompatible;
    }

    /** Bytes of header this version defines; the reserve map starts at the next multiple of 8. */
    public int headerSize() {
        return headerSize;
    }

    public boolean namesByFullPath() {
        return number < 16;
    }

    public boolean hasNameProperties() {
        return number < 16;
    }

    public boolean alignsLongValuesTo8() {
        return number < 16;
    }

    public boolean hasBootCpuid() {
        return number >= 2;
    }

    public boolean hasStringsSize() {
        return number >= 3;
    }

    public boolean hasStructSize() {
        return number >= 17;
    }
}
