package org.dtshrink.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dtshrink.pipeline.UsageBuilder;
import org.dtshrink.usage.UsageWriter;
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

    enum Format { text, json, list }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--kernel-src", paramLabel = "DIR", description = "the kernel source tree to scan")
    Path kernelSrc;

    @CommandLine.Mixin
    UsageOptions usage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, json (schema dtshrink-usage/1), or list: a usage file for --usage, so a kernel is"
                    + " scanned once and its list kept beside the board; default: ${DEFAULT-VALUE}")
    Format format;

    @Option(names = "-o", paramLabel = "FILE", description = "output file; default: standard output")
    String output;

    @Override
    public Integer call() {
        UsageBuilder b = usage.builder(kernelSrc);
        if (usage.scanSrc == null && usage.kernelConfig == null && kernelSrc != null) {
            b.scanRoot(kernelSrc);
        }
        UsageBuilder.Built built = b.build();
        String text = switch (format) {
            case json -> UsageWriter.json(built.usage());
            case text -> UsageWriter.text(built.usage());
            case list -> UsageWriter.list(built.usage(), List.of(
                    "What a kernel reads from a device tree, for dtshrink --usage. Made by dtshrink "
                            + VersionProvider.version() + ":",
                    "  dtshrink usage " + String.join(" ", madeWith())));
        };
        Cli.writeText(output, text, spec.commandLine());
        return Cli.EXIT_OK;
    }

    /** The options that shaped the list, without where it was written. */
    private List<String> madeWith() {
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0);
        }
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-o") && i + 1 < args.size()) {
                args.remove(i + 1);
                args.remove(i--);
            } else if (args.get(i).startsWith("-o")) {
                args.remove(i--);
            }
        }
        return args;
    }
}
