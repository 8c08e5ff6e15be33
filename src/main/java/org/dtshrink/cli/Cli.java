package org.dtshrink.cli;

import org.dtshrink.tree.DtException;
import picocli.CommandLine;

/** Builds the command line with dtshrink's exit codes and its one-line error reporting. */
final class Cli {

    static final int EXIT_OK = 0;
    static final int EXIT_BAD_INPUT = 1;
    static final int EXIT_USAGE = 2;

    private Cli() {
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // dtc takes a flag twice (the kernel's makefiles can pass -@ twice); so does compile
        cl.getSubcommands().get("compile").setOverwrittenOptionsAllowed(true);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_BAD_INPUT);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(ex instanceof DtException ? ex.getMessage() : "error: " + describe(ex));
            return EXIT_BAD_INPUT;
        });
        return cl;
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
}
