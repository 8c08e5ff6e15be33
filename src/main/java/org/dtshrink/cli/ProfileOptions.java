package org.dtshrink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.cost.KernelProfile;
import org.dtshrink.cost.KernelProfiles;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which kernels to price a tree for: shared by {@code cost}, {@code prune} and {@code report}. */
final class ProfileOptions {

    @Option(names = "--profile", paramLabel = "NAME", description = "a built-in kernel profile; repeatable"
            + " (default " + KernelProfiles.DEFAULT + "; dtshrink cost --help lists them)")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--profile-file", paramLabel = "FILE",
            description = "a kernel profile of your own (key = value lines, see the built-in ones); repeatable")
    List<Path> profileFiles = new ArrayList<>();

    @Option(names = "--all-profiles", description = "every built-in profile, side by side")
    boolean allProfiles;

    /** The profiles chosen; a bad name or file is a usage error of {@code command}. */
    List<KernelProfile> select(CommandLine command) {
        try {
            return KernelProfiles.select(profiles, profileFiles, allProfiles);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(command, e.getMessage());
        }
    }

    /** Ends the command's help with the built-in profiles and what each stands for. */
    static void listInHelp(CommandLine.Model.CommandSpec spec) {
        List<String> footer = new ArrayList<>();
        footer.add("%nBuilt-in profiles (default " + KernelProfiles.DEFAULT + "):");
        for (KernelProfile p : KernelProfiles.all()) {
            footer.add("  " + p.name() + ": " + p.description().replace("%", "%%"));
        }
        spec.usageMessage().footer(footer.toArray(new String[0]));
    }
}
