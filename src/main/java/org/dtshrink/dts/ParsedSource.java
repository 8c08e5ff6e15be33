package org.dtshrink.dts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * A tree as the parser left it, tombstones included, with what the later fix-ups need to report errors where the
 * source said something: label positions and the position of every reference in every value.
 */
final class ParsedSource {

    final DeviceTree tree;
    final Labels labels;
    final boolean plugin;
    /** Per value, the positions of its REF_PHANDLE and REF_PATH markers in marker order. */
    private final Map<Value, List<SourcePos>> refPositions;

    ParsedSource(DeviceTree tree, Labels labels, boolean plugin, Map<Value, List<SourcePos>> refPositions) {
        this.tree = tree;
        this.labels = labels;
        this.plugin = plugin;
        this.refPositions = refPositions;
    }

    static Map<Value, List<SourcePos>> newRefPositions() {
        return new IdentityHashMap<>();
    }

    /** Where the {@code index}-th reference (REF_PHANDLE or REF_PATH marker) of {@code v} was written. */
    SourcePos refPos(Value v, int index, SourcePos fallback) {
        List<SourcePos> list = refPositions.get(v);
        return list != null && index < list.size() ? list.get(index) : fallback;
    }

    static void recordRef(Map<Value, List<SourcePos>> map, Value v, SourcePos pos) {
        map.computeIfAbsent(v, k -> new ArrayList<>()).add(pos);
    }
}
