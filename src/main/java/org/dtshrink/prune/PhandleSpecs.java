package org.dtshrink.prune;

import java.util.Map;
import java.util.Set;

/**
 * Which properties hold phandles, and how their cells are laid out. A blob has no types: a phandle is just a cell. The
 * well-known consumer properties (those dtc's checks know, and those the kernel parses with
 * of_parse_phandle_with_args) say where the phandles are: a phandle followed by as many argument cells as the
 * provider's {@code #...-cells} says. Properties known to hold no phandle are listed too; for every other property the
 * reference finder falls back to a guess (any cell equal to an existing phandle).
 */
final class PhandleSpecs {

    private PhandleSpecs() {
    }

    /** A phandle-with-arguments property and the provider property that gives the argument count. */
    record Spec(String cellsProperty, boolean cellsOptional, int fixedCells) {
        Spec(String cellsProperty, boolean cellsOptional) {
            this(cellsProperty, cellsOptional, 0);
        }
    }

    private static final Map<String, Spec> WITH_ARGS = Map.ofEntries(
            Map.entry("clocks", new Spec("#clock-cells", false)),
            Map.entry("assigned-clocks", new Spec("#clock-cells", false)),
            Map.entry("assigned-clock-parents", new Spec("#clock-cells", false)),
            Map.entry("cooling-device", new Spec("#cooling-cells", false)),
            Map.entry("dmas", new Spec("#dma-cells", false)),
            Map.entry("hwlocks", new Spec("#hwlock-cells", false)),
            Map.entry("interrupts-extended", new Spec("#interrupt-cells", false)),
            Map.entry("io-channels", new Spec("#io-channel-cells", false)),
            Map.entry("iommus", new Spec("#iommu-cells", false)),
            Map.entry("mboxes", new Spec("#mbox-cells", false)),
            Map.entry("msi-parent", new Spec("#msi-cells", true)),
            Map.entry("mux-controls", new Spec("#mux-control-cells", false)),
            Map.entry("phys", new Spec("#phy-cells", false)),
            Map.entry("power-domains", new Spec("#power-domain-cells", false)),
            Map.entry("pwms", new Spec("#pwm-cells", false)),
            Map.entry("resets", new Spec("#reset-cells", false)),
            Map.entry("sound-dai", new Spec("#sound-dai-cells", false)),
            Map.entry("thermal-sensors", new Spec("#thermal-sensor-cells", false)),
            Map.entry("interconnects", new Spec("#interconnect-cells", false)),
            Map.entry("access-controllers", new Spec("#access-controller-cells", false)),
            Map.entry("nvmem-cells", new Spec("#nvmem-cell-cells", true)),
            // the kernel parses it with a fixed count: of_parse_phandle_with_fixed_args(np, "gpio-ranges", 3, ...)
            Map.entry("gpio-ranges", new Spec(null, false, 3)));

    private static final Spec GPIO = new Spec("#gpio-cells", false);

    /** Properties that are a list of plain phandles (no arguments). */
    private static final Set<String> PHANDLE_LISTS = Set.of("interrupt-parent", "memory-region", "phy-handle",
            "remote-endpoint", "operating-points-v2", "cpu", "cpus", "nvmem", "i2c-bus", "ddc-i2c-bus",
            "backlight", "power-supply", "cpu-idle-states", "next-level-cache", "memory-region-names-phandles",
            "clock-ranges-phandle");

    /** Properties known to hold no phandle: addresses, sizes, counts, flags and text. */
    private static final Set<String> NO_PHANDLE = Set.of("reg", "ranges", "dma-ranges", "compatible", "status",
            "name", "device_type", "model", "phandle", "linux,phandle", "interrupts", "interrupt-map-mask",
            "bus-range", "clock-frequency", "label", "bootargs", "reg-shift", "reg-io-width");

    /** The argument layout of a phandle-with-arguments property, or null when it is not one. */
    static Spec withArgs(String name) {
        Spec s = WITH_ARGS.get(name);
        if (s != null) {
            return s;
        }
        if (isGpioList(name)) {
            return GPIO;
        }
        return null;
    }

    /** dtc's gpios check: {@code gpios}, {@code gpio} and names ending in {@code -gpios} or {@code -gpio}. */
    static boolean isGpioList(String name) {
        if (name.equals("gpios") || name.equals("gpio")) {
            return true;
        }
        return (name.endsWith("-gpios") || name.endsWith("-gpio")) && !name.equals("nr-gpios")
                && !name.endsWith(",nr-gpios");
    }

    static boolean isPhandleList(String name) {
        return PHANDLE_LISTS.contains(name) || name.endsWith("-supply") || name.matches("pinctrl-[0-9]+");
    }

    static boolean holdsNoPhandle(String name) {
        return NO_PHANDLE.contains(name) || name.startsWith("#") || name.endsWith("-names");
    }
}
