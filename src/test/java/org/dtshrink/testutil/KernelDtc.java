package org.dtshrink.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The kernel's own dtc (Linux 6.12 scripts/dtc, dtc 1.7.0), the reference for dtc's checks and warnings:
 * {@code DTSHRINK_KERNEL_DTC} (or the system property {@code dtshrink.kernelDtc}), else {@code target/kernel-dtc/dtc}
 * where {@code run-tests} builds it with {@code scripts/kernel-dtc}. Tests that run it are skipped, loudly, when it
 * is not there.
 */
public final class KernelDtc {

    private KernelDtc() {
    }

    public static Path path() {
        String p = System.getProperty("dtshrink.kernelDtc", System.getenv("DTSHRINK_KERNEL_DTC"));
        return p != null && !p.isEmpty() ? Path.of(p) : Path.of("target", "kernel-dtc", "dtc");
    }

    public static boolean present() {
        return Files.isExecutable(path());
    }

    public static void assumePresent() {
        Assumptions.assumeTrue(present(), "the kernel's dtc 1.7.0 is not built at " + path().toAbsolutePath()
                + " (scripts/kernel-dtc builds it; run-tests does so when linux-source-6.12 is installable)");
    }
}
