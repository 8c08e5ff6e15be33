package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    private static final String SAMPLE = "dts-samples/stm32f4-mini.dts";
    /** 27 characters: with its 4-byte value the blob grows by 12 + 4 + 28 bytes, the allocation by 56. */
    private static final String GROWTH = "\tdtshrink,growth-test-abcdef = <1>;\n";

    /** The sample board with one more property in the root node. */
    private static Path grown(Path dir) throws IOException {
        String src = Files.readString(Path.of(SAMPLE), StandardCharsets.UTF_8);
        String marker = "/ {\n";
        assertThat(GROWTH.strip().split(" ")[0]).hasSize(27);
        Path p = dir.resolve("grown.dts");
        Files.writeString(p, src.replaceFirst("(?m)^/ \\{\n", "/ {\n" + GROWTH.replace("\\", "\\\\")),
                StandardCharsets.UTF_8);
        assertThat(Files.readString(p)).contains(marker + GROWTH);
        return p;
    }

    @Test
    void textReportOfTheSampleBoard() {
        CliRun r = run("report", SAMPLE);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("dts-samples/stm32f4-mini.dts: DTB ");
        assertThat(r.out()).contains("\nlinux-6.12-arm-stm32: ");
        assertThat(r.out()).contains("  pruned: not available: say what the kernel reads with --usage FILE,");
        assertThat(r.out()).doesNotContain("flash table: not available");
    }

    private static final String USAGE = "dts-samples/linux-6.12-stm32_defconfig.usage";

    private static long figure(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.MULTILINE)
                .matcher(text);
        assertThat(m.find()).as(regex + " in\n" + text).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    /** The pruned column is what prune writes, the flash-table column what emit-c builds from that blob. */
    @Test
    void prunedAndFlashColumnsAreWhatPruneAndEmitMake(@TempDir Path dir) {
        for (String profile : new String[] {"linux-6.12-arm-stm32", "linux-6.12-arm-tiny", "linux-4.13-arm-stm32"}) {
            CliRun report = run("report", SAMPLE, "--usage", USAGE, "--profile", profile);
            assertThat(report.code()).as(report.err()).isZero();
            assertThat(report.out()).doesNotContain("not available");
            Path pruned = dir.resolve(profile + ".dtb");
            CliRun prune = run("prune", SAMPLE, "--usage", USAGE, "--profile", profile, "-o", pruned.toString());
            assertThat(prune.code()).as(prune.err()).isZero();
            CliRun sizes = run("emit-c", pruned.toString(), "--sizes", "--profile", profile);
            assertThat(sizes.code()).as(sizes.err()).isZero();

            long prunedBlob = figure(prune.out(), "^blob: \\d+ -> (\\d+) bytes");
            long prunedAlloc = figure(prune.out(), "^" + profile + ": unflattened tree \\d+ -> (\\d+) bytes");
            long tableRam = figure(sizes.out(), "^  table RAM +(\\d+) bytes");
            long tableFlash = figure(sizes.out(), "^  table flash +(\\d+) bytes");
            long bootDtb = figure(sizes.out(), "^  boot DTB +(\\d+) bytes");
            assertThat(figure(report.out(), "^  unflatten allocation +[0-9,]+ +([0-9,]+) +-$")).isEqualTo(prunedAlloc);
            assertThat(figure(report.out(), "^  DTB kept in RAM +[0-9,]+ +([0-9,]+) ")).isEqualTo(prunedBlob);
            assertThat(figure(report.out(), "^  static table RAM \\(.data\\) +- +- +([0-9,]+)$")).isEqualTo(tableRam);
            assertThat(figure(report.out(), "^  static table flash \\(.rodata\\) +- +- +([0-9,]+)$"))
                    .isEqualTo(tableFlash);
            assertThat(figure(report.out(), "^  DTB kept in RAM +[0-9,]+ +[0-9,]+ +([0-9,]+)$")).isEqualTo(bootDtb);
            if (profile.equals("linux-4.13-arm-stm32")) {
                // no boot figures: the table's RAM and the boot blob are all of it
                assertThat(figure(report.out(), "^  RAM total +[0-9,]+ +[0-9,]+ +([0-9,]+)$"))
                        .isEqualTo(tableRam + bootDtb);
            } else {
                // the table's RAM, the boot blob and the alias table (memblock), and the slab boot still spends
                long aliases = figure(report.out(), "^  alias table +[0-9,]+ +[0-9,]+ +([0-9,]+)$");
                long slab = figure(report.out(), "^  slab +[0-9,]+ +[0-9,]+ +([0-9,]+)$");
                assertThat(figure(report.out(), "^  memblock \\(reserved\\) +[0-9,]+ +[0-9,]+ +([0-9,]+)$"))
                        .isEqualTo(aliases + bootDtb);
                assertThat(figure(report.out(), "^  RAM total +[0-9,]+ +[0-9,]+ +([0-9,]+)$"))
                        .isEqualTo(tableRam + bootDtb + aliases + slab);
            }
        }
    }

    @Test
    void theFlashTableIsRefusedWhereTheKernelWouldMisbehave() {
        // Under tiny, a failed first node with a child leaves the kernel an unset nps[] entry to link it under.
        CliRun r = run("report", "src/test/resources/report/skipped-parent.dts", "--profile", "linux-6.12-arm-tiny");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("flash table: not available: ");
    }

    @Test
    void jsonAndHtmlToFiles(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        Path html = dir.resolve("r.html");
        assertThat(run("report", SAMPLE, "--format", "json", "-o", json.toString()).code()).isZero();
        assertThat(run("report", SAMPLE, "--format", "html", "-o", html.toString()).code()).isZero();
        assertThat(Files.readString(json)).startsWith("{\n  \"schema\": \"dtshrink-report/2\",\n");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>\n").contains("<svg class=\"treemap\"")
                .endsWith("</html>\n");
    }

    @Test
    void aPropertyOfGrowthFailsTheCheck(@TempDir Path dir) throws IOException {
        Path grown = grown(dir);
        CliRun r = run("report", "--compare", SAMPLE, grown.toString());
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        // As is: the struct property (56) and 44 bytes of blob (a 12-byte header, a 4-byte value, the 28-byte name
        // in the strings block), plus its file in /sys/firmware/devicetree: a kernfs node (88) and two copies of
        // the 27-character name at kmalloc-32. kernfs's id tree does not cross a step here.
        assertThat(r.out()).containsPattern("(?m)^  as is RAM +[0-9,]+ +[0-9,]+ +\\+252$");
        // In the table the property struct, its name and its value are flash, and sysfs copies no name in .rodata:
        // only the kernfs node (88) is RAM.
        assertThat(r.out()).endsWith("RAM grew by more than 0 bytes:\n  linux-6.12-arm-stm32, as is: +252 bytes\n"
                + "  linux-6.12-arm-stm32, flash table: +88 bytes\n");
        assertThat(run("report", "--compare", SAMPLE, grown.toString(), "--max-growth", "251").code()).isEqualTo(1);
        assertThat(run("report", "--compare", SAMPLE, grown.toString(), "--max-growth", "252").code()).isZero();
        // Shrinking is never a failure.
        assertThat(run("report", "--compare", grown.toString(), SAMPLE).code()).isZero();
    }

    @Test
    void equalInputsPass() {
        CliRun r = run("report", "--compare", SAMPLE, SAMPLE, "--all-profiles");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("  as is RAM ");
        assertThat(r.out()).endsWith("RAM did not grow by more than 0 bytes\n");
    }

    @Test
    void storedJsonReportsCompareLikeInputs(@TempDir Path dir) throws IOException {
        Path old = dir.resolve("old.json");
        assertThat(run("report", SAMPLE, "--format", "json", "-o", old.toString()).code()).isZero();
        Path grown = grown(dir);
        Path neu = dir.resolve("new.json");
        assertThat(run("report", grown.toString(), "--format", "json", "-o", neu.toString()).code()).isZero();
        CliRun fromJson = run("report", "--compare", old.toString(), neu.toString());
        assertThat(fromJson.code()).isEqualTo(1);
        assertThat(fromJson.out()).contains("as is: +252 bytes");
        // The grown property sits in the root node, so no top-level subtree changed.
        assertThat(fromJson.out()).contains("  top-level subtrees (as is): no change\n");
        CliRun mixed = run("report", "--compare", old.toString(), SAMPLE);
        assertThat(mixed.code()).isZero();
    }

    @Test
    void aBlobComparedWithItsOwnSourceOfADifferentBoard() {
        Corpus.assumePresent();
        String dir = Corpus.root().resolve("kernel/arch/arm/boot/dts/st/").toString();
        CliRun r = run("report", "--compare", dir + "/stm32f429-disco.dtb", dir + "/stm32f469-disco.dtb",
                "--profile", "linux-6.12-arm-tiny");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("\nlinux-6.12-arm-tiny ");
        assertThat(r.out()).contains("    /soc ");
    }

    @Test
    void badUsageAndBadReports(@TempDir Path dir) throws IOException {
        assertThat(run("report", SAMPLE, SAMPLE).code()).isEqualTo(2);
        assertThat(run("report", "--compare", SAMPLE).code()).isEqualTo(2);
        assertThat(run("report", SAMPLE, "--top", "-1").code()).isEqualTo(2);
        assertThat(run("report", "--compare", SAMPLE, SAMPLE, "--format", "json").code()).isEqualTo(2);
        assertThat(run("report", "--compare", SAMPLE, SAMPLE, "--max-growth", "-1").code()).isEqualTo(2);
        Path notReport = dir.resolve("x.json");
        Files.writeString(notReport, "{\"schema\": \"dtshrink-cost/1\"}");
        CliRun r = run("report", "--compare", notReport.toString(), SAMPLE);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(notReport + ": error: not a dtshrink-report/2 report\n");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schema\": ");
        r = run("report", "--compare", broken.toString(), SAMPLE);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(broken + ": offset 0xb: error: unexpected end of the JSON text\n");
        Path deep = dir.resolve("deep.json");
        Files.writeString(deep, "{\"a\": ".repeat(100_000));
        r = run("report", "--compare", deep.toString(), SAMPLE);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(deep + ": offset 0x1770: error: nested deeper than 1000\n");
    }
}
