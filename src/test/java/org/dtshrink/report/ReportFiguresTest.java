package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.report.ReportTrees.list;
import static org.dtshrink.report.ReportTrees.obj;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.dtshrink.cost.BootCost;
import org.dtshrink.cost.BootRam;
import org.dtshrink.cost.Category;
import org.dtshrink.cost.CostBreakdowns;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.cost.NodeCost;
import org.dtshrink.cost.PropertyCost;
import org.dtshrink.cost.PropertyNameCost;
import org.dtshrink.cost.RamCategory;
import org.dtshrink.cost.SubtreeCost;
import org.dtshrink.cost.UnflattenCost;
import org.dtshrink.json.Json;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Test;

/** Every figure of the text and JSON reports, checked against the cost model on real boards. */
class ReportFiguresTest {

    private static final String NO_PRUNE = "no pruning in this test";
    private static final String NO_FLASH = "no flash table in this test";

    private static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** What the test expects in one column: null for a column that is not available. */
    private record Expected(long unflatten, long tableRam, long dtbInRam, long flash, BootRam boot) {
        long bytes(RamCategory c) {
            return boot == null ? 0 : boot.bytes(c);
        }

        long memblock() {
            return unflatten + bytes(RamCategory.ALIASES) + dtbInRam;
        }

        long slab() {
            return bytes(RamCategory.SYSFS) + bytes(RamCategory.DEVICES) + bytes(RamCategory.FW_DEVLINK);
        }

        long ram() {
            return memblock() + slab() + tableRam;
        }
    }

    private static Expected fromCost(CostResult c, long dtbInRam) {
        return new Expected(c.allocation(), 0, dtbInRam, 0, BootCost.compute(c));
    }

    @Test
    void discoAsIsUnderEveryProfile() throws IOException {
        Path blob = ReportTrees.disco();
        DeviceTree tree = ReportTrees.readBlob(blob);
        long dtb = Files.size(blob);
        ReportInput in = ReportInput.asIs("stm32f469-disco.dtb", tree, dtb, false, NO_PRUNE, NO_FLASH);
        SizeReport report = SizeReport.build(in, KernelProfiles.all(), 10);
        checkAll(report, tree, dtb, null, Map.of());
        // The allocations docs/cost.md records as checked against booting kernels and pahole sizes.
        assertThat(report.profiles().get(0).asIs().unflatten()).isEqualTo(72064);
        assertThat(report.profiles().get(2).asIs().unflatten()).isEqualTo(18924);
    }

    @Test
    void sampleBoardWithTheBlobInFlash() throws IOException {
        DeviceTree tree = ReportTrees.sample();
        long dtb = ReportTrees.blobSize(tree);
        ReportInput in = ReportInput.asIs("stm32f4-mini.dts", tree, dtb, true, NO_PRUNE, NO_FLASH);
        SizeReport report = SizeReport.build(in, List.of(KernelProfiles.find("linux-6.12-arm-tiny"),
                KernelProfiles.find(KernelProfiles.DEFAULT)), 5);
        checkAll(report, tree, 0, null, Map.of());
    }

    @Test
    void discoPrunedAndAsFlashTable() throws IOException {
        Path blob = ReportTrees.disco();
        DeviceTree tree = ReportTrees.readBlob(blob);
        DeviceTree pruned = ReportTrees.readBlob(blob);
        String dsi = "/soc/dsi@40016c00";
        String adc = "/soc/adc@40012000";
        Node gone = pruned.nodeAt(dsi);
        gone.parent().removeChild(gone);
        Node kept = pruned.nodeAt(adc);
        assertThat(kept.property("compatible")).isNotNull();
        kept.properties().remove(kept.property("compatible"));
        long prunedDtb = ReportTrees.blobSize(pruned);
        List<Removal> removals = List.of(new Removal(dsi, null, "no driver for st,stm32-dsi"),
                new Removal(adc, "compatible", "a test removal whose reason is long enough to need wrapping in"
                        + " the text report, so that it shows the wrapping keeps to eighty columns"));
        Map<String, FlashTable> flash = new HashMap<>();
        for (KernelProfile p : KernelProfiles.all()) {
            flash.put(p.name(), new FlashTable(1000 + p.nodeSize(), 50_000 + p.propertySize(), 4321));
        }
        ReportInput in = new ReportInput("stm32f469-disco.dtb", tree, Files.size(blob), false,
                new PrunedTree(pruned, prunedDtb, removals), null, flash, null);
        SizeReport report = SizeReport.build(in, KernelProfiles.all(), 10);
        checkAll(report, tree, Files.size(blob), new PrunedTree(pruned, prunedDtb, removals), flash);

        ProfileReport stm32 = report.profiles().get(0);
        CostResult asIs = UnflattenCost.compute(tree, stm32.profile());
        BootRam boot = BootCost.compute(asIs);
        long dsiBytes = 0;
        for (SubtreeCost s : CostBreakdowns.subtrees(asIs, boot)) {
            if (s.root().path().equals(dsi)) {
                dsiBytes = s.bytes();
            }
        }
        assertThat(dsiBytes).isPositive();
        assertThat(stm32.removals().get(0).bytes()).isEqualTo(dsiBytes);
        // The removed compatible cost one struct property and the padding before it (under 4, the alignment), and
        // its file in /sys/firmware/devicetree: a kernfs node, two copies of "compatible" at the smallest kmalloc
        // and its share of kernfs's tree of ids.
        long sysfsFile = boot.nodePropertyBytes(tree.nodeAt(adc), "compatible");
        assertThat(sysfsFile).isBetween(88L + 2 * 32, 88L + 2 * 32 + 104);
        assertThat(stm32.removals().get(1).bytes() - sysfsFile).isBetween((long) stm32.profile().propertySize(),
                stm32.profile().propertySize() + 3L);
        String text = TextReportWriter.write(report);
        assertThat(text).contains("  " + dsi + " ".repeat(80 - 14 - dsi.length()) + String.format("%12s",
                n(dsiBytes)) + "\n      no driver for st,stm32-dsi\n");
    }

    private static void checkAll(SizeReport report, DeviceTree tree, long dtbInRam, PrunedTree pruned,
            Map<String, FlashTable> flash) throws IOException {
        String json = JsonReportWriter.write(report);
        Object doc = Json.read("report.json", json);
        assertThat(ReportTrees.schema().validate(doc)).isEmpty();
        Map<String, Object> root = obj(doc);
        assertThat(root.keySet()).containsExactly("schema", "file", "dtb_size", "dtb_in_flash", "pruned_dtb_size",
                "top", "profiles");
        assertThat(root.get("schema")).isEqualTo("dtshrink-report/2");
        assertThat(root.get("dtb_size")).isEqualTo(report.input().dtbSize());
        assertThat(root.get("pruned_dtb_size")).isEqualTo(pruned == null ? null : pruned.dtbSize());
        String text = TextReportWriter.write(report);
        for (String line : text.split("\n")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
        }
        List<Object> profiles = list(root.get("profiles"));
        assertThat(profiles).hasSize(report.profiles().size());
        for (int i = 0; i < profiles.size(); i++) {
            KernelProfile p = report.profiles().get(i).profile();
            checkProfile(obj(profiles.get(i)), section(text, p.name()), p, tree, dtbInRam, pruned, flash,
                    report.top());
        }
        if (profiles.size() > 1) {
            for (ProfileReport pr : report.profiles()) {
                assertRow(text, "  " + pr.profile().name(), n(pr.asIs().ram()),
                        pruned == null ? "n/a" : n(pr.column(Column.PRUNED).ram()),
                        flash.isEmpty() ? "n/a" : n(pr.column(Column.FLASH_TABLE).ram()));
            }
        }
    }

    /** The text of one profile's part of the report: from its title line to the next profile's. */
    private static String section(String text, String profile) {
        int start = text.indexOf("\n\n" + profile + ": ");
        assertThat(start).as(profile).isNotNegative();
        int end = text.length();
        for (KernelProfile other : KernelProfiles.all()) {
            int at = text.indexOf("\n\n" + other.name() + ": ", start + 2);
            if (at > 0 && at < end) {
                end = at;
            }
        }
        return text.substring(start, end);
    }

    private static void checkProfile(Map<String, Object> jp, String text, KernelProfile p, DeviceTree tree,
            long dtbInRam, PrunedTree pruned, Map<String, FlashTable> flash, int top) {
        CostResult asIs = UnflattenCost.compute(tree, p);
        CostResult pc = pruned == null ? null : UnflattenCost.compute(pruned.tree(), p);
        assertThat(jp.get("name")).isEqualTo(p.name());
        assertThat(jp.get("page_size")).isEqualTo((long) p.pageSize());

        Expected a = fromCost(asIs, dtbInRam);
        Expected pr = pc == null ? null : fromCost(pc, dtbInRam == 0 ? 0 : pruned.dtbSize());
        FlashTable ft = flash.get(p.name());
        Expected fl = ft == null ? null
                : new Expected(0, ft.ramBytes(), dtbInRam == 0 ? 0 : ft.bootDtbSize(), ft.flashBytes(),
                        BootCost.compute(pc != null ? pc : asIs, true));
        BootRam boot = a.boot;
        BootRam prunedBoot = pr == null ? null : pr.boot;
        assertThat(jp.get("boot")).isEqualTo(p.hasBoot());
        assertThat(boot != null).isEqualTo(p.hasBoot());
        Map<String, Object> columns = obj(jp.get("columns"));
        checkColumn(obj(columns.get("as_is")), a, a, p, NO_PRUNE);
        checkColumn(obj(columns.get("pruned")), pr, a, p, NO_PRUNE);
        checkColumn(obj(columns.get("flash_table")), fl, a, p, NO_FLASH);

        // Text: the column table, each row with the three cells.
        assertRow(text, "  unflatten allocation", n(a.unflatten), pr == null ? "n/a" : n(pr.unflatten),
                fl == null ? "n/a" : "-");
        assertRow(text, "  static table RAM (.data)", "-", pr == null ? "n/a" : "-",
                fl == null ? "n/a" : n(fl.tableRam));
        assertRow(text, "  DTB kept in RAM", n(a.dtbInRam), pr == null ? "n/a" : n(pr.dtbInRam),
                fl == null ? "n/a" : n(fl.dtbInRam));
        if (boot != null) {
            assertRow(text, "  alias table", n(a.bytes(RamCategory.ALIASES)),
                    pr == null ? "n/a" : n(pr.bytes(RamCategory.ALIASES)),
                    fl == null ? "n/a" : n(fl.bytes(RamCategory.ALIASES)));
            assertRow(text, "  memblock (reserved)", n(a.memblock()), pr == null ? "n/a" : n(pr.memblock()),
                    fl == null ? "n/a" : n(fl.memblock()));
            for (RamCategory c : List.of(RamCategory.SYSFS, RamCategory.DEVICES, RamCategory.FW_DEVLINK)) {
                assertRow(text, "  " + c.label(), n(a.bytes(c)), pr == null ? "n/a" : n(pr.bytes(c)),
                        fl == null ? "n/a" : n(fl.bytes(c)));
            }
            assertRow(text, "  slab", n(a.slab()), pr == null ? "n/a" : n(pr.slab()),
                    fl == null ? "n/a" : n(fl.slab()));
            // The slab categories are the slab caches' objects, each at its object size.
            long slab = 0;
            for (BootRam.CacheCount cc : boot.caches()) {
                slab += cc.objects() * cc.objectSize();
            }
            assertThat(slab).isEqualTo(a.slab());
        } else {
            assertThat(text).doesNotContain("  memblock (reserved)").contains("This profile has no boot figures");
        }
        assertRow(text, "  RAM total", n(a.ram()), pr == null ? "n/a" : n(pr.ram()),
                fl == null ? "n/a" : n(fl.ram()));
        assertRow(text, "  4 KiB pages", n(pages(a.ram())), pr == null ? "n/a" : n(pages(pr.ram())),
                fl == null ? "n/a" : n(pages(fl.ram())));
        assertRow(text, "  saved", "-", pr == null ? "n/a" : n(a.ram() - pr.ram()),
                fl == null ? "n/a" : n(a.ram() - fl.ram()));
        assertRow(text, "  saved %", "-", pr == null ? "n/a" : percent(a.ram() - pr.ram(), a.ram()) + "%",
                fl == null ? "n/a" : percent(a.ram() - fl.ram(), a.ram()) + "%");
        assertRow(text, "  static table flash (.rodata)", "-", pr == null ? "n/a" : "-",
                fl == null ? "n/a" : n(fl.flash));

        // Categories add up to the allocation, in JSON and in text with their shares.
        List<Object> cats = list(jp.get("categories"));
        assertThat(cats).hasSize(Category.values().length);
        long sum = 0;
        for (int i = 0; i < cats.size(); i++) {
            Category c = Category.values()[i];
            Map<String, Object> row = obj(cats.get(i));
            assertThat(row.get("category")).isEqualTo(c.key());
            assertThat(row.get("as_is")).isEqualTo(asIs.bytes(c));
            assertThat(row.get("pruned")).isEqualTo(pc == null ? null : pc.bytes(c));
            sum += asIs.bytes(c);
            assertRow(text, "  " + c.label(), n(asIs.bytes(c)), percent(asIs.bytes(c), asIs.allocation()) + "%",
                    pc == null ? "n/a" : n(pc.bytes(c)),
                    pc == null ? null : percent(pc.bytes(c), pc.allocation()) + "%");
        }
        assertThat(sum).isEqualTo(asIs.allocation());

        // Largest subtrees: the cost model's, with the pruned tree's bytes at the same path.
        Map<String, Long> prunedSubtrees = new HashMap<>();
        if (pc != null) {
            for (SubtreeCost s : CostBreakdowns.subtrees(pc, prunedBoot)) {
                prunedSubtrees.put(s.root().path(), s.bytes());
            }
        }
        List<SubtreeCost> expectedTop = CostBreakdowns.topSubtrees(asIs, boot, top);
        List<Object> largest = list(jp.get("largest_subtrees"));
        assertThat(largest).hasSize(expectedTop.size());
        for (int i = 0; i < largest.size(); i++) {
            SubtreeCost s = expectedTop.get(i);
            Long prunedBytes = pc == null ? null : prunedSubtrees.getOrDefault(s.root().path(), 0L);
            assertThat(obj(largest.get(i))).containsExactly(Map.entry("path", s.root().path()),
                    Map.entry("nodes", (long) s.nodes()), Map.entry("as_is", s.bytes()),
                    entry("pruned", prunedBytes));
            assertRow(text, "  " + TextReportWriter.leftFit(s.root().path(), 44), n(s.nodes()), n(s.bytes()),
                    prunedBytes == null ? "n/a" : n(prunedBytes));
        }

        // Top-level subtrees in blob order: with the root's own bytes and the tail they make the allocation.
        List<Object> topLevel = list(jp.get("top_level_subtrees"));
        List<String> paths = new ArrayList<>();
        long total = 0;
        for (Object o : topLevel) {
            paths.add((String) obj(o).get("path"));
            total += (Long) obj(o).get("as_is");
        }
        List<String> expectedPaths = new ArrayList<>();
        for (Node c : tree.root().children()) {
            expectedPaths.add("/" + c.name());
        }
        assertThat(paths).isEqualTo(expectedPaths);
        // With boot figures every byte but the allocation's tail belongs to a node, so the same holds for all the
        // RAM (the blob aside).
        NodeCost root = asIs.nodes().get(0);
        long rootBytes = boot == null ? root.bytes() : boot.nodeBytes(root.node());
        assertThat(total + rootBytes + asIs.tailPadding() + asIs.bytes(Category.END_MARKER))
                .isEqualTo(a.ram() - a.dtbInRam);

        // Property names.
        List<PropertyNameCost> byName = CostBreakdowns.byProperty(asIs, boot);
        Map<String, Long> prunedNames = new HashMap<>();
        if (pc != null) {
            for (PropertyNameCost c : CostBreakdowns.byProperty(pc, prunedBoot)) {
                prunedNames.put(c.synthesized() + c.name(), c.bytes());
            }
        }
        List<Object> names = list(jp.get("property_names"));
        assertThat(names).hasSize(Math.min(top, byName.size()));
        for (int i = 0; i < names.size(); i++) {
            PropertyNameCost c = byName.get(i);
            Long prunedBytes = pc == null ? null : prunedNames.getOrDefault(c.synthesized() + c.name(), 0L);
            assertThat(obj(names.get(i))).containsExactly(Map.entry("name", c.name()),
                    Map.entry("synthesized", c.synthesized()), Map.entry("count", (long) c.count()),
                    Map.entry("as_is", c.bytes()), entry("pruned", prunedBytes));
            assertRow(text, "  " + (c.synthesized() ? "name (made up by the kernel)" : c.name()), n(c.count()),
                    n(c.bytes()), prunedBytes == null ? "n/a" : n(prunedBytes));
        }

        // Removals: each with the bytes it cost as is.
        if (pruned == null) {
            assertThat(jp.get("removals")).isNull();
            assertThat(text).contains("What pruning removed: not available: " + NO_PRUNE);
        } else {
            List<Object> rem = list(jp.get("removals"));
            assertThat(rem).hasSize(pruned.removals().size());
            for (int i = 0; i < rem.size(); i++) {
                Removal r = pruned.removals().get(i);
                Map<String, Object> row = obj(rem.get(i));
                assertThat(row.get("path")).isEqualTo(r.nodePath());
                assertThat(row.get("property")).isEqualTo(r.property());
                assertThat(row.get("reason")).isEqualTo(r.reason());
                assertThat(row.get("bytes")).isEqualTo(removalBytes(asIs, boot, r));
                assertRow(text, "  " + r.what(), n(removalBytes(asIs, boot, r)));
            }
        }
    }

    private static Map.Entry<String, Object> entry(String k, Object v) {
        return new java.util.AbstractMap.SimpleEntry<>(k, v);
    }

    private static long removalBytes(CostResult asIs, BootRam boot, Removal r) {
        if (r.isNode()) {
            for (SubtreeCost s : CostBreakdowns.subtrees(asIs, boot)) {
                if (s.root().path().equals(r.nodePath())) {
                    return s.bytes();
                }
            }
            return 0;
        }
        for (NodeCost nc : asIs.nodes()) {
            if (nc.path().equals(r.nodePath())) {
                for (PropertyCost pc : nc.properties()) {
                    if (pc.name().equals(r.property()) && !pc.synthesized()) {
                        return pc.bytes() + (boot == null ? 0 : boot.nodePropertyBytes(nc.node(), r.property()));
                    }
                }
            }
        }
        return 0;
    }

    private static void checkColumn(Map<String, Object> c, Expected e, Expected asIs, KernelProfile p,
            String reason) {
        if (e == null) {
            assertThat(c).containsExactly(Map.entry("available", false), Map.entry("reason", reason));
            return;
        }
        assertThat(c.get("available")).isEqualTo(true);
        assertThat(c.get("unflatten")).isEqualTo(e.unflatten);
        assertThat(c.get("table_ram")).isEqualTo(e.tableRam);
        assertThat(c.get("dtb_in_ram")).isEqualTo(e.dtbInRam);
        assertThat(c.get("aliases")).isEqualTo(e.bytes(RamCategory.ALIASES));
        assertThat(c.get("memblock")).isEqualTo(e.memblock());
        assertThat(c.get("sysfs")).isEqualTo(e.bytes(RamCategory.SYSFS));
        assertThat(c.get("devices")).isEqualTo(e.bytes(RamCategory.DEVICES));
        assertThat(c.get("fw_devlink")).isEqualTo(e.bytes(RamCategory.FW_DEVLINK));
        assertThat(c.get("slab")).isEqualTo(e.slab());
        assertThat(c.get("ram")).isEqualTo(e.ram());
        assertThat(c.get("pages")).isEqualTo((e.ram() + p.pageSize() - 1) / p.pageSize());
        assertThat(c.get("flash")).isEqualTo(e.flash);
        assertThat(c.get("saved")).isEqualTo(asIs.ram() - e.ram());
        assertThat(c.get("saved_percent")).isEqualTo(new BigDecimal(percent(asIs.ram() - e.ram(), asIs.ram())));
    }

    private static long pages(long bytes) {
        return (bytes + 4095) / 4096;
    }

    /** One decimal, half up, by BigDecimal rather than the report's own arithmetic. */
    private static String percent(long part, long whole) {
        return new BigDecimal(part).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(whole), 1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A line that is the label, then the cells right-aligned and separated by spaces (null cells skipped). */
    private static void assertRow(String text, String label, String... cells) {
        StringBuilder re = new StringBuilder("(?m)^").append(Pattern.quote(label));
        for (String c : cells) {
            if (c != null) {
                re.append(" +").append(Pattern.quote(c));
            }
        }
        re.append("$");
        assertThat(Pattern.compile(re.toString()).matcher(text).find()).as("a line %s %s in%n%s", label,
                java.util.Arrays.asList(cells), text).isTrue();
    }
}
