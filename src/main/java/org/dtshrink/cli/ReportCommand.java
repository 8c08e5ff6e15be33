package org.dtshrink.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.report.JsonReportWriter;
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

    enum Format { text, json }

    /** Why the pruned column is empty until pruning is wired in below. */
    static final String NO_PRUNING = "pruning is not part of this build of dtshrink";
    /** Why the flash-table column is empty until the emitter is wired in below. */
    static final String NO_FLASH_TABLE = "the flash-table emitter is not part of this build of dtshrink";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the device tree: a .dtb or .dts file (raw kernel sources are"
            + " preprocessed)")
    String file;

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
            description = "text or json (schema dtshrink-report/1, see docs/report-json.md); default:"
                    + " ${DEFAULT-VALUE}")
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
        SizeReport report = SizeReport.build(reportInput(file), selected, top);
        String text = format == Format.json ? JsonReportWriter.write(report) : TextReportWriter.write(report);
        if (output == null || output.equals("-")) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(output, text.getBytes(StandardCharsets.UTF_8), System.out);
        }
        return Cli.EXIT_OK;
    }

    private ReportInput reportInput(String name) {
        TreeInput.Loaded loaded = in.load(name);
        // ---- Pruning and flash table: plug in here. ----
        // Pruning: run the pruner on a copy of loaded.tree() and pass new PrunedTree(prunedTree, its blob size,
        // removals) as the fifth argument of new ReportInput(...), with null as the reason.
        // Flash table: per selected profile, put new FlashTable(table RAM, table flash, boot blob size) into the
        // map (keyed by profile name) that is the seventh argument.
        return ReportInput.asIs(name, loaded.tree(), loaded.dtbSize(), dtbInFlash, NO_PRUNING, NO_FLASH_TABLE);
    }
}
