package org.dtshrink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dtshrink.cost.Category;
import org.dtshrink.cost.CostJsonWriter;
import org.dtshrink.cost.CostReport;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.CostTextWriter;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.cost.ReportOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.tree.DeviceTree;

/**
 * Benchmark: the cost of every blob under a directory under every built-in profile, in one JVM, with both
 * renderings, timed per round. Checks on the way that each result's categories add up to its allocation.
 * Usage: {@code java -cp target/dtshrink.jar org.dtshrink.cli.CostBench DIR [ROUNDS]}.
 */
public final class CostBench {

    private CostBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: CostBench DIR [ROUNDS]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> blobs;
        try (Stream<Path> s = Files.walk(dir)) {
            blobs = s.filter(p -> p.toString().endsWith(".dtb") && Files.isRegularFile(p)).sorted()
                    .collect(Collectors.toList());
        }
        List<KernelProfile> profiles = KernelProfiles.all();
        ReportOptions everything = new ReportOptions(true, 10, true);
        for (int round = 1; round <= rounds; round++) {
            long read = 0;
            long cost = 0;
            long render = 0;
            long bytes = 0;
            long output = 0;
            for (Path blob : blobs) {
                long t0 = System.nanoTime();
                byte[] raw = Files.readAllBytes(blob);
                DeviceTree tree = FdtReader.read(raw, blob.toString());
                long t1 = System.nanoTime();
                CostReport report = CostReport.measure(blob.toString(), tree, raw.length, false, profiles);
                long t2 = System.nanoTime();
                output += CostTextWriter.write(report, everything).length();
                output += CostJsonWriter.write(report, everything).length();
                long t3 = System.nanoTime();
                read += t1 - t0;
                cost += t2 - t1;
                render += t3 - t2;
                for (CostResult r : report.results()) {
                    check(blob, r);
                    bytes += r.allocation();
                }
            }
            System.out.printf(Locale.ROOT, "round %d: %d blobs x %d profiles = %d costs: read %d ms, cost %d ms,"
                    + " text+JSON reports with every section %d ms; total %d ms (%,d bytes allocated in all,"
                    + " %,d chars of reports)%n",
                    round, blobs.size(), profiles.size(), blobs.size() * profiles.size(), read / 1_000_000,
                    cost / 1_000_000, render / 1_000_000, (read + cost + render) / 1_000_000, bytes, output);
        }
    }

    private static void check(Path blob, CostResult r) {
        long sum = 0;
        for (Category c : Category.values()) {
            sum += r.bytes(c);
        }
        if (sum != r.allocation()) {
            throw new IllegalStateException(blob + " " + r.profile().name() + ": categories add up to " + sum
                    + ", allocation is " + r.allocation());
        }
    }
}
