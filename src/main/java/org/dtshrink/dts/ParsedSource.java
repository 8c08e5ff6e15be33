package org.dtshrink.dts;

import java.util.List;
import org.dtshrink.tree.DeviceTree;

/**
 * A tree as the parser left it, tombstones included, with its labels (deleted ones too, as dtc keeps them) and what
 * dtc printed while parsing.
 */
final class ParsedSource {

    final DeviceTree tree;
    final Labels labels;
    final boolean plugin;
    /** What dtc prints while it parses (a value truncated to its element size), in order, as lines. */
    final List<String> messages;

    ParsedSource(DeviceTree tree, Labels labels, boolean plugin, List<String> messages) {
        this.tree = tree;
        this.labels = labels;
        this.plugin = plugin;
        this.messages = List.copyOf(messages);
    }
}
