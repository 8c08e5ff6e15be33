package org.dtshrink.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.CostJsonWriter;
import org.dtshrink.cost.CostReport;
import org.dtshrink.cost.CostTextWriter;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.ReportOptions;
import org.dtshrink.pipeline.Pipeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtshrink cost}: what the kernel's unflatten_device_tree() allocates for a tree, per kernel profile. */
@Command(name = "cost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Computes the RAM the kernel spends on a device tree: the allocation of "
                + "unflatten_device_tree() for a kernel profile, and the blob it keeps.")
final class CostCommand implements Callable<Integer> {

    enum Format { text, json }

    CommandLine.Model.CommandSpec spec;

    /** Picocli hands over the command's model as it builds it; the help then lists the built-in profiles. */
    @CommandLine.Spec
    void setSpec(CommandLine.Model.CommandSpec spec) {
        this.spec = spec;
        ProfileOptions.listInHelp(spec);
    }

    @Parameters(paramLabel = "FILE", description = "the device tree: a .dtb or .dts file (raw kernel sources are"
            + " preprocessed)")
    String file;

    @CommandLine.Mixin
    InputOptions in;

    @CommandLine.Mixin
    ProfileOptions kernels;

    @Option(names = "--dtb-in-flash", description = "the blob stays in flash, so it costs no RAM")
    boolean dtbInFlash;

    @Option(names = "--per-node", description = "bytes of every node, with the padding before it")
    boolean perNode;

    @Option(names = "--top", paramLabel = "N", description = "the N largest subtrees")
    int top;

    @Option(names = "--by-property", description = "bytes per property name across the tree")
    boolean byProperty;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (schema dtshrink-cost/2, see docs/cost-json.md); default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
        }
        List<KernelProfile> selected = kernels.select(spec.commandLine());
        CostReport report = Pipeline.cost(in.load(file), dtbInFlash, selected);
        ReportOptions options = new ReportOptions(perNode, top, byProperty);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? CostJsonWriter.write(report, options)
                : CostTextWriter.write(report, options));
        out.flush();
        return Cli.EXIT_OK;
    }
}
