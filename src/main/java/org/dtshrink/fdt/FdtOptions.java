package org.dtshrink.fdt;

/**
 * How to lay out a blob, as dtc's {@code -V}, {@code -R}, {@code -S}, {@code -p} and {@code -a} options do. The
 * defaults are dtc's. Invalid combinations are usage errors and throw {@link IllegalArgumentException}.
 *
 * @param version      blob format version: 1, 2, 3, 16 or 17
 * @param reserveCount extra empty memory-reservation entries, for a boot loader to fill in
 * @param minSize      pad the blob with zeroes up to at least this many bytes (dtc's deprecated -S)
 * @param padding      add this many zero bytes at the end
 * @param align        round the total size up to a multiple of this power of two
 */
public record FdtOptions(int version, int reserveCount, int minSize, int padding, int align) {

    public static final FdtOptions DEFAULTS = new FdtOptions(17, 0, 0, 0, 0);

    public FdtOptions {
        if (FdtVersion.of(version) == null) {
            throw new IllegalArgumentException("unknown device tree blob version " + version
                    + " (supported: 1, 2, 3, 16, 17)");
        }
        if (reserveCount < 0) {
            throw new IllegalArgumentException("reserve entry count must not be negative: " + reserveCount);
        }
        if (minSize < 0) {
            throw new IllegalArgumentException("minimum size must not be negative: " + minSize);
        }
        if (padding < 0) {
            throw new IllegalArgumentException("padding must not be negative: " + padding);
        }
        if (minSize > 0 && padding > 0) {
            throw new IllegalArgumentException("minimum size and padding cannot both be set");
        }
        if (align < 0 || (align & (align - 1)) != 0) {
            throw new IllegalArgumentException("alignment must be a power of two: " + align);
        }
    }

    public FdtVersion formatVersion() {
        return FdtVersion.of(version);
    }

    public FdtOptions withVersion(int v) {
        return new FdtOptions(v, reserveCount, minSize, padding, align);
    }

    public FdtOptions withReserveCount(int n) {
        return new FdtOptions(version, n, minSize, padding, align);
    }

    public FdtOptions withMinSize(int n) {
        return new FdtOptions(version, reserveCount, n, padding, align);
    }

    public FdtOptions withPadding(int n) {
        return new FdtOptions(version, reserveCount, minSize, n, align);
    }

    public FdtOptions withAlign(int n) {
        return new FdtOptions(version, reserveCount, minSize, padding, n);
    }
}
