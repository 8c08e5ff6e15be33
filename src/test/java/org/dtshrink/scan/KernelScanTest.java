package org.dtshrink.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtshrink.tree.DtException;
import org.dtshrink.usage.CoreUsage;
import org.dtshrink.usage.UsageFile;
import org.dtshrink.usage.UsageSet;
import org.dtshrink.usage.UsageWriter;
import org.junit.jupiter.api.Test;

/** The Kbuild walk and the C scan on a small kernel-like tree made to exercise each rule. */
public class KernelScanTest {

    public static Path kernel() {
        try {
            return Path.of(KernelScanTest.class.getResource("/prune/kernel/Kbuild").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KernelConfig config() {
        return KernelConfig.read(kernel().resolve("config"));
    }

    @Test
    void kbuildWalkFindsExactlyTheBuiltFiles() {
        KbuildWalker.Result r = KbuildWalker.walk(kernel(), config(), "toy");
        assertThat(r.files()).containsExactly(
                "arch/toy/kernel/setup.c",          // arch/toy/Kbuild obj-y kernel/, obj-y := setup.o
                "arch/toy/mach-alpha/board.c",      // core-y from $(patsubst) over machine-$(CONFIG_..)
                "drivers/base/core.c",              // continued line
                "drivers/base/pinctrl.c",
                "drivers/i2c/i2c-toy-core.c",       // composite i2c-toy-y, built as a module (=m)
                "drivers/i2c/i2c-toy-xfer.c",       // composite part added by i2c-toy-$(CONFIG_I2C)
                "drivers/reset/reset.c",
                "drivers/serial/toy-early.c",       // ifdef CONFIG_SERIAL_TOY
                "drivers/serial/toy-uart.c",
                "drivers/wrap/wrap.c",
                "lib/helpers.c");                   // lib-y
        assertThat(r.notes()).containsExactly("arch/toy/lib/: named by a makefile but not in the source tree");
    }

    @Test
    void scanFindsExactlyTheNamesTheBuiltCodeReads() {
        KernelScan.Result r = KernelScan.scan(kernel(), config(), "toy");
        assertThat(r.cFiles()).isEqualTo(11);
        assertThat(r.headers()).isEqualTo(3);
        assertThat(entries(r.usage(), UsageSet.Kind.PROPERTY)).containsExactlyEntriesOf(sorted(Map.ofEntries(
                Map.entry("base,max", "drivers/base/core.c"),
                Map.entry("clock-frequency", "drivers/i2c/i2c-toy-xfer.c"),
                Map.entry("clock-names", "drivers/serial/toy-uart.c"),
                Map.entry("clocks", "drivers/serial/toy-uart.c"),
                Map.entry("dma-names", "drivers/serial/toy-uart.h"),
                Map.entry("dmas", "drivers/serial/toy-uart.h"),
                Map.entry("lib,flag", "lib/helpers.c"),
                Map.entry("pinctrl-*", "drivers/base/pinctrl.c"),
                Map.entry("reset-names", "drivers/reset/reset.c"),
                Map.entry("resets", "drivers/reset/reset.c"),
                Map.entry("rts-gpio", "drivers/serial/toy-uart.c"),
                Map.entry("rts-gpios", "drivers/serial/toy-uart.c"),
                Map.entry("toy,companion", "drivers/serial/toy-uart.c"),
                Map.entry("toy,early-baud", "drivers/serial/toy-early.c"),
                Map.entry("toy,fifo-depth", "drivers/serial/toy-uart.c"),
                Map.entry("toy,hw-flow", "drivers/serial/toy-uart.c"),
                Map.entry("toy,irq-count", "arch/toy/kernel/setup.c"),
                Map.entry("toy,use-dma", "include/linux/toy.h"),
                Map.entry("vdd-supply", "drivers/i2c/i2c-toy-core.c"),
                Map.entry("vio-supply", "drivers/i2c/i2c-toy-core.c"),
                Map.entry("wrap,mode", "drivers/wrap/wrap.c"),
                Map.entry("wrap,speed", "drivers/wrap/wrap.c"))));
        assertThat(entries(r.usage(), UsageSet.Kind.COMPATIBLE)).containsExactlyEntriesOf(sorted(Map.of(
                "toy,alpha-rev2", "arch/toy/mach-alpha/board.c",
                "toy,i2c", "drivers/i2c/i2c-toy-core.c",
                "toy,intc", "arch/toy/kernel/setup.c",
                "toy,timer", "drivers/reset/reset.c",
                "toy,uart", "drivers/serial/toy-uart.c",
                "toy,uart-early", "drivers/serial/toy-early.c",
                "toy,uart-v2", "drivers/serial/toy-uart.c")));
        assertThat(r.usage().isFromKernelScan()).isTrue();
    }

    @Test
    void theWorkingDirectoryAsSourceFollowsHeaders() {
        // "--kernel-src ." run inside a kernel tree: the project directory stands in for it, and the toy driver's
        // quoted include is found beside it
        KernelScan.Result r = KernelScan.scan(Path.of("."), null, null);
        String header = "src/test/resources/prune/kernel/drivers/serial/toy-uart.h";
        assertThat(r.headers()).isPositive();
        assertThat(r.usage().reader("/x", "dma-names").origins()).contains(header);
    }

    @Test
    void withoutConfigurationEveryCFileIsScanned() {
        KernelScan.Result r = KernelScan.scan(kernel(), null, "toy");
        assertThat(r.cFiles()).isEqualTo(18);
        List<String> names = new ArrayList<>(entries(r.usage(), UsageSet.Kind.PROPERTY).keySet());
        assertThat(names).contains("beta,never", "net,never", "debug,never", "none,never", "composite,never",
                "spi,never", "misc,never");
        // a comment and a message are never names
        assertThat(names).doesNotContain("comment,never", "not,a-name", "Wrapped device");
    }

    @Test
    void configurationLinesAreChecked() {
        assertThatThrownBy(() -> KernelConfig.parse("CONFIG_A=y\nFOO\n", "cfg"))
                .isInstanceOf(DtException.class).hasMessage("cfg:2:1: error: not a kernel configuration line: FOO");
        assertThat(KernelConfig.parse("CONFIG_ARM=y\n", "c").guessArch()).isEqualTo("arm");
        assertThat(config().value("CONFIG_NAME")).isEqualTo("toy");
        assertThat(config().isBuilt("CONFIG_I2C_TOY")).isTrue();
        assertThat(config().isBuilt("CONFIG_SPI")).isFalse();
    }

    @Test
    void unknownArchitectureIsOneLineError() {
        assertThatThrownBy(() -> KbuildWalker.walk(kernel(), config(), "nope"))
                .isInstanceOf(DtException.class).hasMessage(kernel() + ": error: no arch/nope in the kernel source");
    }

    /** Each entry of a kind with the first file it came from (the test tree names each name in one file). */
    static Map<String, String> entries(UsageSet set, UsageSet.Kind kind) {
        Map<String, String> out = new TreeMap<>();
        for (UsageSet.Entry e : set.entries()) {
            if (e.kind() == kind) {
                assertThat(e.origins()).as(e.text()).hasSize(1);
                out.put(e.text(), e.origins().iterator().next());
            }
        }
        return out;
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        return new TreeMap<>(m);
    }

    @Test
    void aListReadsBackToTheSetItWasWrittenFrom() {
        UsageSet scanned = CoreUsage.load();
        scanned.addAll(KernelScan.scan(kernel(), config(), "toy").usage());
        scanned.addCompatible("Power Macintosh", "odd.c");
        scanned.addCompatible("", "odd.c");
        scanned.addProperty("subtree:x", "odd.c");
        scanned.addProperty("trailing#", "odd.c");
        scanned.addProperty("bad\"quote", "odd.c");
        String list = UsageWriter.list(scanned, java.util.List.of("made by a test"));
        assertThat(list).startsWith("# made by a test\n")
                .contains("\n# left out, no spelling reads back to it: property bad\"quote\n");
        UsageSet back = CoreUsage.load();
        UsageFile.parse(list, "list", "list", back);
        java.util.List<String> want = new java.util.ArrayList<>();
        java.util.List<String> got = new java.util.ArrayList<>();
        scanned.entries().stream().filter(e -> !e.text().equals("bad\"quote"))
                .forEach(e -> want.add(e.kind() + " " + e.text()));
        back.entries().forEach(e -> got.add(e.kind() + " " + e.text()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
        assertThat(want).hasSizeGreaterThan(CoreUsage.load().entries().size() + 5);
    }

    @Test
    void formatsBecomeGlobs() {
        assertThat(CSourceScanner.formatGlob("pinctrl-%d")).isEqualTo("pinctrl-*");
        assertThat(CSourceScanner.formatGlob("%s-supply")).isEqualTo("*-supply");
        assertThat(CSourceScanner.formatGlob("%s-%s")).isEqualTo("*-*");
        assertThat(CSourceScanner.formatGlob("bad %d value")).isNull();
    }
}
