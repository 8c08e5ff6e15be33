package org.dtshrink.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.report.ReportTrees.list;
import static org.dtshrink.report.ReportTrees.obj;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.json.Json;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports in headless Chromium (Debian's {@code chromium}): no console message, nothing loaded from
 * anywhere, every figure of the rendered tables equal to the JSON report's, the hover text working, and a
 * screenshot (kept in target/report-screenshots/ to look at). Skipped when chromium is not installed.
 */
class HtmlReportChromiumTest {

    private static final Pattern CELL = Pattern.compile("<td[^>]*data-key=\"([^\"]*)\"[^>]*>([^<]*)</td>");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsChromium() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "chromium"));
        }
        Assumptions.assumeTrue(found, "chromium is not on PATH");
    }

    private record Browser(int code, String out, String err) {
    }

    private Browser chromium(Path page, String... mode) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
                "--window-size=1000,1400"));
        cmd.addAll(List.of(mode));
        cmd.add(page.toUri().toString());
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s");
        }
        return new Browser(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void noConsoleMessages(Browser b) {
        List<String> console = new ArrayList<>();
        for (String line : b.err().split("\n")) {
            if (line.contains(":CONSOLE") || line.contains("Uncaught")) {
                console.add(line);
            }
        }
        assertThat(console).as("console messages").isEmpty();
    }

    @Test
    void discoAsIsUnderEveryProfile() throws Exception {
        Path blob = ReportTrees.disco();
        DeviceTree tree = ReportTrees.readBlob(blob);
        SizeReport report = SizeReport.build(ReportInput.asIs("stm32f469-disco.dtb", tree, Files.size(blob), false,
                "pruning did not run", "the emitter did not run"), KernelProfiles.all(), 10);
        Path page = check(report, "stm32f469-disco");

        Browser shot = chromium(page, "--screenshot=" + tmp.resolve("shot.png"));
        assertThat(shot.code()).isZero();
        noConsoleMessages(shot);
        byte[] png = Files.readAllBytes(tmp.resolve("shot.png"));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(readInt(png, 16)).isEqualTo(1000);
        assertThat(readInt(png, 20)).isEqualTo(1400);
        // A page of tables and a coloured treemap compresses far worse than a blank or error page.
        assertThat(png.length).isGreaterThan(40_000);
        Path keep = Path.of("target/report-screenshots");
        Files.createDirectories(keep);
        Files.write(keep.resolve("stm32f469-disco.png"), png);
    }

    @Test
    void discoPrunedWithAFlashTable() throws Exception {
        Path blob = ReportTrees.disco();
        DeviceTree tree = ReportTrees.readBlob(blob);
        DeviceTree pruned = ReportTrees.readBlob(blob);
        List<Removal> removals = new ArrayList<>();
        for (String path : List.of("/soc/dsi@40016c00", "/soc/pinctrl@40020000/fmc-0", "/soc/can@40006400")) {
            Node n = pruned.nodeAt(path);
            if (n != null) {
                n.parent().removeChild(n);
                removals.add(new Removal(path, null, "a test removal of <" + path + "> & its subtree"));
            }
        }
        assertThat(removals).isNotEmpty();
        Map<String, FlashTable> flash = new HashMap<>();
        for (KernelProfile p : KernelProfiles.all()) {
            flash.put(p.name(), new FlashTable(9_000 + p.nodeSize(), 61_000, 2_345));
        }
        SizeReport report = SizeReport.build(new ReportInput("stm32f469-disco.dtb", tree, Files.size(blob), false,
                new PrunedTree(pruned, ReportTrees.blobSize(pruned), removals), null, flash, null),
                List.of(KernelProfiles.find(KernelProfiles.DEFAULT), KernelProfiles.find("linux-6.12-arm-tiny")), 8);
        Path page = check(report, "stm32f469-disco-pruned");
        screenshot(page, "stm32f469-disco-pruned");
    }

    /** The report the command makes for disco pruned against Linux 6.12 stm32_defconfig: real removals and tables. */
    @Test
    void discoPrunedAgainstAKernelWithItsFlashTables() throws Exception {
        Path blob = ReportTrees.disco();
        DeviceTree tree = ReportTrees.readBlob(blob);
        DeviceTree pruned = ReportTrees.readBlob(blob);
        org.dtshrink.usage.UsageSet usage = org.dtshrink.usage.CoreUsage.load();
        usage.addAll(org.dtshrink.usage.UsageFile.read(Path.of("dts-samples/linux-6.12-stm32_defconfig.usage")));
        List<Removal> removals = new ArrayList<>();
        for (org.dtshrink.prune.Removal r : org.dtshrink.prune.Pruner.pruneVerified(pruned, usage, false).removals()) {
            removals.add(new Removal(r.nodePath(), r.property(), r.reason()));
        }
        assertThat(removals).hasSize(40);
        long boot = ReportTrees.blobSize(org.dtshrink.emit.BootDtb.of(pruned));
        Map<String, FlashTable> flash = new HashMap<>();
        List<KernelProfile> profiles = KernelProfiles.all();
        for (KernelProfile p : profiles) {
            org.dtshrink.emit.StaticTable t = new org.dtshrink.emit.StaticTable(
                    org.dtshrink.emit.UnflattenedTree.of(pruned, p, blob.toString()));
            flash.put(p.name(), new FlashTable(t.ramBytes(), t.flashBytes(), boot));
        }
        SizeReport report = SizeReport.build(new ReportInput("stm32f469-disco.dtb", tree, Files.size(blob), false,
                new PrunedTree(pruned, ReportTrees.blobSize(pruned), removals), null, flash, null), profiles, 10);
        Path page = check(report, "stm32f469-disco-kernel");
        screenshot(page, "stm32f469-disco-kernel");
    }

    /** A screenshot of the page with no console message, kept in target/report-screenshots/ to look at. */
    private void screenshot(Path page, String name) throws Exception {
        Browser shot = chromium(page, "--screenshot=" + tmp.resolve("shot.png"));
        assertThat(shot.code()).isZero();
        noConsoleMessages(shot);
        Files.createDirectories(Path.of("target/report-screenshots"));
        Files.copy(tmp.resolve("shot.png"), Path.of("target/report-screenshots/" + name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theConsoleCheckSeesAnError() throws Exception {
        Path page = tmp.resolve("broken.html");
        Files.writeString(page, "<!DOCTYPE html><html><body><p>x</p><script>null.f();</script></body></html>");
        Browser b = chromium(page, "--dump-dom");
        assertThat(b.err()).contains("Uncaught TypeError");
        assertThat(b.err()).contains(":CONSOLE");
    }

    /** Writes the page, checks it loads nothing, renders the JSON's figures and answers hovering. */
    private Path check(SizeReport report, String name) throws Exception {
        String html = HtmlReportWriter.write(report);
        assertThat(html).doesNotContainIgnoringCase("http:").doesNotContainIgnoringCase("https:")
                .doesNotContainIgnoringCase("<link").doesNotContainIgnoringCase(" src=")
                .doesNotContainIgnoringCase("url(").doesNotContainIgnoringCase("@import")
                .doesNotContainIgnoringCase("@font-face");
        Path page = tmp.resolve(name + ".html");
        // A copy that points at the second rectangle of the first treemap once loaded, to test the hover script.
        Pattern rect = Pattern.compile("<rect [^>]*data-path=\"([^\"]*)\" data-bytes=\"([^\"]*)\"");
        Matcher first = rect.matcher(html);
        assertThat(first.find() && first.find()).isTrue();
        String hover = html.replace("</body>", "<script>document.querySelectorAll('svg.treemap rect')[1]"
                + ".dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));</script>\n</body>");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        Path hoverPage = tmp.resolve(name + "-hover.html");
        Files.writeString(hoverPage, hover, StandardCharsets.UTF_8);

        Browser dom = chromium(hoverPage, "--dump-dom");
        assertThat(dom.code()).isZero();
        noConsoleMessages(dom);
        assertThat(dom.out()).contains("id=\"info-0\">" + first.group(1) + ": " + first.group(2) + " bytes (");

        Browser plain = chromium(page, "--dump-dom");
        assertThat(plain.code()).isZero();
        noConsoleMessages(plain);
        Map<String, String> cells = new LinkedHashMap<>();
        Matcher m = CELL.matcher(plain.out());
        while (m.find()) {
            assertThat(cells.put(m.group(1), unescape(m.group(2)))).as("key %s once", m.group(1)).isNull();
        }
        Map<String, String> expected = expectedCells(Json.read("report.json", JsonReportWriter.write(report)));
        assertThat(cells).isEqualTo(expected);
        return page;
    }

    /** Every figure the page's tables must show, by data-key, as the JSON report gives it. */
    private static Map<String, String> expectedCells(Object json) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object po : list(obj(json).get("profiles"))) {
            Map<String, Object> p = obj(po);
            String name = (String) p.get("name");
            Map<String, Object> columns = obj(p.get("columns"));
            List<String> fields = new java.util.ArrayList<>(List.of("unflatten", "table_ram", "dtb_in_ram", "ram",
                    "pages", "saved", "saved_percent", "flash"));
            if (Boolean.TRUE.equals(p.get("boot"))) {
                // the boot rows are shown only for profiles with boot figures
                fields.addAll(List.of("aliases", "memblock", "sysfs", "devices", "fw_devlink", "slab"));
            }
            for (String field : fields) {
                for (String col : List.of("as_is", "pruned", "flash_table")) {
                    Map<String, Object> c = obj(columns.get(col));
                    String key = name + "/columns/" + col + "/" + field;
                    if (!Boolean.TRUE.equals(c.get("available"))) {
                        out.put(key, "n/a");
                    } else if (notApplicable(col, field)) {
                        assertThat(c.get(field)).as(key).isIn(0L, BigDecimal.valueOf(0, 1));
                        out.put(key, "-");
                    } else if (field.equals("saved_percent")) {
                        out.put(key, ((BigDecimal) c.get(field)).toPlainString() + "%");
                    } else {
                        out.put(key, n(c.get(field)));
                    }
                }
            }
            for (Object co : list(p.get("categories"))) {
                Map<String, Object> c = obj(co);
                String key = name + "/categories/" + c.get("category") + "/";
                out.put(key + "as_is", n(c.get("as_is")));
                out.put(key + "pruned", n(c.get("pruned")));
            }
            rows(out, name + "/slab_caches/", list(p.get("slab_caches")), List.of("cache", "object_size", "as_is",
                    "pruned", "flash_table"));
            rows(out, name + "/largest_subtrees/", list(p.get("largest_subtrees")), List.of("path", "nodes", "as_is",
                    "pruned"));
            List<Object> names = list(p.get("property_names"));
            rows(out, name + "/property_names/", names, List.of("name", "count", "as_is", "pruned"));
            for (int i = 0; i < names.size(); i++) {
                if (Boolean.TRUE.equals(obj(names.get(i)).get("synthesized"))) {
                    out.put(name + "/property_names/" + i + "/name", "name (made up by the kernel)");
                }
            }
            if (p.get("removals") != null) {
                rows(out, name + "/removals/", list(p.get("removals")), List.of("path", "property", "bytes",
                        "reason"));
            }
        }
        return out;
    }

    private static boolean notApplicable(String col, String field) {
        return switch (field) {
            case "unflatten" -> col.equals("flash_table");
            case "table_ram", "flash" -> !col.equals("flash_table");
            case "saved", "saved_percent" -> col.equals("as_is");
            default -> false;
        };
    }

    private static void rows(Map<String, String> out, String prefix, List<Object> rows, List<String> fields) {
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> r = obj(rows.get(i));
            for (String f : fields) {
                Object v = r.get(f);
                out.put(prefix + i + "/" + f, v == null && f.equals("property") ? "" : n(v));
            }
        }
    }

    private static String n(Object v) {
        if (v == null) {
            return "n/a";
        }
        if (v instanceof Long l) {
            return String.format(Locale.ROOT, "%,d", l);
        }
        return v.toString();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }
}
