package org.dtshrink.cli;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.pipeline.Loaded;
import org.dtshrink.pipeline.Pipeline;
import org.dtshrink.pipeline.UsageBuilder;
import org.dtshrink.report.ComparedReport;
import org.dtshrink.report.HtmlReportWriter;
import org.dtshrink.report.JsonReportWriter;
import org.dtshrink.report.ReportComparison;
import org.dtshrink.report.ReportInput;
import org.dtshrink.report.SizeReport;
import org.dtshrink.report.TextReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtshrink report}: the tree's RAM as is, pruned and as a flash table, side by side. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Shows where a device tree's RAM goes and what dtshrink saves: as is, pruned and as a"
                + " flash table, per kernel profile.")
final class ReportCommand implements Callable<Integer> {

    enum Format { text, json, html }

    /** Why the pruned column is empty: nothing said what the kernel reads. */
    static final String NO_USAGE = "say what the kernel reads with --usage FILE, --scan-src DIR, or --kernel-src DIR"
            + " with --kernel-config FILE (see dtshrink prune --help)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..2", description = "the device tree: a .dtb or .dts file (raw"
            + " kernel sources are preprocessed); with --compare, OLD and NEW: inputs or JSON reports")
    List<String> files = new ArrayList<>();

    @Option(names = "--compare", description = "compare OLD and NEW: RAM per column and per top-level subtree;"
            + " exit status 1 when RAM grows by more than --max-growth")
    boolean compare;

    @Option(names = "--max-growth", paramLabel = "BYTES", defaultValue = "0",
            description = "with --compare, the RAM growth a column may have; default: ${DEFAULT-VALUE}")
    long maxGrowth;

    @CommandLine.Mixin
    InputOptions in;

    @CommandLine.Mixin
    PruneOptions pruning;

    @CommandLine.Mixin
    ProfileOptions kernels;

    @Option(names = "--dtb-in-flash", description = "the blob stays in flash, so it costs no RAM")
    boolean dtbInFlash;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "how many subtrees and property names to list; default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (schema dtshrink-report/2, see docs/report-json.md) or html (one"
                    + " self-contained page with treemaps); default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "-o", paramLabel = "FILE", description = "output file; default: standard output")
    String output;

    /** Built once: a kernel scan takes seconds, and --compare prices two inputs against the same kernel. */
    private UsageBuilder.Built usage;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
        }
        List<KernelProfile> selected = kernels.select(spec.commandLine());
        if (files.size() != (compare ? 2 : 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), compare
                    ? "--compare takes two files, OLD and NEW" : "one FILE expected (two only with --compare)");
        }
        if (maxGrowth < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-growth must not be negative");
        }
        if (compare && format != Format.text) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--compare writes text only");
        }
        if (compare) {
            ReportComparison c = ReportComparison.compare(files.get(0), reportJson(files.get(0), selected),
                    files.get(1), reportJson(files.get(1), selected), maxGrowth);
            emit(c.text());
            return c.tooMuchGrowth().isEmpty() ? Cli.EXIT_OK : Cli.EXIT_BAD_INPUT;
        }
        SizeReport report = SizeReport.build(reportInput(files.get(0), selected), selected, top);
        emit(switch (format) {
            case json -> JsonReportWriter.write(report);
            case html -> HtmlReportWriter.write(report);
            case text -> TextReportWriter.write(report);
        });
        return Cli.EXIT_OK;
    }

    /** A stored JSON report's figures; any other input measured. */
    private ComparedReport reportJson(String name, List<KernelProfile> selected) {
        if (!name.equals("-")) {
            try {
                String text = Files.readString(WorkingDirectory.resolve(name), StandardCharsets.UTF_8);
                if (text.stripLeading().startsWith("{")) {
                    return ComparedReport.read(name, text);
                }
            } catch (MalformedInputException e) {
                // Not UTF-8 text, so not a JSON report: a blob.
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
        }
        return ComparedReport.of(SizeReport.build(reportInput(name, selected), selected, top));
    }

    private void emit(String text) {
        Cli.writeText(output, text, spec.commandLine());
    }

    private ReportInput reportInput(String name, List<KernelProfile> selected) {
        Loaded loaded = in.load(name);
        if (pruning.given() && usage == null) {
            usage = pruning.build(in.kernelSrc);
        }
        return Pipeline.report(loaded, pruning.given() ? usage : null, pruning.driverless(), dtbInFlash, selected,
                NO_USAGE);
    }
}
