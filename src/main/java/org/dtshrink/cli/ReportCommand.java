package org.dtshrink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.report.HtmlReportWriter;
import org.dtshrink.report.JsonIn;
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

    /** Why the pruned column is empty until pruning is wired in below. */
    static final String NO_PRUNING = "pruning is not part of this build of dtshrink";
    /** Why the flash-table column is empty until the emitter is wired in below. */
    static final String NO_FLASH_TABLE = "the flash-table emitter is not part of this build of dtshrink";

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

    @Option(names = "--profile", paramLabel = "NAME", description = "a built-in kernel profile; repeatable"
            + " (default " + KernelProfiles.DEFAULT + ")")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--profile-file", paramLabel = "FILE", description = "a kernel profile of your own; repeatable")
    List<Path> profileFiles = new ArrayList<>();

    @Option(names = "--all-profiles", description = "every built-in profile, side by side")
    boolean allProfiles;

    @Option(names = "--dtb-in-flash", description = "the blob stays in flash, so it costs no RAM")
    boolean dtbInFlash;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "how many subtrees and property names to list; default: ${DEFAULT-VALUE}")
    int top;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (schema dtshrink-report/1, see docs/report-json.md) or html (one"
                    + " self-contained page with treemaps); default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "-o", paramLabel = "FILE", description = "output file; default: standard output")
    String output;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must not be negative: " + top);
        }
        List<KernelProfile> selected;
        try {
            selected = KernelProfiles.select(profiles, profileFiles, allProfiles);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
        SizeReport report = SizeReport.build(reportInput(files.get(0)), selected, top);
        emit(switch (format) {
            case json -> JsonReportWriter.write(report);
            case html -> HtmlReportWriter.write(report);
            case text -> TextReportWriter.write(report);
        });
        return Cli.EXIT_OK;
    }

    /** A stored JSON report as it is; any other input measured into one. */
    private Object reportJson(String name, List<KernelProfile> selected) {
        if (!name.equals("-")) {
            try {
                String text = Files.readString(Path.of(name), StandardCharsets.UTF_8);
                if (text.stripLeading().startsWith("{")) {
                    return JsonIn.parse(name, text);
                }
            } catch (MalformedInputException e) {
                // Not UTF-8 text, so not a JSON report: a blob.
            } catch (IOException e) {
                throw new UncheckedIOException(name + ": " + e.getMessage(), e);
            }
        }
        SizeReport report = SizeReport.build(reportInput(name), selected, top);
        return JsonIn.parse(name, JsonReportWriter.write(report));
    }

    private void emit(String text) {
        if (output == null || output.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(output, text.getBytes(StandardCharsets.UTF_8), System.out);
        }
    }

    private ReportInput reportInput(String name) {
        TreeInput.Loaded loaded = in.load(name);
        // ---- Pruning and flash table: plug in here. ----
        // Pruning: load the input a second time and prune that copy (org.dtshrink.prune.Pruner.prune with the usage
        // options of the prune command); pass new PrunedTree(copy, FdtWriter.write(copy, FdtOptions.DEFAULTS).length,
        // removals as report.Removal(nodePath, property, reason)) to new ReportInput(...), with null as its reason.
        // Flash table: per selected profile, from the pruned tree when there is one, t = new StaticTable(
        // UnflattenedTree.of(tree, profile, name)) and put new FlashTable(t.ramBytes(), t.flashBytes(), size of the
        // blob of BootDtb.of(tree)) under the profile's name, with null as the reason.
        return ReportInput.asIs(name, loaded.tree(), loaded.dtbSize(), dtbInFlash, NO_PRUNING, NO_FLASH_TABLE);
    }
}
