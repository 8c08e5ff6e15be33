package org.dtshrink.emit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.testutil.Corpus;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Emitted tables checked by gcc, binutils and a C walker (see {@link CTableCheck}): every built-in profile on a few
 * boards, and every corpus board under every profile (about three minutes on two cores;
 * {@code -Ddtshrink.emit.sweep=quick} keeps only the profile that skips nodes and keeps properties const).
 */
class EmittedTableCompileTest {

    static final List<String> SAMPLE_BOARDS = List.of(
            "arch/arm/boot/dts/st/stm32f469-disco.dtb",
            "arch/arm/boot/dts/arm/mps2-an385.dtb",
            "arch/arm64/boot/dts/allwinner/sun50i-h6-beelink-gs1.dtb");

    @TempDir
    Path work;

    static CTableCheck.Input input(Path blob) throws IOException {
        return new CTableCheck.Input(blob.toString(), FdtReader.read(Files.readAllBytes(blob), blob.toString()));
    }

    @Test
    void everyProfileOnSampleBoards() throws IOException {
        Corpus.assumePresent();
        List<CTableCheck.Input> inputs = new ArrayList<>();
        for (String b : SAMPLE_BOARDS) {
            inputs.add(input(Corpus.root().resolve("kernel").resolve(b)));
        }
        inputs.add(input(Path.of("dts-samples", "stm32f4-mini.dtb")));
        List<String> problems = new ArrayList<>();
        for (KernelProfile p : KernelProfiles.all()) {
            Path dir = Files.createDirectory(work.resolve(p.name()));
            problems.addAll(CTableCheck.check(p, inputs, dir));
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Properties whose sysfs file is not DT_PROP's: security-* names (0400, size 0), with and without a value, and a
     * name a blob repeats (safe_name() renames the second file "x#1"), under every built-in profile.
     */
    @Test
    void propertiesWithAFileOfTheirOwn() throws IOException {
        Node root = new Node("");
        root.addProperty(new Property("compatible", Value.ofString("test,board")));
        Node n = new Node("keys");
        n.addProperty(new Property("security-key", Value.ofCells(1, 2, 3, 4)));
        n.addProperty(new Property("security-empty", new Value()));
        n.addProperty(new Property("x", Value.ofCells(1)));
        n.addProperty(new Property("x", Value.ofCells(2)));
        n.addProperty(new Property("x#1", new Value()));
        n.addProperty(new Property("x", new Value()));
        root.addChild(n);
        List<CTableCheck.Input> inputs = List.of(new CTableCheck.Input("own-files", new DeviceTree(root)));
        List<String> problems = new ArrayList<>();
        for (KernelProfile p : KernelProfiles.all()) {
            Path dir = Files.createDirectory(work.resolve(p.name()));
            problems.addAll(CTableCheck.check(p, inputs, dir));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyCorpusBoard() throws IOException {
        List<Path> blobs = Corpus.kernelBlobs();
        List<CTableCheck.Input> inputs = new ArrayList<>();
        for (Path b : blobs) {
            inputs.add(input(b));
        }
        boolean quick = "quick".equals(System.getProperty("dtshrink.emit.sweep"));
        List<KernelProfile> profiles = quick ? List.of(KernelProfiles.find("linux-6.12-arm-tiny"))
                : KernelProfiles.all();
        List<String> problems = new ArrayList<>();
        for (KernelProfile p : profiles) {
            Path dir = Files.createDirectory(work.resolve("all-" + p.name()));
            List<String> refused = new ArrayList<>();
            List<String> found = CTableCheck.check(p, inputs, dir, refused);
            System.out.println("emitted tables: " + p.name() + ": " + (inputs.size() - refused.size()) + " of "
                    + inputs.size() + " boards emitted, compiled, sized and walked; " + found.size() + " problems; "
                    + refused.size() + " refused (the kernel's result is undefined)");
            refused.forEach(r -> System.out.println("  refused: " + r));
            // A refusal is only right where a skipped node has a child the kernel would link to garbage, and only a
            // profile that skips nodes skips any.
            assertThat(refused).allMatch(r -> r.contains("uninitialized nps[] entry"));
            if (!p.skipDisabled()) {
                assertThat(refused).as(p.name()).isEmpty();
            }
            problems.addAll(found);
            CTableCheck.deleteTree(dir);
        }
        assertThat(problems).isEmpty();
    }
}
