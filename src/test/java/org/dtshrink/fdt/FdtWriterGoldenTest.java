package org.dtshrink.fdt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The writer against blobs dtc made from src/test/resources/fdt/small.dts with each layout option
 * ({@code small-NAME.dtb}, made by {@code dtc -I dts -O dtb FLAGS}).
 */
class FdtWriterGoldenTest {

    static Stream<Arguments> goldens() {
        return Stream.of(
                Arguments.of("default", "", FdtOptions.DEFAULTS, -1),
                Arguments.of("v1", "-V 1", FdtOptions.DEFAULTS.withVersion(1), -1),
                Arguments.of("v2", "-V 2", FdtOptions.DEFAULTS.withVersion(2), -1),
                Arguments.of("v3", "-V 3", FdtOptions.DEFAULTS.withVersion(3), -1),
                Arguments.of("v16", "-V 16", FdtOptions.DEFAULTS.withVersion(16), -1),
                Arguments.of("r2", "-R 2", FdtOptions.DEFAULTS.withReserveCount(2), -1),
                Arguments.of("s4096", "-S 0x1000", FdtOptions.DEFAULTS.withMinSize(0x1000), -1),
                Arguments.of("p64", "-p 64", FdtOptions.DEFAULTS.withPadding(64), -1),
                Arguments.of("a64", "-a 64", FdtOptions.DEFAULTS.withAlign(64), -1),
                Arguments.of("b3", "-b 3", FdtOptions.DEFAULTS, 3),
                Arguments.of("a16p5", "-a 16 -p 5", FdtOptions.DEFAULTS.withAlign(16).withPadding(5), -1),
                Arguments.of("v16r1a8", "-V 16 -R 1 -a 8",
                        new FdtOptions(16, 1, 0, 0, 8), -1));
    }

    private static DeviceTree smallTree(long bootCpuid) {
        DeviceTree t = SmallTree.build();
        if (bootCpuid >= 0) {
            t.setBootCpuid(bootCpuid);
        }
        return t;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void handBuiltTreeMatchesDtc(String name, String flags, FdtOptions options, long bootCpuid) {
        byte[] golden = FdtTestFiles.resource("small-" + name + ".dtb");
        assertThat(FdtWriter.write(smallTree(bootCpuid), options)).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void goldenReadBackAndRewrittenIsIdentical(String name, String flags, FdtOptions options, long bootCpuid) {
        byte[] golden = FdtTestFiles.resource("small-" + name + ".dtb");
        DeviceTree t = FdtReader.read(golden, "small-" + name + ".dtb");
        assertThat(FdtWriter.write(t, options)).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void matchesLiveDtc(String name, String flags, FdtOptions options, long bootCpuid, @TempDir Path tmp)
            throws IOException, InterruptedException {
        Assumptions.assumeTrue(FdtTestFiles.dtcPresent(), "dtc not on PATH");
        Path out = tmp.resolve("out.dtb");
        List<String> cmd = new ArrayList<>(List.of("dtc", "-q", "-I", "dts", "-O", "dtb", "-o", out.toString()));
        if (!flags.isEmpty()) {
            cmd.addAll(List.of(flags.split(" ")));
        }
        cmd.add(FdtTestFiles.resourcePath("small.dts").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        assertThat(FdtWriter.write(smallTree(bootCpuid), options)).isEqualTo(Files.readAllBytes(out));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"v1", "v2", "v3", "v16"})
    void olderVersionsReadToTheSameTreeAsVersion17(String name) {
        DeviceTree t = FdtReader.read(FdtTestFiles.resource("small-" + name + ".dtb"), name);
        // the old formats' "name" properties are dropped on reading, as dtc drops them
        assertThat(t.nodeAt("/cpus/cpu@2").property("name")).isNull();
        // version 1 has no boot CPU field
        assertThat(t.bootCpuid()).isEqualTo(name.equals("v1") ? 0 : 2);
        t.setBootCpuid(2);
        assertThat(FdtWriter.write(t)).isEqualTo(FdtTestFiles.resource("small-default.dtb"));
    }

    @Test
    void newNameEqualToTheTailOfAStoredNameReusesItsBytes() {
        Node root = new Node("");
        root.addProperty(new Property("interrupt-names", new Value()));
        root.addProperty(new Property("names", new Value()));
        root.addProperty(new Property("s", new Value()));
        root.addProperty(new Property("", new Value()));
        root.addProperty(new Property("x-names", new Value()));
        byte[] blob = FdtWriter.write(new DeviceTree(root));
        // one string stored for the first four names; the empty name is the NUL ending "interrupt-names"
        byte[] expectedStrings = "interrupt-names\0x-names\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tail = java.util.Arrays.copyOfRange(blob, blob.length - expectedStrings.length, blob.length);
        assertThat(tail).isEqualTo(expectedStrings);
        // name offsets of the five properties: 0, 10, 14, 15, 16
        int structOff = 0x38;
        long[] offs = new long[5];
        for (int i = 0; i < 5; i++) {
            int at = structOff + 8 + 12 * i + 8;
            offs[i] = ((blob[at] & 0xff) << 24) | ((blob[at + 1] & 0xff) << 16) | ((blob[at + 2] & 0xff) << 8)
                    | (blob[at + 3] & 0xff);
        }
        assertThat(offs).containsExactly(0, 10, 14, 15, 16);
    }

    @Test
    void deletedNodesAndPropertiesAreLeftOut() throws IOException {
        // deletion is resolved once, in the front end: what /delete-node/ and /delete-property/ took out is gone
        String source = Files.readString(FdtTestFiles.resourcePath("small.dts"), StandardCharsets.ISO_8859_1)
                + "/ { gone { x = <1>; }; cpus { dead = <1>; }; };\n"
                + "/ { /delete-node/ gone; cpus { /delete-property/ dead; }; };\n";
        DeviceTree t = DtsReader.read(source, "small.dts", DtsOptions.defaults());
        assertThat(FdtWriter.write(t)).isEqualTo(FdtTestFiles.resource("small-default.dtb"));
    }

    @Test
    void blobLargerThanAnArrayIsABadInputError() {
        DeviceTree t = SmallTree.build();
        assertThatThrownBy(() -> FdtWriter.write(t, FdtOptions.DEFAULTS.withPadding(Integer.MAX_VALUE)))
                .isInstanceOf(DtException.class)
                .hasMessage("error: device tree blob too large: 2147484277 bytes (limit 2147483639)");
    }

    @Test
    void nameWithNulIsRejected() {
        Node root = new Node("");
        root.addChild(new Node("a\0b"));
        assertThatThrownBy(() -> FdtWriter.write(new DeviceTree(root)))
                .isInstanceOf(DtException.class)
                .hasMessage("error: name contains a NUL character: \"a\\0b\"");
    }

    @Test
    void veryDeepTreeIsWrittenWithoutRecursion() {
        Node root = new Node("");
        Node n = root;
        int depth = 100_000;
        for (int i = 0; i < depth; i++) {
            n = n.addChild(new Node("n"));
        }
        byte[] blob = FdtWriter.write(new DeviceTree(root));
        // header 0x28, reserve terminator 16, root 8, each node 4 + 4 ("n\0" padded) + 4 at the end, root end, FDT_END
        assertThat(blob.length).isEqualTo(0x28 + 16 + 8 + depth * 12 + 4 + 4);
    }

    @Test
    void invalidOptionsAreUsageErrors() {
        assertThatThrownBy(() -> FdtOptions.DEFAULTS.withVersion(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown device tree blob version 4 (supported: 1, 2, 3, 16, 17)");
        assertThatThrownBy(() -> FdtOptions.DEFAULTS.withAlign(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alignment must be a power of two: 3");
        assertThatThrownBy(() -> FdtOptions.DEFAULTS.withMinSize(10).withPadding(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minimum size and padding cannot both be set");
    }
}
