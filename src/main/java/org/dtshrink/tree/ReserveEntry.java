package org.dtshrink.tree;

import java.util.List;

/** One /memreserve/ entry: a physical range the OS must not use, with the labels the source gave it. */
public record ReserveEntry(long address, long size, List<String> labels) {

    public ReserveEntry(long address, long size) {
        this(address, size, List.of());
    }
}
