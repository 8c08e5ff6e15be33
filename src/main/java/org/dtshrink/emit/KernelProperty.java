package org.dtshrink.emit;

/**
 * One {@code struct property} of the unflattened tree: the name and value bytes exactly as the kernel sees them.
 *
 * @param synthesized true for the {@code name} property the kernel makes up for a node that has none
 */
public record KernelProperty(byte[] name, byte[] value, boolean synthesized) {

    public KernelProperty {
        name = name.clone();
        value = value.clone();
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    boolean nameIs(String ascii) {
        return Bytes.equalsAscii(name, ascii);
    }
}
