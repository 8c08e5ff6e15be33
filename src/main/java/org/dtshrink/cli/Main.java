package org.dtshrink.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The dtshrink command line: a picocli command with one subcommand per job. */
@Command(name = "dtshrink",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure, prune and emit the Linux device tree for microcontrollers.")
public final class Main implements Runnable {

    /** The subcommands, in the order help lists them; {@link Cli#commandLine(String...)} adds them. */
    static final String[] SUBCOMMANDS = {"compile", "decompile", "cost", "prune", "usage", "emit-c", "report", "help"};

    static Object subcommand(String name) {
        return switch (name) {
            case "compile" -> new CompileCommand();
            case "decompile" -> new DecompileCommand();
            case "cost" -> new CostCommand();
            case "prune" -> new PruneCommand();
            case "usage" -> new UsageCommand();
            case "emit-c" -> new EmitCommand();
            case "report" -> new ReportCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status: 0 success, 1 bad input, 2 bad usage. */
    public static int run(String... args) {
        CommandLine cl = ReusedCommandLines.take(args);
        int status;
        try {
            status = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            cl.getErr().println(Cli.inputOf(cl.getParseResult()) + "error: " + Cli.describe(e));
            cl.getErr().flush();
            return Cli.EXIT_BAD_INPUT;
        }
        ReusedCommandLines.give(args, cl);
        return status;
    }
}
