package org.dtshrink.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.pipeline.AtomicOutput;
import org.dtshrink.pipeline.BatchFile;
import org.dtshrink.pipeline.DtcCompile;
import org.dtshrink.pipeline.OrderedBatch;
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

    /** Clears what the mixins' own code collected from a command line, before this command reads another. */
    void clearCollected() {
        in.clearCollected();
        compileOnly.clearCollected();
    }

    @Override
    public Integer call() {
        FdtOptions layout = layout();
        CheckLevels levels = levels();
        checkOutFormat();
        if (batch != null) {
            return runBatch(layout, levels);
        }
        if (compileOnly.preprocessOnly()) {
            AtomicOutput.write(output, in.preprocess(input).getBytes(StandardCharsets.UTF_8), System.out);
            return Cli.EXIT_OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        int status = DtcCompile.run(request(input, output, layout, levels), err, System.out);
        err.flush();
        return status;
    }

    private DtcCompile.Request request(String inputName, String outputName, FdtOptions layout, CheckLevels levels) {
        return new DtcCompile.Request(inputName, outputName, outFormat, in.sourceOptions(), layout, bootCpu, levels,
                force, quiet.length, compileOnly.dependencyFile());
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

    private void checkOutFormat() {
        if (outFormat != null && !outFormat.equals("dtb") && !outFormat.equals("dts")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + outFormat + "' (dtb or dts)");
        }
    }

    /**
     * The jobs run on {@link OrderedBatch}'s threads; what each prints is kept with its result and printed in the
     * order of the batch file. Status 1 when a job could not be read, else 2 when one stopped at check errors.
     */
    private int runBatch(FdtOptions layout, CheckLevels levels) {
        List<BatchFile.Job> jobs = BatchFile.read(batch, System.in);
        int threads = this.jobs != null ? this.jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "-j takes a positive number of threads");
        }
        // Jobs that share an output (standard output, or the one -d file) keep their order by running one at a time.
        if (compileOnly.dependencyFile() != null || jobs.stream().anyMatch(j -> j.output().equals("-"))) {
            threads = 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = Progress.forStderr(jobs.size());
        int[] failed = new int[2];
        OrderedBatch.run(jobs, threads, job -> compileJob(job, layout, levels), r -> {
            if (!r.printed().isEmpty()) {
                progress.clear();
                err.print(r.printed());
            }
            if (r.status() == Cli.EXIT_BAD_INPUT) {
                failed[0]++;
            } else if (r.status() != Cli.EXIT_OK) {
                failed[1]++;
            }
            progress.step();
        });
        progress.done();
        if (failed[0] + failed[1] > 0) {
            err.println("dtshrink: " + (failed[0] + failed[1]) + " of " + jobs.size() + " failed");
        }
        err.flush();
        return failed[0] > 0 ? Cli.EXIT_BAD_INPUT : failed[1] > 0 ? DtcCompile.EXIT_CHECK_ERRORS : Cli.EXIT_OK;
    }

    /** One job of a batch: its exit status and everything it printed, which the batch prints in batch order. */
    record JobResult(int status, String printed) {
    }

    private JobResult compileJob(BatchFile.Job job, FdtOptions layout, CheckLevels levels) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        int status;
        try {
            if (!job.flags().isEmpty()) {
                CompileCommand own = withFlags(job.flags());
                own.checkOutFormat();
                status = DtcCompile.run(own.request(job.input(), job.output(), own.layout(), own.levels()), out,
                        System.out);
            } else {
                status = DtcCompile.run(request(job.input(), job.output(), layout, levels), out, System.out);
            }
        } catch (DtException e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(e.getMessage());
        } catch (CommandLine.ParameterException e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(job.input() + ": error: bad flags '" + job.flags() + "': " + e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            status = Cli.EXIT_BAD_INPUT;
            out.println(job.input() + ": error: " + Cli.describe(e));
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
        args.addAll(List.of(flags.split("\\s+")));
        CompileCommand own = new CompileCommand();
        CommandLine cl = new CommandLine(own);
        cl.setOverwrittenOptionsAllowed(true);
        cl.parseArgs(args.toArray(new String[0]));
        return own;
    }
}
