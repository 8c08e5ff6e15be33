package org.dtshrink.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dtshrink.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.testutil.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostCommandTest {

    private static String blob(String dir, String name) {
        Corpus.assumePresent();
        return Corpus.root().resolve("kernel/arch/arm/boot/dts/" + dir + "/" + name + ".dtb").toString();
    }

    @Test
    void theDefaultProfileIsStm32() {
        CliRun r = run("cost", blob("st", "stm32f469-disco"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("\nallocation                    72,064\n", "\n  pages of 4 KiB                  18\n",
                "\nDTB kept in RAM               19,761\n", "\nmemblock (reserved)           91,852\n",
                "\nRAM total                    324,012\n");
    }

    @Test
    void severalProfilesAndTheBlobInFlash() {
        CliRun r = run("cost", blob("st", "stm32f469-disco"), "--profile", "linux-6.12-arm-tiny", "--profile",
                "linux-6.12-arm64", "--dtb-in-flash");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\nallocation                    18,924   139,720\n",
                "\n  skipped                         56         0\n",
                "\nDTB kept in RAM                    0         0\n");
    }

    @Test
    void jsonForTheBootedBoard() {
        CliRun r = run("cost", blob("arm", "mps2-an385"), "--profile", "linux-6.12-arm-mps2", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("{\n  \"schema\": \"dtshrink-cost/2\",\n")
                .contains("\n      \"size\": 12040,\n      \"allocation\": 12044,\n      \"pages\": 3,\n"
                        + "      \"dtb_in_ram\": 3756,\n      \"memblock\": 15827,\n      \"slab\": 48936,\n"
                        + "      \"ram_total\": 64763,\n")
                // what the booted kernel allocated with memblock for this blob (scripts/e2e-qemu-ram)
                .contains("\"memblock_allocations\": [\n          12044,\n          27\n        ]");
    }

    @Test
    void aUsersProfileFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("big.properties");
        Files.writeString(f, String.join("\n", "name = big", "description = d", "note = n",
                "device_node.size = 200", "device_node.align = 8", "property.size = 100", "property.align = 8",
                "of_kobj = y", "of_dynamic = y", "full_name = name", "skip_disabled = n", "depth_limit = 63",
                "page_size = 16384", ""));
        CliRun r = run("cost", blob("arm", "mps2-an385"), "--profile-file", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\n  pages of 16 KiB                  2\n");
    }

    @Test
    void mistakes() {
        String mps2 = blob("arm", "mps2-an385");
        CliRun unknown = run("cost", mps2, "--profile", "linux-9");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("unknown profile 'linux-9' (known: linux-6.12-arm-stm32, ");

        CliRun top = run("cost", mps2, "--top", "-1");
        assertThat(top.code()).isEqualTo(2);
        assertThat(top.err()).startsWith("--top must not be negative: -1\n");

        CliRun format = run("cost", mps2, "--format", "xml");
        assertThat(format.code()).isEqualTo(2);

        CliRun missing = run("cost", "no/such.dtb");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("no/such.dtb: error: cannot read: no such file\n");
    }

    @Test
    void aBrokenBlobIsOneLineWithItsOffset(@TempDir Path dir) throws Exception {
        byte[] good = Files.readAllBytes(Path.of(blob("arm", "mps2-an385")));
        Path cut = dir.resolve("cut.dtb");
        Files.write(cut, Arrays.copyOf(good, 100));
        CliRun r = run("cost", cut.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(cut + ": offset 0x4: error: totalsize 0xeac is past the end of the data "
                + "(0x64 bytes): truncated blob\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void sourceCostsWhatItsBlobCosts() {
        CliRun fromSource = run("cost", "dts-samples/stm32f4-mini.dts", "--all-profiles", "--format", "json");
        CliRun fromBlob = run("cost", "dts-samples/stm32f4-mini.dtb", "--all-profiles", "--format", "json");
        assertThat(fromSource.code()).isZero();
        assertThat(fromSource.err()).isEmpty();
        assertThat(fromSource.out().replace("stm32f4-mini.dts", "stm32f4-mini.dtb")).isEqualTo(fromBlob.out());
    }

    @Test
    void theHelpListsEveryBuiltInProfile() {
        CliRun r = run("cost", "--help");
        assertThat(r.code()).isZero();
        for (String name : KernelProfiles.names()) {
            assertThat(r.out()).contains("\n  " + name + ": ");
        }
        assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void everyCorpusBlobUnderEveryProfile() {
        int ok = 0;
        for (Path blob : Corpus.kernelBlobs()) {
            CliRun r = run("cost", blob.toString(), "--all-profiles", "--per-node", "--top", "5", "--by-property",
                    "--format", "json");
            assertThat(r.code()).as(blob.toString()).isZero();
            assertThat(r.err()).as(blob.toString()).isEmpty();
            CliRun text = run("cost", blob.toString(), "--all-profiles", "--top", "5", "--by-property");
            assertThat(text.code()).as(blob.toString()).isZero();
            ok++;
        }
        assertThat(ok).isGreaterThanOrEqualTo(183);
    }
}
