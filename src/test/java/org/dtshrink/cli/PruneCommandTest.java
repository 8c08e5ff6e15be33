package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.tree.DeviceTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {

    private static String resource(String name) {
        try {
            return Path.of(PruneCommandTest.class.getResource("/prune/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kernel() {
        return Path.of(resource("kernel/Kbuild")).getParent().toString();
    }

    @Test
    void prunesWithAScannedKernelAndExplains(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.dtb");
        CliRun r = run("prune", resource("sample.dts"), "--scan-src", kernel(), "--kernel-config",
                kernel() + "/config", "--arch", "toy", "-o", out.toString(), "--explain");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo(resource("sample.dts") + ": removed 7 properties (1 of them phandles) and 3"
                + " nodes (with 11 properties)");
        assertThat(lines[1]).matches("usage: scanned 11 C files and 3 headers of .* in [0-9.]+ s");
        assertThat(lines[2]).matches("blob: [0-9]+ -> [0-9]+ bytes \\(saved [0-9]+\\)");
        assertThat(lines[3]).matches("linux-6.12-arm-stm32: unflattened tree [0-9]+ -> [0-9]+ bytes \\(saved [0-9]+\\)");
        assertThat(r.out()).contains(
                "\nproperty /soc/serial@3000 toy,unused-knob: never read: no built file names \"toy,unused-knob\"\n",
                "\nnode /soc/spi@6000 (2 nodes, 7 properties): disabled (status = \"disabled\") and nothing kept refers"
                        + " to it or below it\n",
                "\nnote: kept /soc/gpio@2000:#gpio-cells, which /soc/serial@3000:rts-gpios needs to be parsed\n");
        DeviceTree pruned = FdtReader.read(Files.readAllBytes(out), "out.dtb");
        assertThat(pruned.nodeAt("/soc/spi@6000")).isNull();
        assertThat(pruned.nodeAt("/soc/serial@3000").property("toy,hw-flow")).isNotNull();
    }

    @Test
    void savingsFollowTheCostModel(@TempDir Path dir) throws Exception {
        Path usage = dir.resolve("usage.txt");
        Files.writeString(usage, "# nothing beyond the core set\n");
        CliRun r = run("prune", resource("sample.dts"), "--usage", usage.toString(), "-o",
                dir.resolve("o.dts").toString(), "--profile", "linux-6.12-arm-tiny", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\n  \"schema\": \"dtshrink-prune/1\",\n")
                .contains("\"profiles\": [\n    {\"name\": \"linux-6.12-arm-tiny\", ")
                .contains("{\"path\": \"/soc/serial@3000\", \"property\": \"toy,hw-flow\", \"nodes\": 0,"
                        + " \"properties\": 1, \"reason\": \"never read: not in the usage set\"}");
        assertThat(Files.readString(dir.resolve("o.dts"))).startsWith("/dts-v1/;");
    }

    @Test
    void aUsageSourceIsRequired(@TempDir Path dir) {
        CliRun r = run("prune", resource("sample.dts"), "-o", dir.resolve("o.dtb").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: nothing says what the kernel reads: give --kernel-src with"
                + " --kernel-config, --scan-src, or --usage\n");
    }

    @Test
    void badUsageFileIsOneLine(@TempDir Path dir) throws Exception {
        Path usage = dir.resolve("u.txt");
        Files.writeString(usage, "clocks\nsubtree: chosen\n");
        CliRun r = run("prune", resource("sample.dts"), "--usage", usage.toString(), "-o",
                dir.resolve("o.dtb").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(usage + ":2:1: error: subtree path must start with '/': chosen\n");
    }

    @Test
    void usagePrintsEachEntryWithItsFiles(@TempDir Path dir) throws Exception {
        CliRun noArch = run("usage", "--kernel-src", kernel(), "--kernel-config", kernel() + "/config");
        assertThat(noArch.code()).isEqualTo(1);
        assertThat(noArch.err()).isEqualTo("error: cannot tell the architecture from the configuration; give --arch\n");
        CliRun r = run("usage", "--kernel-src", kernel(), "--kernel-config", kernel() + "/config", "--arch", "toy");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\nproperty toy,fifo-depth\tdrivers/serial/toy-uart.c\n",
                "\nproperty reg\tcore set\n", "\nproperty pinctrl-*\tdrivers/base/pinctrl.c\n",
                "\nproperty pinctrl-[0-9]*\tcore set\n", "\ncompatible toy,uart-early\tdrivers/serial/toy-early.c\n",
                "\nsubtree /chosen\tcore set\n");
        Path usage = dir.resolve("u.txt");
        Files.writeString(usage, "st,syscfg   # a comment\n#clock-cells\ncompatible: st,stm32*\n");
        CliRun json = run("usage", "--usage", usage.toString(), "--drop", "st,*", "--format", "json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\n    {\"kind\": \"property\", \"name\": \"#clock-cells\", \"from\": [\""
                + usage + "\"]},\n", "{\"kind\": \"property\", \"name\": \"st,syscfg\", \"from\": [\"" + usage
                + "\"]}", "{\"kind\": \"compatible\", \"name\": \"st,stm32*\", \"from\": [\"" + usage + "\"]}",
                "\n  \"drops\": [\"st,*\"]\n}\n");
    }

    @Test
    void aUsageListPrunesAsTheScanItWasMadeFrom(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("toy.usage");
        CliRun made = run("usage", "--kernel-src", kernel(), "--kernel-config", kernel() + "/config", "--arch", "toy",
                "--format", "list", "-o", list.toString());
        assertThat(made.code()).as(made.err()).isZero();
        assertThat(made.out()).isEmpty();
        String text = Files.readString(list);
        assertThat(text).startsWith("# What a kernel reads from a device tree, for dtshrink --usage. Made by dtshrink ")
                .contains("\n#   dtshrink usage --kernel-src " + kernel() + " --kernel-config " + kernel()
                        + "/config --arch toy --format list\n", "\ntoy,fifo-depth\n",
                        "\ncompatible: toy,uart-early\n")
                .doesNotContain("\nreg\n");
        for (String mode : new String[] {"disabled", "driverless"}) {
            Path scanned = dir.resolve("scanned.dtb");
            Path listed = dir.resolve("listed.dtb");
            assertThat(run("prune", resource("sample.dts"), "--scan-src", kernel(), "--kernel-config",
                    kernel() + "/config", "--arch", "toy", "--prune-nodes", mode, "-o", scanned.toString()).code())
                    .isZero();
            assertThat(run("prune", resource("sample.dts"), "--usage", list.toString(), "--prune-nodes", mode, "-o",
                    listed.toString()).code()).isZero();
            assertThat(Files.readAllBytes(listed)).as(mode).isEqualTo(Files.readAllBytes(scanned));
        }
    }
}
