package org.dtshrink.cli;

import org.dtshrink.pipeline.AtomicOutput;
import org.dtshrink.tree.DtException;
import picocli.CommandLine;

/** Builds the command line with dtshrink's exit codes and its one-line error reporting. */
final class Cli {

    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 1;
    static final int EXIT_USAGE = 2;

    private Cli() {
    }

    /** The whole command line, every subcommand in it. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line to run {@code args}: with only the subcommand they name when they name one (picocli's model
     * of all the others, built by reflection, was half the time of a small compile on the server), else all of them.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        boolean one = !first.equals("help") && java.util.Arrays.asList(Main.SUBCOMMANDS).contains(first);
        for (String name : one ? new String[] {first} : Main.SUBCOMMANDS) {
            cl.addSubcommand(Main.subcommand(name));
        }
        CommandLine compile = cl.getSubcommands().get("compile");
        if (compile != null) {
            // dtc takes a flag twice (the kernel's makefiles can pass -@ twice); so does compile
            compile.setOverwrittenOptionsAllowed(true);
        }
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_BAD_INPUT);
        cl.setParameterExceptionHandler(Cli::usageError);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof CommandLine.ParameterException pe) {
                return usageError(pe, new String[0]);
            }
            commandLine.getErr().println(ex instanceof DtException ? ex.getMessage()
                    : inputOf(parseResult) + "error: " + describe(ex));
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    /** A usage error: its one line, and where to look, instead of the whole help. */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        c.getErr().println(ex.getMessage());
        c.getErr().println("try '" + c.getCommandSpec().qualifiedName() + " --help'");
        c.getErr().flush();
        return EXIT_USAGE;
    }

    /** {@code "FILE: "} for the input the failed command was given, so that the error names it; else "". */
    static String inputOf(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult p = parseResult;
        if (p == null) {
            return "";
        }
        while (p.subcommand() != null) {
            p = p.subcommand();
        }
        for (CommandLine.Model.PositionalParamSpec pos : p.matchedPositionals()) {
            Object v = pos.getValue();
            if (v instanceof java.util.List<?> l && !l.isEmpty()) {
                v = l.get(0);
            }
            if (v != null) {
                return (v.equals("-") ? "<stdin>" : v) + ": ";
            }
        }
        return "";
    }

    /** One line for a failure that is not a {@link DtException}; a bug still gets no stack trace on the screen. */
    static String describe(Throwable t) {
        if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
            return t.getMessage();
        }
        if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
            return "input too large or too deeply nested";
        }
        return "internal error: " + t;
    }

    /** Text to a file (written whole, as every output is), or to the command's standard output for null or "-". */
    static void writeText(String target, String text, CommandLine command) {
        if (target == null || target.equals("-")) {
            java.io.PrintWriter out = command.getOut();
            out.print(text);
            out.flush();
        } else {
            AtomicOutput.write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), System.out);
        }
    }
}
