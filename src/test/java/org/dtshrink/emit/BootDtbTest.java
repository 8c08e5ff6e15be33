package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What early boot keeps, per the rules in {@link BootDtb}'s documentation, on the two boards of the project. */
class BootDtbTest {

    @TempDir
    Path work;

    static List<String> listing(DeviceTree t) {
        List<String> out = new ArrayList<>();
        t.forEachNode(n -> {
            StringBuilder sb = new StringBuilder(n.path()).append(':');
            for (Property p : n.properties()) {
                sb.append(' ').append(p.name());
            }
            out.add(sb.toString());
        });
        return out;
    }

    static DeviceTree board(String rel) throws Exception {
        Corpus.assumePresent();
        Path b = Corpus.root().resolve("kernel/arch/arm/boot/dts").resolve(rel);
        return FdtReader.read(Files.readAllBytes(b), b.toString());
    }

    @Test
    void mps2KeepsTheConsoleItsBusesMemoryAndChosen() throws Exception {
        DeviceTree boot = BootDtb.of(board("arm/mps2-an385.dtb"));
        assertThat(listing(boot)).containsExactly(
                "/: #address-cells #size-cells model compatible",
                "/soc: #address-cells #size-cells ranges",
                "/soc/apb@40000000: #address-cells #size-cells ranges",
                "/soc/apb@40000000/serial@4000: compatible reg interrupts clocks status",
                "/aliases: serial0",
                "/chosen: bootargs stdout-path",
                "/memory@21000000: device_type reg");
    }

    @Test
    void stm32f469DiscoKeepsTheSameKinds() throws Exception {
        DeviceTree full = board("st/stm32f469-disco.dtb");
        DeviceTree boot = BootDtb.of(full);
        assertThat(listing(boot)).containsExactly(
                "/: #address-cells #size-cells model compatible",
                "/soc: #address-cells #size-cells ranges",
                "/soc/serial@40004800: compatible reg interrupts clocks status dmas dma-names pinctrl-0 pinctrl-names",
                "/chosen: bootargs stdout-path",
                "/memory@0: device_type reg",
                "/aliases: serial0");
        assertThat(boot.reserves()).isEqualTo(full.reserves());
    }

    @Test
    void theBlobIsOneDtcReadsAndWritesBackUnchanged() throws Exception {
        byte[] blob = FdtWriter.write(BootDtb.of(board("arm/mps2-an385.dtb")), FdtOptions.DEFAULTS);
        Path in = work.resolve("boot.dtb");
        Files.write(in, blob);
        CTableCheck.Run r = CTableCheck.run(work, List.of("dtc", "-q", "-I", "dtb", "-O", "dtb", "-o", "again.dtb",
                in.toString()));
        assertThat(r.status()).isZero();
        assertThat(Files.readAllBytes(work.resolve("again.dtb"))).isEqualTo(blob);
    }
}
