package org.dtshrink.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.dtshrink.prune.UsageBuilder;
import org.dtshrink.prune.UsageWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dtshrink usage}: prints the usage set prune would use, with the files each entry came from. */
@Command(name = "usage",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Prints what the target kernel can read from a device tree (property names, compatibles,"
                + " whole subtrees), each with the files it came from, so that the set prune uses can be audited.")
final class UsageCommand implements Callable<Integer> {

    enum Format { text, json }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kernel-src", paramLabel = "DIR", description = "the kernel source tree to scan")
    Path kernelSrc;

    @CommandLine.Mixin
    UsageOptions usage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (schema dtshrink-usage/1); default: ${DEFAULT-VALUE}")
    Format format;

    @Override
    public Integer call() {
        UsageBuilder b = usage.builder(kernelSrc);
        if (usage.scanSrc == null && usage.kernelConfig == null && kernelSrc != null) {
            b.scanRoot(kernelSrc);
        }
        UsageBuilder.Built built = b.build();
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? UsageWriter.json(built.usage()) : UsageWriter.text(built.usage()));
        out.flush();
        return Cli.EXIT_OK;
    }
}
