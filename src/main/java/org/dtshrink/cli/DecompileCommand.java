package org.dtshrink.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.pipeline.AtomicOutput;
import org.dtshrink.pipeline.Loaded;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dtshrink decompile}: a blob (or source) printed as DTS that compiles back to the identical blob. */
@Command(name = "decompile",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints a device tree as DTS source. The source compiles back, with dtc or dtshrink, to the"
                + " identical blob.")
final class DecompileCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "INPUT", defaultValue = "-",
            description = "the .dtb (or .dts) to read; '-' or none for standard input")
    String input;

    @Mixin
    InputOptions in;

    @Option(names = "-o", paramLabel = "FILE", description = "output file; default: standard output")
    String output;

    @Override
    public Integer call() {
        Loaded loaded = in.load(input);
        AtomicOutput.write(output, DtsPrinter.print(loaded.tree()).getBytes(StandardCharsets.UTF_8), System.out);
        return Cli.EXIT_OK;
    }
}
