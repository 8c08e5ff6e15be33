package org.dtshrink.checks;

/**
 * The property names the checks look up, numbered: each node's first live property of each of these names is found
 * once per run ({@link TreeIndex}), so that seventy checks asking about a few names in every node read an array
 * slot instead of searching the node's properties by name each time.
 */
final class Known {

    static final int ADDRESS_CELLS = 0;
    static final int SIZE_CELLS = 1;
    static final int REG = 2;
    static final int RANGES = 3;
    static final int DMA_RANGES = 4;
    static final int DEVICE_TYPE = 5;
    static final int MODEL = 6;
    static final int STATUS = 7;
    static final int LABEL = 8;
    static final int COMPATIBLE = 9;
    static final int NAME = 10;
    static final int PHANDLE = 11;
    static final int LINUX_PHANDLE = 12;
    static final int BUS_RANGE = 13;
    static final int INTERRUPT_CONTROLLER = 14;
    static final int INTERRUPT_MAP = 15;
    static final int INTERRUPT_MAP_MASK = 16;
    static final int INTERRUPTS = 17;
    static final int INTERRUPT_PARENT = 18;
    static final int INTERRUPT_CELLS = 19;
    static final int REMOTE_ENDPOINT = 20;
    static final int GPIO_HOG = 21;
    static final int SPI_SLAVE = 22;
    static final int BOOTARGS = 23;
    static final int STDOUT_PATH = 24;
    static final int LINUX_STDOUT_PATH = 25;
    static final int GPIO_CELLS = 26;

    private static final String[] FIXED = {
        "#address-cells", "#size-cells", "reg", "ranges", "dma-ranges", "device_type", "model", "status", "label",
        "compatible", "name", "phandle", "linux,phandle", "bus-range", "interrupt-controller", "interrupt-map",
        "interrupt-map-mask", "interrupts", "interrupt-parent", "#interrupt-cells", "remote-endpoint", "gpio-hog",
        "spi-slave", "bootargs", "stdout-path", "linux,stdout-path", "#gpio-cells",
    };

    /**
     * dtc's phandle-with-arguments properties: the stem of the checks' names, the property, and the provider
     * property that sizes each entry ("optional": a provider may lack it).
     */
    static final String[][] PROVIDERS = {
        {"clocks", "clocks", "#clock-cells"},
        {"cooling_device", "cooling-device", "#cooling-cells"},
        {"dmas", "dmas", "#dma-cells"},
        {"hwlocks", "hwlocks", "#hwlock-cells"},
        {"interrupts_extended", "interrupts-extended", "#interrupt-cells"},
        {"io_channels", "io-channels", "#io-channel-cells"},
        {"iommus", "iommus", "#iommu-cells"},
        {"mboxes", "mboxes", "#mbox-cells"},
        {"msi_parent", "msi-parent", "#msi-cells", "optional"},
        {"mux_controls", "mux-controls", "#mux-control-cells"},
        {"phys", "phys", "#phy-cells"},
        {"power_domains", "power-domains", "#power-domain-cells"},
        {"pwms", "pwms", "#pwm-cells"},
        {"resets", "resets", "#reset-cells"},
        {"sound_dai", "sound-dai", "#sound-dai-cells"},
        {"thermal_sensors", "thermal-sensors", "#thermal-sensor-cells"},
    };

    private static final String[] NAMES;
    private static final int MASK = 255;
    private static final String[] KEYS = new String[MASK + 1];
    private static final int[] HASHES = new int[MASK + 1];
    private static final int[] SLOT_IDS = new int[MASK + 1];

    static {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(FIXED));
        for (String[] p : PROVIDERS) {
            all.add(p[1]);
            all.add(p[2]);
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String n : all) {
            if (find(n) >= 0) {
                continue; // a provider's name may be one of the fixed ones, or another provider's
            }
            int h = n.hashCode();
            int i = h & MASK;
            while (KEYS[i] != null) {
                i = (i + 1) & MASK;
            }
            KEYS[i] = n;
            HASHES[i] = h;
            SLOT_IDS[i] = names.size();
            names.add(n);
        }
        NAMES = names.toArray(new String[0]);
        if (NAMES.length > 64) {
            throw new IllegalStateException("Known: more names than the bits of a long"); // TreeIndex.knownAt
        }
        for (int i = 0; i < FIXED.length; i++) {
            if (find(FIXED[i]) != i) {
                throw new IllegalStateException("Known: " + FIXED[i] + " out of place");
            }
        }
    }

    private Known() {
    }

    /** The number of a name the checks look up by number. */
    static int id(String name) {
        int i = find(name);
        if (i < 0) {
            throw new IllegalArgumentException("not a known property name: " + name);
        }
        return i;
    }

    /**
     * The number of a name, or -1 when the checks never look it up by number: asked once for every property of a
     * tree, so an open-addressed table of the names' hashes, where most names fail on the hash alone.
     */
    static int find(String name) {
        int h = name.hashCode();
        for (int i = h & MASK;; i = (i + 1) & MASK) {
            String k = KEYS[i];
            if (k == null) {
                return -1;
            }
            if (HASHES[i] == h && k.equals(name)) {
                return SLOT_IDS[i];
            }
        }
    }

    /** The bit of a known name in {@link TreeIndex#knownAt}. */
    static long bit(int id) {
        return 1L << id;
    }

    static String name(int id) {
        return NAMES[id];
    }

    static int count() {
        return NAMES.length;
    }
}
