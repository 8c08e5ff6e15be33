package org.dtshrink.cli;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import org.dtshrink.emit.CTableWriter;
import org.dtshrink.emit.KernelPatch;
import org.dtshrink.emit.Provenance;
import org.dtshrink.emit.SizesReport;
import org.dtshrink.emit.StaticTable;
import org.dtshrink.emit.UnflattenedDump;
import org.dtshrink.emit.UnflattenedTree;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.pipeline.AtomicOutput;
import org.dtshrink.pipeline.Loaded;
import org.dtshrink.pipeline.Pipeline;
import org.dtshrink.tree.DtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtshrink emit-c}: the unflattened tree as static C for the kernel to link instead of unflattening. */
@Command(name = "emit-c",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Writes the tree unflatten_device_tree() would build as one C file of static structs: "
                + "struct device_node in RAM, everything the kernel never writes const (flash). See docs/emit.md.")
final class EmitCommand implements Callable<Integer> {

    CommandLine.Model.CommandSpec spec;

    /** Picocli hands over the command's model as it builds it; the help then lists the built-in profiles. */
    @CommandLine.Spec
    void setSpec(CommandLine.Model.CommandSpec spec) {
        this.spec = spec;
        ProfileOptions.listInHelp(spec);
    }

    @Parameters(paramLabel = "FILE", description = "the device tree: a .dtb or .dts file")
    String file;

    @CommandLine.Mixin
    InputOptions in;

    /** Any of these prunes the tree before the table is built, as dtshrink prune would. */
    @CommandLine.Mixin
    PruneOptions pruning;

    @Option(names = "--profile", paramLabel = "NAME", description = "the kernel's built-in profile (listed below)")
    String profile;

    @Option(names = "--profile-file", paramLabel = "FILE", description = "a kernel profile of your own")
    Path profileFile;

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.c", description = "the C file to write; - for standard output"
            + " (default: none with --sizes, else standard output)")
    String output;

    @Option(names = "--sizes", description = "print the table's RAM (.data) and flash (.rodata) bytes")
    boolean sizes;

    @Option(names = "--root-function", paramLabel = "NAME", defaultValue = CTableWriter.DEFAULT_ROOT_FUNCTION,
            description = "the name of the function that returns the root; default: ${DEFAULT-VALUE}")
    String rootFunction;

    @Option(names = "--kernel-patch", paramLabel = "OUT.patch",
            description = "also write a patch for Linux 6.12 that adds CONFIG_OF_STATIC_TREE and this table")
    String kernelPatch;

    @Option(names = "--patch-path", paramLabel = "PATH", defaultValue = KernelPatch.DEFAULT_PATH,
            description = "where the patch puts the table in the kernel tree (a .c file in drivers/of/);"
                    + " default: ${DEFAULT-VALUE}")
    String patchPath;

    @Option(names = "--signoff", paramLabel = "'NAME <ADDRESS>'",
            description = "the patch's author and Signed-off-by:; default: git's user.name and user.email")
    String signoff;

    @Option(names = "--boot-dtb", paramLabel = "OUT.dtb",
            description = "also write the smallest blob early boot still reads (memory, /chosen, reserved memory,"
                    + " the console)")
    String bootDtb;

    @Option(names = "--dump", paramLabel = "OUT.txt",
            description = "also write the unflattened tree as text, a line a node and a property, values in hex, in"
                    + " the order the kernel's of_find_all_nodes() visits them; - for standard output")
    String dump;

    @Override
    public Integer call() {
        if (!KernelPatch.isValidPath(patchPath)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--patch-path must name a new .c file in drivers/of/: " + patchPath);
        }
        String author = kernelPatch == null ? null : author();
        if (kernelPatch != null && !rootFunction.equals(CTableWriter.DEFAULT_ROOT_FUNCTION)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--kernel-patch calls " + CTableWriter.DEFAULT_ROOT_FUNCTION + "(): drop --root-function");
        }
        if (profile != null && profileFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--profile and --profile-file are exclusive: a table is for one kernel");
        }
        if (!rootFunction.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--root-function must be a C identifier: " + rootFunction);
        }
        KernelProfile kp;
        try {
            kp = KernelProfiles.select(profile == null ? List.of() : List.of(profile),
                    profileFile == null ? List.of() : List.of(profileFile), false).get(0);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Loaded loaded = in.load(file);
        // of the input as given, before pruning changes the tree
        Provenance provenance = provenance(loaded);
        Pipeline.Table run = Pipeline.flashTable(loaded, pruning.given() ? pruning.build(in.kernelSrc) : null,
                pruning.driverless(), kp);
        UnflattenedTree tree = run.tree();
        StaticTable table = run.table();
        byte[] c = CTableWriter.write(table, provenance, rootFunction);
        byte[] boot = run.bootDtb();
        if (output != null || !(sizes || kernelPatch != null || bootDtb != null || dump != null)) {
            AtomicOutput.write(output == null ? "-" : output, c, System.out);
        }
        if (kernelPatch != null) {
            AtomicOutput.write(kernelPatch, KernelPatch.write(c, patchPath, provenance, author,
                    new KernelPatch.Figures(table, run.dtbSize(), boot.length)), System.out);
        }
        if (bootDtb != null) {
            AtomicOutput.write(bootDtb, boot, System.out);
        }
        if (dump != null) {
            AtomicOutput.write(dump, UnflattenedDump.dump(tree), System.out);
        }
        if (sizes) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(SizesReport.write(file, table, run.dtbSize(), boot.length, run.prunedSummary()));
            out.flush();
        }
        return Cli.EXIT_OK;
    }

    /** The patch's author: --signoff, else git's identity; a usage error before any input is read when neither. */
    private String author() {
        String who = signoff != null ? signoff : GitIdentity.get();
        if (who == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--kernel-patch needs a Signed-off-by:"
                    + " give --signoff 'Name <address>' or set git's user.name and user.email");
        }
        if (!KernelPatch.isValidSignoff(who)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--signoff must be 'Name <address>': "
                    + who);
        }
        return who;
    }

    /** Options whose value is a file or directory, named in the header as {@link Provenance#name} names them. */
    private static final java.util.Set<String> PATH_OPTIONS = java.util.Set.of("-i", "-I", "--kernel-src",
            "--usage", "--kernel-config", "--scan-src", "--profile-file");
    /** Options that say where output goes, not what it is: left out of the header. */
    private static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("-o", "--out", "--kernel-patch",
            "--boot-dtb", "--dump", "-d", "--signoff");

    private Provenance provenance(Loaded loaded) {
        List<String> options = new ArrayList<>();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        Path tree = in.kernelSrc;
        // What shaped the table, not where it was written or from which directory: drop the input and the output
        // options, name files as the header names the input.
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
            if (OUTPUT_OPTIONS.contains(name)) {
                i += name.equals(a) ? 1 : 0;
            } else if (a.equals("--sizes") || a.equals(file) || a.equals(spec.name())) {
                continue;
            } else if (PATH_OPTIONS.contains(name)) {
                String v = name.equals(a) ? (i + 1 < args.size() ? args.get(++i) : "") : a.substring(eq + 1);
                boolean format = name.equals("-I") && List.of("dts", "dtb", "fs").contains(v);
                options.add(name + " " + (format ? v : Provenance.name(Path.of(v), tree)));
            } else {
                options.add(a);
            }
        }
        if (profile == null && profileFile == null) {
            options.add(0, "--profile " + KernelProfiles.DEFAULT + " (default)");
        }
        if (file.equals("-")) {
            byte[] blob = FdtWriter.write(loaded.tree(), FdtOptions.DEFAULTS);
            return new Provenance(VersionProvider.version(), "<stdin>", Provenance.sha256(blob),
                    "of the blob dtshrink writes for it", options);
        }
        try {
            return new Provenance(VersionProvider.version(), Provenance.name(Path.of(file), tree),
                    Provenance.sha256(Files.readAllBytes(WorkingDirectory.resolve(file))), "of the file", options);
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot read: " + e.getMessage());
        }
    }
}
