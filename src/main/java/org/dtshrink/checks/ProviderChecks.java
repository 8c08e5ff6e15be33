package org.dtshrink.checks;

import java.util.List;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * Phandle-with-arguments properties ({@code clocks}, {@code dmas}, {@code *-gpios}, ...): each entry a phandle to a
 * provider, followed by as many cells as the provider's {@code #...-cells} says.
 */
final class ProviderChecks {

    private static final long U32 = 0xffffffffL;

    private ProviderChecks() {
    }

    static NodeCheck provider(String propName, String cellName, boolean optional) {
        int prop = Known.id(propName);
        int cells = Known.id(cellName);
        return OnlyWhere.property(prop, (run, node) -> {
            Property p = run.property(node, prop);
            if (p != null) {
                phandleArgs(run, node, p, cells, optional);
            }
        });
    }

    /** dtc's check_property_phandle_args, with its unsigned 32-bit arithmetic. */
    static void phandleArgs(CheckRun run, Node node, Property prop, int cellName, boolean optional) {
        Value v = prop.value();
        int len = v.length();
        if (len % 4 != 0) {
            run.failProp(node, prop, "property size (" + len + ") is invalid, expected multiple of 4");
            return;
        }
        long cellSize = 0;
        List<Marker> markers = v.markers();
        // where the search for a reference at the next entry starts: entries come in order of offset
        int from = 0;
        long lastOffset = 0;
        for (long cell = 0; cell < len / 4; cell = (cell + cellSize + 1) & U32) {
            long phandle = Bytes.cellN(v, cell);
            // some bindings use 0 or -1 to skip an entry
            if (!Phandles.isValid(phandle)) {
                if (run.plugin) {
                    break;
                }
                cellSize = 0;
                continue;
            }
            if (!markers.isEmpty()) {
                long offset = cell * 4;
                if (offset < lastOffset) {
                    from = 0; // the cell count wrapped around: search from the start, as dtc does each time
                }
                lastOffset = offset;
                while (from < markers.size() && markers.get(from).offset() < offset) {
                    from++;
                }
                if (!hasReferenceAt(markers, from, offset)) {
                    run.failProp(node, prop, "cell " + Bytes.signed(cell) + " is not a phandle reference");
                }
            }
            Node provider = run.index.byPhandle(phandle);
            if (provider == null) {
                run.failProp(node, prop, "Could not get phandle node for (cell " + Bytes.signed(cell) + ")");
                break;
            }
            Property cells = run.property(provider, cellName);
            if (cells != null) {
                cellSize = Bytes.cell(cells);
            } else if (optional) {
                cellSize = 0;
            } else {
                run.fail(node, "Missing property '" + Known.name(cellName) + "' in node " + provider.path()
                        + " or bad phandle (referred from " + prop.name() + "[" + Bytes.signed(cell) + "])");
                break;
            }
            long expected = (((cell + cellSize + 1) & U32) * 4) & U32;
            if (expected <= cell || len < expected) {
                run.failProp(node, prop, "property size (" + len + ") too small for cell size " + cellSize);
                break;
            }
        }
    }

    /** Whether a phandle reference is among the markers at {@code offset}, the first of which is at {@code from}. */
    private static boolean hasReferenceAt(List<Marker> markers, int from, long offset) {
        for (int i = from; i < markers.size() && markers.get(i).offset() == offset; i++) {
            if (markers.get(i).kind() == Marker.Kind.REF_PHANDLE) {
                return true;
            }
        }
        return false;
    }

    /** dtc's prop_is_gpio: {@code gpios}, {@code gpio}, {@code *-gpios}, {@code *-gpio}, but not {@code *,nr-gpios}. */
    static boolean isGpio(Property p) {
        return isGpio(p.name());
    }

    static boolean isGpio(String n) {
        if (n.endsWith(",nr-gpios")) {
            return false;
        }
        return n.endsWith("-gpios") || n.equals("gpios") || n.endsWith("-gpio") || n.equals("gpio");
    }

    static void gpiosProperty(CheckRun run, Node node) {
        // GPIO hogs have a gpios property of another form
        if (!run.may(node, TreeIndex.GPIO) || run.property(node, Known.GPIO_HOG) != null) {
            return;
        }
        for (Property p : node.properties()) {
            if (!p.isDeleted() && isGpio(p)) {
                phandleArgs(run, node, p, Known.GPIO_CELLS, false);
            }
        }
    }

    static void deprecatedGpioProperty(CheckRun run, Node node) {
        if (!run.may(node, TreeIndex.GPIO)) {
            return;
        }
        for (Property p : node.properties()) {
            if (!p.isDeleted() && isGpio(p) && p.name().endsWith("gpio")) {
                run.failProp(node, p, "'[*-]gpio' is deprecated, use '[*-]gpios' instead");
            }
        }
    }
}
