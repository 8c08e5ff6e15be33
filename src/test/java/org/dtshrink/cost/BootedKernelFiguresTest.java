package org.dtshrink.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;

/**
 * Every boot category against a booted kernel's own figures: the four trees scripts/e2e-qemu-ram boots (mps2-an385
 * as built; plus a node of 300 properties; plus 140 nodes with devices, AMBA devices, fwnode links and
 * device links; plus 77 properties and 45 devices under two buses) and what Linux 6.12.117 mps2_defconfig counted
 * for each, checked in by
 * {@code scripts/e2e-qemu-ram --record src/test/resources/org/dtshrink/cost/booted}. The kernel's absolute figures
 * hold everything it has, so the checks are on what the trees change, plus the categories whose kernel figures are
 * the tree's alone (the memblock allocations, the entries of /sys/firmware/devicetree), and the devices by name.
 */
class BootedKernelFiguresTest {

    private static final String DIR = "booted/";
    private static final KernelProfile MPS2 = KernelProfiles.find("linux-6.12-arm-mps2");

    /** One boot's figures as recorded. */
    private static final class Boot {
        final List<Long> memblock = new ArrayList<>();
        final Map<String, Long> meminfo = new HashMap<>();
        final Map<String, long[]> slab = new LinkedHashMap<>();
        final Map<String, Long> entries = new HashMap<>();
        final Set<String> devices = new TreeSet<>();
        long idNodes;
        String idRuns;

        /** The ids of one kind in {@link #idRuns}. */
        long idRun(char kind) {
            long n = 0;
            for (String r : idRuns.split(" ")) {
                n += r.charAt(0) == kind ? Long.parseLong(r.substring(1)) : 0;
            }
            return n;
        }

        long entries(String area) {
            assertThat(entries).as(area).containsKey(area);
            return entries.get(area);
        }

        long objects(String cache) {
            long[] s = slab.get(cache);
            return s == null ? 0 : s[0];
        }

        /** The kernfs nodes of one category, from the entries of the parts of /sys it makes. */
        long kernfs(RamCategory c) {
            long links = entries("supplier:/consumer:");
            return switch (c) {
                case SYSFS -> entries("/sys/firmware/devicetree");
                case DEVICES -> entries("/sys/devices/platform") - links + entries("/sys/bus/platform/devices")
                        + entries("/sys/bus/amba/devices") + entries("/sys/bus/platform/drivers")
                        + entries("/sys/bus/amba/drivers");
                case FW_DEVLINK -> entries("/sys/devices/virtual") + entries("/sys/class/devlink") + links;
                default -> 0;
            };
        }
    }

    private static Map<String, Boot> recorded() throws IOException {
        Map<String, Boot> boots = new LinkedHashMap<>();
        for (String line : resource("figures.txt").split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split(" ");
            Boot b = boots.computeIfAbsent(f[1], k -> new Boot());
            switch (f[2]) {
                case "memblock" -> {
                    for (int i = 3; i < f.length; i++) {
                        b.memblock.add(Long.parseLong(f[i]));
                    }
                }
                case "meminfo" -> b.meminfo.put(f[3], Long.parseLong(f[4]));
                case "slab" -> b.slab.put(f[3], new long[] {Long.parseLong(f[4]), Long.parseLong(f[5])});
                case "entries" -> b.entries.put(f[3], Long.parseLong(f[4]));
                case "idnodes" -> b.idNodes = Long.parseLong(f[3]);
                case "idruns" -> b.idRuns = line.split(" ", 4)[3];
                case "device" -> b.devices.add(line.split(" ", 5)[3] + " " + line.split(" ", 5)[4]);
                default -> throw new AssertionError("unknown line: " + line);
            }
        }
        assertThat(boots.keySet()).containsExactly("a", "b", "c", "d");
        return boots;
    }

    private static BootRam predicted(String tree) throws IOException {
        try (InputStream in = BootedKernelFiguresTest.class.getResourceAsStream(DIR + tree + ".dtb")) {
            DeviceTree t = FdtReader.read(in.readAllBytes(), tree + ".dtb");
            return BootCost.compute(UnflattenCost.compute(t, MPS2));
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = BootedKernelFiguresTest.class.getResourceAsStream(DIR + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long objects(BootRam b, String cache) {
        for (BootRam.CacheCount c : b.caches()) {
            if (c.cache().equals(cache)) {
                return c.objects();
            }
        }
        return 0;
    }

    private static long kernfs(BootRam b, RamCategory c) {
        for (BootRam.CacheCount cc : b.caches(c)) {
            if (cc.cache().equals("kernfs_node_cache")) {
                return cc.objects();
            }
        }
        return 0;
    }

    /** The devices dtshrink says of_platform_populate() makes, as "bus name". */
    private static Set<String> devices(String tree) throws IOException {
        try (InputStream in = BootedKernelFiguresTest.class.getResourceAsStream(DIR + tree + ".dtb")) {
            DeviceTree t = FdtReader.read(in.readAllBytes(), tree + ".dtb");
            Set<String> out = new TreeSet<>();
            KernelTree kt = KernelTree.of(UnflattenCost.compute(t, MPS2));
            for (DevicePopulation.Device d : DevicePopulation.of(kt, MPS2.boot()).devices()) {
                assertThat(out.add(d.bus() + " " + d.name())).as(d.name()).isTrue();
            }
            return out;
        }
    }

    @Test
    void theDevicesAreTheKernels() throws IOException {
        Map<String, Boot> boots = recorded();
        Set<String> a = devices("a");
        // the kernel has devices of its own too (the Fixed MDIO bus): the tree's are among them
        assertThat(boots.get("a").devices).containsAll(a);
        for (String to : List.of("b", "c", "d")) {
            Set<String> kernel = new TreeSet<>(boots.get(to).devices);
            kernel.removeAll(boots.get("a").devices);
            Set<String> model = devices(to);
            model.removeAll(a);
            // every name as of_device_make_bus_id() makes it: addresses, masks, parents' names, untranslatable reg
            assertThat(model).as(to + " - a").isEqualTo(kernel);
        }
        assertThat(devices("c")).contains("platform 50007000.4.dev", "platform dtshrink-bus:thing-1",
                "platform dtshrink-nobus:n@10", "amba 50100000.primecell", "platform dtshrink-bus");
    }

    @Test
    void memblockAllocationsAreTheKernels() throws IOException {
        for (Map.Entry<String, Boot> e : recorded().entrySet()) {
            BootRam p = predicted(e.getKey());
            assertThat(p.memblockAllocations()).as(e.getKey()).isEqualTo(e.getValue().memblock);
            assertThat(p.bytes(RamCategory.UNFLATTEN) + p.bytes(RamCategory.ALIASES)).isEqualTo(p.memblock());
        }
    }

    @Test
    void devicetreeSysfsIsTheKernels() throws IOException {
        for (Map.Entry<String, Boot> e : recorded().entrySet()) {
            // the entries below /sys/firmware/devicetree, and the kset's own directory above them
            assertThat(kernfs(predicted(e.getKey()), RamCategory.SYSFS)).as(e.getKey())
                    .isEqualTo(e.getValue().kernfs(RamCategory.SYSFS) + 1);
        }
    }

    @Test
    void eachCacheChangesAsTheKernelSays() throws IOException {
        Map<String, Boot> boots = recorded();
        Boot a = boots.get("a");
        BootRam pa = predicted("a");
        for (String to : List.of("b", "c", "d")) {
            Boot k = boots.get(to);
            BootRam p = predicted(to);
            List<String> caches = new ArrayList<>(k.slab.keySet());
            for (BootRam.CacheCount c : p.caches()) {
                assertThat(k.slab).as("a cache the kernel does not have: " + c.cache()).containsKey(c.cache());
                assertThat(k.slab.get(c.cache())[1]).as(c.cache() + "'s object size").isEqualTo(c.objectSize());
            }
            for (String cache : caches) {
                long kernel = k.objects(cache) - a.objects(cache);
                long model = objects(p, cache) - objects(pa, cache);
                if (cache.equals("radix_tree_node")) {
                    // kernfs's id tree: the kernel's change is what its live ids need
                    assertThat(kernel).as(to + " - a, " + cache).isEqualTo(k.idNodes - a.idNodes);
                }
                assertThat(model).as(to + " - a, " + cache).isEqualTo(kernel);
            }
        }
    }

    @Test
    void eachCategorysKernfsNodesChangeAsTheKernelSays() throws IOException {
        Map<String, Boot> boots = recorded();
        BootRam pa = predicted("a");
        for (String to : List.of("b", "c", "d")) {
            BootRam p = predicted(to);
            for (RamCategory c : List.of(RamCategory.SYSFS, RamCategory.DEVICES, RamCategory.FW_DEVLINK)) {
                assertThat(kernfs(p, c) - kernfs(pa, c)).as(to + " - a, " + c.key())
                        .isEqualTo(boots.get(to).kernfs(c) - boots.get("a").kernfs(c));
            }
        }
        // the subtree of c makes every category move
        BootRam pc = predicted("c");
        assertThat(pc.counts().deviceLinks()).isPositive();
        assertThat(pc.counts().fwnodeLinks()).isPositive();
        assertThat(pc.counts().ambaDevices()).isGreaterThan(pa.counts().ambaDevices());
    }

    @Test
    void theProfilesKernfsIdsAreBootAsAndTheTreesBlocksAreDtshrinks() throws IOException {
        Map<String, Boot> boots = recorded();
        String profile;
        try (InputStream in = KernelProfiles.class.getResourceAsStream("profiles/linux-6.12-arm-mps2.properties")) {
            profile = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(profile).contains("\nkernfs_ids.reference = " + boots.get("a").idRuns + "\n");
        BootRam pa = predicted("a");
        assertThat(profile).contains("\nkernfs_ids.reference_counts = S " + pa.kernfsIds(KernfsIds.Phase.SYSFS)
                + " P " + pa.kernfsIds(KernfsIds.Phase.POPULATE) + " B " + pa.kernfsIds(KernfsIds.Phase.BIND) + "\n");
        Long unknown = null;
        for (Map.Entry<String, Boot> e : boots.entrySet()) {
            BootRam p = predicted(e.getKey());
            Boot k = e.getValue();
            // /sys/firmware/devicetree and the bound buses' links: every id the tree takes there is alive
            assertThat(k.idRun('S')).as(e.getKey()).isEqualTo(p.kernfsIds(KernfsIds.Phase.SYSFS));
            assertThat(k.idRun('B')).as(e.getKey()).isEqualTo(p.kernfsIds(KernfsIds.Phase.BIND));
            // the devices: dtshrink's ids include each bound bus's waiting_for_supplier, removed again, but not
            // those the drivers of mps2-an385's own devices remove, which it does not know: the same in every boot
            long rest = p.kernfsIds(KernfsIds.Phase.POPULATE) - k.idRun('P') - boundBuses(e.getKey());
            if (unknown == null) {
                unknown = rest;
            }
            assertThat(rest).as(e.getKey()).isEqualTo(unknown);
        }
    }

    /** The devices simple-pm-bus binds. */
    private static long boundBuses(String tree) throws IOException {
        try (InputStream in = BootedKernelFiguresTest.class.getResourceAsStream(DIR + tree + ".dtb")) {
            DeviceTree t = FdtReader.read(in.readAllBytes(), tree + ".dtb");
            KernelTree kt = KernelTree.of(UnflattenCost.compute(t, MPS2));
            return DevicePopulation.of(kt, MPS2.boot()).devices().stream().filter(BootCost::boundBySimplePmBus)
                    .count();
        }
    }

    @Test
    void memFreeChangesByTheFiguresWithinAPage() throws IOException {
        Map<String, Boot> boots = recorded();
        BootRam pa = predicted("a");
        for (String to : List.of("b", "c", "d")) {
            long kernel = (boots.get("a").meminfo.get("MemFree") - boots.get(to).meminfo.get("MemFree")) * 1024;
            long model = predicted(to).total() - pa.total();
            assertThat(Math.abs(kernel - model)).as(to + " - a: MemFree " + kernel + ", dtshrink " + model)
                    .isLessThan(MPS2.pageSize());
        }
    }
}
