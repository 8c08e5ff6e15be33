package org.dtshrink.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.pipeline.AtomicOutput;
import org.dtshrink.pipeline.Pipeline;
import org.dtshrink.pipeline.UsageBuilder;
import org.dtshrink.prune.PruneJsonWriter;
import org.dtshrink.prune.PruneReport;
import org.dtshrink.prune.PruneTextWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        Pipeline.Pruned pruned = Pipeline.prune(in.load(file), built, pruning.driverless(), selected);
        boolean dts = output.endsWith(".dts") || output.endsWith(".dtsi");
        AtomicOutput.write(output, dts ? DtsPrinter.print(pruned.tree()).getBytes(StandardCharsets.UTF_8)
                : pruned.blob(), System.out);
        PruneReport report = pruned.report();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? PruneJsonWriter.write(report) : PruneTextWriter.write(report, explain));
        out.flush();
        return Cli.EXIT_OK;
    }
}
