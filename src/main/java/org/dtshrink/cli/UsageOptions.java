package org.dtshrink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.pipeline.UsageBuilder;
import picocli.CommandLine.Option;

/** The options that say what the target kernel reads, shared by {@code prune} and {@code usage}. */
final class UsageOptions {

    @Option(names = "--kernel-config", paramLabel = "FILE",
            description = "the kernel's .config: scan only the C files it builds (needs --kernel-src or --scan-src)")
    Path kernelConfig;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "the kernel architecture directory (arm, arm64, ...); default: from the .config")
    String arch;

    @Option(names = "--scan-src", paramLabel = "DIR",
            description = "the kernel source to scan, when it is not the --kernel-src that preprocesses the input;"
                    + " without --kernel-config every C file in it is scanned")
    Path scanSrc;

    @Option(names = "--usage", paramLabel = "FILE",
            description = "a list of property names and globs the kernel reads (see docs/prune.md); repeatable")
    List<Path> usageFiles = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "PATTERN", description = "keep properties matching this glob; repeatable")
    List<String> keeps = new ArrayList<>();

    @Option(names = "--drop", paramLabel = "PATTERN",
            description = "remove properties matching this glob even when read (--keep wins); repeatable")
    List<String> drops = new ArrayList<>();

    /** The builder for these options; the scan tree is --scan-src, else --kernel-src when a .config is given. */
    UsageBuilder builder(Path kernelSrc) {
        UsageBuilder b = new UsageBuilder();
        Path scan = scanSrc != null ? scanSrc : kernelConfig != null ? kernelSrc : null;
        b.scanRoot(scan).config(kernelConfig).arch(arch);
        usageFiles.forEach(b::usageFile);
        keeps.forEach(b::keep);
        drops.forEach(b::drop);
        return b;
    }
}
