package org.dtshrink.cli;

import java.nio.file.Path;
import org.dtshrink.pipeline.UsageBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What the target kernel reads and how far pruning goes: shared by {@code prune}, {@code report} and {@code emit-c}. */
final class PruneOptions {

    enum NodeMode { disabled, driverless }

    @CommandLine.Mixin
    UsageOptions usage;

    @Option(names = "--prune-nodes", paramLabel = "MODE", defaultValue = "disabled",
            description = "disabled: remove unreferenced disabled nodes; driverless: also enabled nodes no built code"
                    + " matches; default: ${DEFAULT-VALUE}")
    NodeMode nodeMode;

    boolean driverless() {
        return nodeMode == NodeMode.driverless;
    }

    /**
     * True when any pruning option is given, so a command that may prune does (and one given only --keep or --drop
     * hears that nothing says what the kernel reads).
     */
    boolean given() {
        return usage.scanSrc != null || usage.kernelConfig != null || !usage.usageFiles.isEmpty()
                || !usage.keeps.isEmpty() || !usage.drops.isEmpty() || driverless();
    }

    UsageBuilder.Built build(Path kernelSrc) {
        return usage.builder(kernelSrc).build();
    }
}
