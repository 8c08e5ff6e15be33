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
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? EXIT_USAGE : EXIT_BAD_INPUT);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            String msg;
            if (t instanceof DtException) {
                msg = t.getMessage();
            } else if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException) {
                msg = "error: " + t.getMessage();
            } else if (t instanceof OutOfMemoryError || t instanceof StackOverflowError) {
                msg = "error: input too large or too deeply nested";
            } else {
                msg = "internal error: " + t;
            }
            commandLine.getErr().println(msg);
            return EXIT_BAD_INPUT;
        });
        return cl;
    }
}
