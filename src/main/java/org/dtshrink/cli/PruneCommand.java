package org.dtshrink.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.CostResult;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.prune.PruneJsonWriter;
import org.dtshrink.prune.PruneReport;
import org.dtshrink.prune.PruneResult;
import org.dtshrink.prune.PruneTextWriter;
import org.dtshrink.prune.Pruner;
import org.dtshrink.scan.UsageBuilder;
import org.dtshrink.tree.DeviceTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dtshrink prune}: removes what the target kernel never reads, and says what that saves. */
@Command(name = "prune",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Removes the properties the target kernel never reads, disabled nodes nothing refers to and"
                + " phandles nothing uses; every reference stays whole.",
                "What the kernel reads comes from its sources (--kernel-src/--scan-src with --kernel-config) or a"
                        + " usage list (--usage), on top of a built-in core set."})
final class PruneCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the device tree: a .dtb or .dts file (raw kernel sources are"
            + " preprocessed)")
    String file;

    @CommandLine.Mixin
    InputOptions in;

    @CommandLine.Mixin
    PruneOptions pruning;

    @Option(names = "-o", paramLabel = "OUT", required = true,
            description = "the pruned tree: OUT.dtb, or OUT.dts for source")
    String output;

    @Option(names = "--explain", description = "list every removed property and node with its reason")
    boolean explain;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (schema dtshrink-prune/1, always with every removal); default: ${DEFAULT-VALUE}")
    Format format;

    @CommandLine.Mixin
    ProfileOptions kernels;

    @Override
    public Integer call() {
        List<KernelProfile> selected = kernels.select(spec.commandLine());
        UsageBuilder.Built built = pruning.build(in.kernelSrc);
        TreeInput.Loaded loaded = in.load(file);
        DeviceTree tree = loaded.tree();
        long blobBefore = loaded.dtbSize();
        List<CostResult> before = PruneReport.measure(tree, selected);
        PruneResult result = Pruner.pruneVerified(tree, built.usage(), pruning.driverless());
        byte[] blob = FdtWriter.write(tree, FdtOptions.DEFAULTS);
        boolean dts = output.endsWith(".dts") || output.endsWith(".dtsi");
        AtomicOutput.write(output, dts ? DtsPrinter.print(tree).getBytes(StandardCharsets.UTF_8) : blob, System.out);
        PruneReport report = PruneReport.finish(file, result, before, tree, blobBefore, blob.length, built);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? PruneJsonWriter.write(report) : PruneTextWriter.write(report, explain));
        out.flush();
        return Cli.EXIT_OK;
    }
}
