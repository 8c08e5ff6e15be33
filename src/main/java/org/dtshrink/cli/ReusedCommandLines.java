package org.dtshrink.cli;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedDeque;
import picocli.CommandLine;

/**
 * The command lines of {@code compile} that finished a run, kept for later runs in the same JVM: the server runs
 * one per board of a kernel build, and building one from picocli's annotations cost as much CPU as compiling a
 * small board. A command line serves one run at a time. picocli puts every option and parameter back to its
 * initial value before it parses; what the options' own code collected ({@link CompileCommand#clearCollected}) is
 * cleared here. A command line writes to the System.out and System.err it first saw, so it is reused only while
 * those are still the same streams (the server installs its own once, before any run).
 */
final class ReusedCommandLines {

    /** Enough for the server's concurrent requests; more finished command lines than this are dropped. */
    private static final int KEPT = 8;

    private record Kept(CommandLine commandLine, PrintStream out, PrintStream err) {
    }

    private static final ConcurrentLinkedDeque<Kept> COMPILE = new ConcurrentLinkedDeque<>();

    private ReusedCommandLines() {
    }

    private static boolean reusable(String[] args) {
        return args.length > 0 && args[0].equals("compile");
    }

    /** A command line for {@code args}: a kept one when there is one to reuse, else a new one. */
    static CommandLine take(String[] args) {
        if (reusable(args)) {
            Kept k;
            while ((k = COMPILE.poll()) != null) {
                if (k.out() == System.out && k.err() == System.err) {
                    compile(k.commandLine()).clearCollected();
                    return k.commandLine();
                }
            }
        }
        return Cli.commandLine(args);
    }

    /** Keeps a command line whose run of {@code args} returned normally, its output flushed. */
    static void give(String[] args, CommandLine cl) {
        cl.getOut().flush();
        cl.getErr().flush();
        if (reusable(args) && COMPILE.size() < KEPT) {
            COMPILE.push(new Kept(cl, System.out, System.err));
        }
    }

    private static CompileCommand compile(CommandLine cl) {
        return (CompileCommand) cl.getSubcommands().get("compile").getCommand();
    }
}
