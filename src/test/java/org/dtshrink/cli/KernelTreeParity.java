package org.dtshrink.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole-tree warnings check behind {@code bench/kernel-tree-parity}: every board that
 * {@code scripts/kernel-dtbs-reference} put through the kernel's pipeline is compiled again, in this JVM, by
 * dtshrink's compile with {@code --kernel-src .} and the same flags (the flag set's, then the board's own), from the
 * top of the kernel tree; what it prints must equal, as a multiset of lines, what the kernel's dtc printed, and its
 * exit status dtc's. The only rewriting: dtc named its output file under the reference's out/, dtshrink under its
 * own out directory, and messages that name the output file (a failed prerequisite) are compared with that one path
 * replaced.
 *
 * <pre>
 *   cd LINUX &amp;&amp; java -cp ... org.dtshrink.cli.KernelTreeParity REFERENCE OUTDIR [default|w1|w2 ...]
 * </pre>
 */
public final class KernelTreeParity {

    static final Map<String, String> SETS = Map.of(
            "default", "-Wno-unique_unit_address -Wno-unit_address_vs_reg -Wno-avoid_unnecessary_addr_size"
                    + " -Wno-alias_paths -Wno-graph_child_address -Wno-simple_bus_reg",
            "w1", "-Wno-unique_unit_address -Wunique_unit_address_if_enabled",
            "w2", "-Wno-unique_unit_address -Wno-unit_address_vs_reg -Wno-avoid_unnecessary_addr_size"
                    + " -Wno-alias_paths -Wno-graph_child_address -Wno-simple_bus_reg -Wnode_name_chars_strict"
                    + " -Wproperty_name_chars_strict -Wunique_unit_address");

    private KernelTreeParity() {
    }

    public static void main(String[] args) throws IOException {
        Path ref = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        List<String> sets = args.length > 2 ? Arrays.asList(args).subList(2, args.length) : List.of("default", "w1",
                "w2");
        List<String[]> boards = new ArrayList<>();
        for (String line : Files.readAllLines(ref.resolve("boards.tsv"))) {
            boards.add(line.split("\t", -1));
        }
        int worst = 0;
        for (String set : sets) {
            int column = set.equals("default") ? 2 : set.equals("w1") ? 3 : 4;
            int same = 0;
            int compared = 0;
            List<String> bad = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String[] b : boards) {
                if (b[column].equals("cpp")) {
                    continue;
                }
                compared++;
                String board = b[0];
                String stem = board.substring(0, board.length() - 4);
                Path refLog = ref.resolve("out").resolve(stem + "." + set + ".log");
                String refOut = ref.resolve("out").resolve(stem + ".dtb").toString();
                Path myOut = out.resolve(stem + ".dtb");
                Files.createDirectories(myOut.getParent());
                List<String> argv = new ArrayList<>(List.of("compile", board, "--kernel-src", ".", "-b", "0"));
                argv.addAll(List.of(SETS.get(set).split(" ")));
                if (!b[1].isBlank()) {
                    argv.addAll(List.of(b[1].trim().split("\\s+")));
                }
                argv.addAll(List.of("-o", myOut.toString()));
                CliRun r = CliRun.run(argv.toArray(new String[0]));
                List<String> mine = lines(r.err().replace(myOut.toString(), refOut));
                List<String> theirs = lines(Files.readString(refLog, StandardCharsets.ISO_8859_1));
                int refRc = Integer.parseInt(b[column]);
                if (multiset(mine).equals(multiset(theirs)) && r.code() == refRc) {
                    same++;
                } else {
                    bad.add(board + " (exit " + r.code() + ", dtc " + refRc + ")\n" + diff(mine, theirs));
                }
            }
            System.out.printf("%s: %d/%d boards print what the kernel's dtc prints (%.0f s)%n", set, same, compared,
                    (System.nanoTime() - t0) / 1e9);
            for (String s : bad.subList(0, Math.min(bad.size(), 20))) {
                System.out.println("  differs: " + s);
            }
            if (same != compared) {
                worst = 1;
            }
        }
        System.exit(worst);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(text.lines().toList());
        return out;
    }

    private static Map<String, Integer> multiset(List<String> lines) {
        Map<String, Integer> m = new HashMap<>();
        for (String l : lines) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }

    /** The lines only one side printed, with their counts. */
    private static String diff(List<String> mine, List<String> theirs) {
        Map<String, Integer> a = multiset(mine);
        Map<String, Integer> b = multiset(theirs);
        Map<String, Integer> d = new TreeMap<>();
        for (var e : a.entrySet()) {
            d.merge(e.getKey(), e.getValue(), Integer::sum);
        }
        for (var e : b.entrySet()) {
            d.merge(e.getKey(), -e.getValue(), Integer::sum);
        }
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (var e : d.entrySet()) {
            if (e.getValue() != 0 && shown++ < 6) {
                sb.append("      ").append(e.getValue() > 0 ? "dtshrink only" : "dtc only").append(" x")
                        .append(Math.abs(e.getValue())).append(": ").append(e.getKey()).append('\n');
            }
        }
        return sb.toString();
    }
}
