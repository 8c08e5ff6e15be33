package org.dtshrink.fdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.Value;

/**
 * Random trees (short property names over a tiny alphabet, so many share tails in the strings block; values of
 * random bytes and awkward strings) printed as DTS and compiled by the live dtc give exactly the bytes the writer
 * gives for the tree, and the writer's blob reads back into a tree that writes the same bytes again.
 */
class RandomTreeDtcTest {

    private static final boolean DTC = FdtTestFiles.dtcPresent();

    @Property(tries = 120)
    void printedTreeCompiledByDtcEqualsTheWritersBlob(@ForAll long seed) throws Exception {
        Assume.that(DTC);
        DeviceTree tree = randomTree(new Random(seed));
        byte[] ours = FdtWriter.write(tree);
        assertThat(FdtWriter.write(FdtReader.read(ours, "random.dtb"))).isEqualTo(ours);
        assertThat(dtc(DtsPrinter.print(tree))).isEqualTo(ours);
    }

    static DeviceTree randomTree(Random r) {
        Node root = new Node("");
        DeviceTree t = new DeviceTree(root);
        for (int i = r.nextInt(3); i > 0; i--) {
            t.reserves().add(new ReserveEntry(r.nextLong(), r.nextLong() | 1));
        }
        int nodes = 1 + r.nextInt(12);
        Node[] all = new Node[nodes];
        all[0] = root;
        for (int i = 1; i < nodes; i++) {
            Node parent = all[r.nextInt(i)];
            all[i] = parent.addChild(new Node("n" + i + (r.nextBoolean() ? "@" + Integer.toHexString(i) : "")));
        }
        for (Node n : all) {
            Set<String> used = new HashSet<>();
            for (int p = r.nextInt(6); p > 0; p--) {
                String name = propertyName(r);
                if (used.add(name)) {
                    n.addProperty(new org.dtshrink.tree.Property(name, randomValue(r)));
                }
            }
        }
        return t;
    }

    private static String propertyName(Random r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1 + r.nextInt(5); i > 0; i--) {
            sb.append("abc".charAt(r.nextInt(3)));
        }
        return sb.toString();
    }

    private static Value randomValue(Random r) {
        Value v = new Value();
        switch (r.nextInt(3)) {
            case 0:
                for (int i = r.nextInt(13); i > 0; i--) {
                    v.appendInteger(r.nextInt(256), 8);
                }
                break;
            case 1:
                String chars = "09az \"\\\t\n\u0007\u000b\r{};,&<>";
                for (int s = 1 + r.nextInt(3); s > 0; s--) {
                    for (int i = r.nextInt(5); i > 0; i--) {
                        v.appendInteger(chars.charAt(r.nextInt(chars.length())), 8);
                    }
                    v.appendInteger(0, 8);
                }
                break;
            default:
                for (int i = r.nextInt(4); i > 0; i--) {
                    v.appendInteger(r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(4), 32);
                }
        }
        return v;
    }

    private static byte[] dtc(String dts) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("fdt-random");
        try {
            Path src = dir.resolve("in.dts");
            Path out = dir.resolve("out.dtb");
            Files.write(src, dts.getBytes(StandardCharsets.ISO_8859_1));
            Process p = new ProcessBuilder("dtc", "-q", "-b", "0", "-I", "dts", "-O", "dtb", "-o", out.toString(),
                    src.toString()).redirectErrorStream(true).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(p.waitFor()).as(log + "\n" + dts).isZero();
            byte[] b = Files.readAllBytes(out);
            Files.delete(out);
            Files.delete(src);
            return b;
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
