package org.dtshrink.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;

/**
 * An input read into a tree: whether it was source, the blob's size when it was a blob, and every file read (the
 * input first), for dependency lists. {@code name} is the input as given ({@code -} for standard input).
 */
public record Loaded(String name, DeviceTree tree, boolean fromSource, long blobSize, List<Path> dependencies) {

    /** The blob the kernel gets: the file as it is, or for source the blob dtshrink writes for it. */
    public long dtbSize() {
        return fromSource ? FdtWriter.write(tree, FdtOptions.DEFAULTS).length : blobSize;
    }

    /** The name errors and reports use: {@code <stdin>} for standard input. */
    public String displayName() {
        return Inputs.displayName(name);
    }
}
