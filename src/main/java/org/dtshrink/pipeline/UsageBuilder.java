package org.dtshrink.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.scan.KernelConfig;
import org.dtshrink.scan.KernelScan;
import org.dtshrink.tree.DtException;
import org.dtshrink.usage.CoreUsage;
import org.dtshrink.usage.UsageFile;
import org.dtshrink.usage.UsageSet;

/**
 * Resolves the usage set a prune works from, out of what a user gave: the core set, a kernel scan (a source tree, with or without a
 * configuration), usage files, and keep/drop patterns on top. At least one source besides the core set is required:
 * the core set alone would prune nearly every property of every driver.
 */
public final class UsageBuilder {

    /** The usage set and, when a kernel was scanned, the scan's figures (null otherwise). */
    public record Built(UsageSet usage, KernelScan.Result scan) {
    }

    private Path scanRoot;
    private Path config;
    private String arch;
    private final List<Path> usageFiles = new ArrayList<>();
    private final List<String> keeps = new ArrayList<>();
    private final List<String> drops = new ArrayList<>();

    public UsageBuilder scanRoot(Path dir) {
        this.scanRoot = dir;
        return this;
    }

    public UsageBuilder config(Path file) {
        this.config = file;
        return this;
    }

    public UsageBuilder arch(String a) {
        this.arch = a;
        return this;
    }

    public UsageBuilder usageFile(Path file) {
        usageFiles.add(file);
        return this;
    }

    public UsageBuilder keep(String pattern) {
        keeps.add(pattern);
        return this;
    }

    public UsageBuilder drop(String pattern) {
        drops.add(pattern);
        return this;
    }

    public Built build() {
        if (config != null && scanRoot == null) {
            throw new DtException("error: a kernel configuration needs the kernel source it is for"
                    + " (--kernel-src or --scan-src)");
        }
        if (scanRoot == null && usageFiles.isEmpty()) {
            throw new DtException("error: nothing says what the kernel reads: give --kernel-src with --kernel-config,"
                    + " --scan-src, or --usage");
        }
        UsageSet set = CoreUsage.load();
        KernelScan.Result scan = null;
        if (scanRoot != null) {
            scan = KernelScan.scan(scanRoot, config == null ? null : KernelConfig.read(config), arch);
            if (scan.cFiles() == 0) {
                throw new DtException(scanRoot + ": error: no C file to scan (is this a kernel source tree?)");
            }
            set.addAll(scan.usage());
        }
        for (Path f : usageFiles) {
            set.addAll(UsageFile.read(f));
        }
        for (String k : keeps) {
            set.addKeep(k);
        }
        for (String d : drops) {
            set.addDrop(d);
        }
        return new Built(set, scan);
    }
}
