package org.dtshrink.emit;

import java.util.List;
import org.dtshrink.tree.Marker;

/**
 * One {@code struct property} of the unflattened tree: the name and value bytes exactly as the kernel sees them.
 *
 * @param synthesized true for the {@code name} property the kernel makes up for a node that has none
 * @param markers the source's markers on the value (its types: cells, strings, bytes), empty for a blob's values
 */
public record KernelProperty(byte[] name, byte[] value, boolean synthesized, List<Marker> markers) {

    public KernelProperty {
        name = name.clone();
        value = value.clone();
        markers = List.copyOf(markers);
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
