package org.dtshrink.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The dtshrink command line: a picocli command with one subcommand per job. */
@Command(name = "dtshrink",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Measure, prune and emit the Linux device tree for microcontrollers.",
        subcommands = {CompileCommand.class, DecompileCommand.class, CostCommand.class, PruneCommand.class,
                UsageCommand.class, EmitCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

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
        CommandLine cl = Cli.commandLine();
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            cl.getErr().println(Cli.inputOf(cl.getParseResult()) + "error: " + Cli.describe(e));
            return Cli.EXIT_BAD_INPUT;
        }
    }
}
