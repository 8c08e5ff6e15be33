package org.dtshrink.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.pipeline.Inputs;
import org.dtshrink.pipeline.Loaded;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtshrink compile}: dtc's job, with dtc's flags, and byte-identical output. */
// Not mixinStandardHelpOptions: -V is dtc's blob version here, so --version is -v, as in dtc.
@Command(name = "compile",
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Compiles device-tree source to a blob (or a blob back to source), as dtc does, byte for byte.",
                "Raw kernel sources (#include, #define, #if) are preprocessed first."})
final class CompileCommand implements Callable<Integer> {

    /** The stack of a batch worker: as deep as the launcher's main thread (-Xss16m), for deeply nested sources. */
    private static final long WORKER_STACK_BYTES = 16L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", defaultValue = "-",
            description = "the .dts or .dtb to read; '-' or none for standard input")
    String input;

    @Mixin
    InputOptions in;

    @Mixin
    CompileOnlyOptions compileOnly;

    @Option(names = {"-O", "--out-format"}, paramLabel = "FORMAT",
            description = "output format: dtb or dts; default: from the -o file's extension, else dtb for source input"
                    + " and dts for blob input")
    String outFormat;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "output file; default: standard output")
    String output;

    @Option(names = {"-V", "--out-version"}, paramLabel = "VERSION", converter = CNumber.class, defaultValue = "17",
            description = "blob version: 1, 2, 3, 16 or 17; default: ${DEFAULT-VALUE}")
    long version;

    @Option(names = {"-R", "--reserve"}, paramLabel = "N", converter = CNumber.class, defaultValue = "0",
            description = "add N empty memory-reservation entries")
    long reserveCount;

    @Option(names = {"-S", "--space"}, paramLabel = "BYTES", converter = CNumber.class, defaultValue = "0",
            description = "pad the blob to at least BYTES")
    long minSize;

    @Option(names = {"-p", "--pad"}, paramLabel = "BYTES", converter = CNumber.class, defaultValue = "0",
            description = "add BYTES of padding to the blob")
    long padding;

    @Option(names = {"-a", "--align"}, paramLabel = "BYTES", converter = CNumber.class, defaultValue = "0",
            description = "align the blob's size to BYTES (a power of two)")
    long align;

    @Option(names = {"-b", "--boot-cpu"}, paramLabel = "CPU", converter = CNumber.class,
            description = "boot CPU id for the header; default: the first /cpus/cpu's reg, as dtc guesses it")
    Long bootCpu;

    @Option(names = {"-q", "--quiet"}, description = "quiet, as dtc's: -q no warnings, -qq no errors either, -qqq nothing")
    boolean[] quiet = new boolean[0];

    @Option(names = {"-W", "--warning"}, paramLabel = "CHECK", parameterConsumer = CompileOnlyOptions.WarningFlag.class,
            description = "dtc's check as a warning; -W no-CHECK: not a warning (repeatable, in order)")
    List<String> warnings;

    @Option(names = {"-f", "--force"}, description = "write the output even when a check at error level fails")
    boolean force;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = {"-v", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean versionRequested;

    @Option(names = "--batch", paramLabel = "FILE",
            description = "compile many files in one run: each line of FILE ('-' for standard input) is"
                    + " INPUT<TAB>OUTPUT, or INPUT<TAB>OUTPUT<TAB>FLAGS with compile flags for that file alone"
                    + " (separated by spaces, after the command line's)")
    String batch;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "with --batch: compile on N threads; default: one per processor")
    Integer jobs;

    /** Exit status when a check at error level fails and output is not forced, as dtc's. */
    static final int EXIT_CHECK_ERRORS = 2;

    @Override
    public Integer call() {
        FdtOptions layout = layout();
        CheckLevels levels = levels();
        if (batch != null) {
            return runBatch(layout, levels);
        }
        PrintWriter err = spec.commandLine().getErr();
        if (compileOnly.preprocessOnly()) {
            AtomicOutput.write(output, in.preprocess(input).getBytes(StandardCharsets.UTF_8), System.out);
            return Cli.EXIT_OK;
        }
        int status = compileOne(input, output, layout, levels, err);
        err.flush();
        return status;
    }

    private CheckLevels levels() {
        try {
            return CheckLevels.of(compileOnly.checkFlags);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private FdtOptions layout() {
        try {
            return new FdtOptions(CNumber.toInt("-V", version), CNumber.toInt("-R", reserveCount),
                    CNumber.toInt("-S", minSize), CNumber.toInt("-p", padding), CNumber.toInt("-a", align));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** One compile as dtc does it: its messages on {@code err}, then the output unless a check error stops it. */
    private int compileOne(String inputName, String outputName, FdtOptions layout, CheckLevels levels,
            PrintWriter err) {
        Inputs.Checked checked = Inputs.loadChecked(inputName, in.sourceOptions(), levels, force);
        String outName = outputName == null ? "-" : outputName;
        int q = quiet.length;
        for (String line : checked.parserMessages()) {
            err.println(line);
        }
        for (Diagnostic d : checked.diagnostics()) {
            if (d.shownAt(q)) {
                for (String line : d.lines(outName)) {
                    err.println(line);
                }
            }
        }
        if (checked.errors()) {
            if (!force) {
                err.println("ERROR: Input tree has errors, aborting (use -f to force output)");
                return EXIT_CHECK_ERRORS;
            }
            if (q < 3) {
                err.println("Warning: Input tree has errors, output forced");
            }
        }
        Loaded loaded = checked.loaded();
        DeviceTree tree = loaded.tree();
        if (bootCpu != null) {
            tree.setBootCpuid(bootCpu);
        }
        String format = outputFormat(outputName, loaded.fromSource());
        byte[] data;
        if (format.equals("dtb")) {
            data = FdtWriter.write(tree, layout);
        } else {
            data = DtsPrinter.print(tree).getBytes(StandardCharsets.UTF_8);
        }
        AtomicOutput.write(outputName, data, System.out);
        if (compileOnly.dependencyFile() != null) {
            compileOnly.writeDependencies(outputName == null ? "-" : outputName, loaded.dependencies());
        }
        return Cli.EXIT_OK;
    }

    private String outputFormat(String outputName, boolean fromSource) {
        String f = outFormat;
        if (f == null && outputName != null) {
            if (outputName.endsWith(".dtb") || outputName.endsWith(".dtbo")) {
                f = "dtb";
            } else if (outputName.endsWith(".dts") || outputName.endsWith(".dtsi")) {
                f = "dts";
            }
        }
        if (f == null) {
            f = fromSource ? "dtb" : "dts";
        }
        if (!f.equals("dtb") && !f.equals("dts")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + f + "' (dtb or dts)");
        }
        return f;
    }

    /**
     * Jobs run on a small pool of threads (each with the deep stack the launcher gives the main thread); what each
     * job prints is kept with its result and printed in the order of the batch file, so the output does not depend
     * on the thread count.
     */
    private int runBatch(FdtOptions layout, CheckLevels levels) {
        List<String[]> jobs = readBatch();
        int threads = this.jobs != null ? this.jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-j takes a positive number of threads");
        }
        // Jobs that share an output (standard output, or the one -d file) keep their order by running one at a time.
        if (compileOnly.dependencyFile() != null || jobs.stream().anyMatch(j -> j[1].equals("-"))) {
            threads = 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.forStderr(jobs.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, jobs.size())),
                r -> {
                    Thread t = new Thread(null, r, "dtshrink-batch", WORKER_STACK_BYTES);
                    t.setDaemon(true);
                    return t;
                });
        int failed = 0;
        int refused = 0;
        try {
            List<Future<JobResult>> results = new ArrayList<>(jobs.size());
            for (String[] job : jobs) {
                results.add(pool.submit(() -> compileJob(job, layout, levels)));
            }
            for (Future<JobResult> f : results) {
                JobResult r = f.get();
                if (!r.printed().isEmpty()) {
                    progress.clear();
                    err.print(r.printed());
                }
                if (r.status() == Cli.EXIT_BAD_INPUT) {
                    failed++;
                } else if (r.status() != Cli.EXIT_OK) {
                    refused++;
                }
                progress.step();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DtException("dtshrink: interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        progress.done();
        if (failed + refused > 0) {
            err.println("dtshrink: " + (failed + refused) + " of " + jobs.size() + " failed");
        }
        err.flush();
        return failed > 0 ? Cli.EXIT_BAD_INPUT : refused > 0 ? EXIT_CHECK_ERRORS : Cli.EXIT_OK;
    }

    /** One job of a batch: its exit status and everything it printed, which the batch prints in batch order. */
    record JobResult(int status, String printed) {
    }

    private JobResult compileJob(String[] job, FdtOptions layout, CheckLevels levels) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        int status;
        try {
            if (job.length > 2 && !job[2].isBlank()) {
                CompileCommand own = withFlags(job[2]);
                status = own.compileOne(job[0], job[1], own.layout(), own.levels(), out);
            } else {
                status = compileOne(job[0], job[1], layout, levels, out);
            }
        } catch (DtException e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(e.getMessage());
        } catch (CommandLine.ParameterException e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(job[0] + ": error: bad flags '" + job[2] + "': " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(job[0] + ": error: " + Cli.describe(e));
        }
        out.flush();
        return new JobResult(status, text.toString());
    }

    /** This command line (less --batch) with a job's own flags after it, parsed afresh. */
    private CompileCommand withFlags(String flags) {
        List<String> args = new ArrayList<>();
        List<String> mine = spec.commandLine().getParseResult().expandedArgs();
        for (int i = 0; i < mine.size(); i++) {
            String a = mine.get(i);
            if (a.equals("--batch")) {
                i++;
            } else if (!a.startsWith("--batch=")) {
                args.add(a);
            }
        }
        args.addAll(List.of(flags.trim().split("\\s+")));
        CompileCommand own = new CompileCommand();
        CommandLine cl = new CommandLine(own);
        cl.setOverwrittenOptionsAllowed(true);
        cl.parseArgs(args.toArray(new String[0]));
        return own;
    }

    private List<String[]> readBatch() {
        List<String[]> jobs = new ArrayList<>();
        try (BufferedReader r = batch.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(batch), StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new DtException(batch + ":" + lineNo + ":1: error: expected INPUT<TAB>OUTPUT[<TAB>FLAGS]");
                }
                jobs.add(parts);
            }
        } catch (IOException e) {
            throw new DtException(batch + ": error: cannot read: " + e.getMessage());
        }
        return jobs;
    }
}
