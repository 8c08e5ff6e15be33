/**
 * The unflattened tree as static C: {@link org.dtshrink.emit.UnflattenedTree} is the tree as the kernel's
 * {@code unflatten_dt_nodes()} leaves it for a profile (built on the cost model's verdicts),
 * {@link org.dtshrink.emit.StaticTable} places it in one writable and one const object and computes their sizes,
 * {@link org.dtshrink.emit.CTableWriter} writes the C file in the kernel's style (names from {@code CNames}, values
 * spelled by {@code CValue}, the header by {@code CTableHeader}, lines by {@code CLines}),
 * {@link org.dtshrink.emit.KernelPatch} the Linux 6.12 patch with the Kbuild rules that make the table at build
 * time, {@link org.dtshrink.emit.BootDtb} the blob early boot still reads, and
 * {@link org.dtshrink.emit.UnflattenedDump} the canonical dump the C walker's output is compared with.
 */
package org.dtshrink.emit;
