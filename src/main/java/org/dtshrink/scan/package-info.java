/**
 * The kernel scan: which C files a configuration builds ({@link org.dtshrink.scan.KbuildWalker} over the Kbuild
 * makefiles, {@link org.dtshrink.scan.KernelConfig} for {@code .config}) and which device-tree names their code
 * reads ({@link org.dtshrink.scan.CSourceScanner}); {@link org.dtshrink.scan.KernelScan} puts them together into a
 * usage set.
 */
package org.dtshrink.scan;
