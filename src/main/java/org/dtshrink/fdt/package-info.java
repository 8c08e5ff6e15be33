/**
 * Blobs for a {@link org.dtshrink.tree.DeviceTree}, read and written as dtc does.
 *
 * <ul>
 *   <li>{@link org.dtshrink.fdt.FdtReader#read(byte[], String)}: blob to tree; every malformed input is a
 *       {@link org.dtshrink.tree.DtException} {@code file: offset 0xN: error: ...}.</li>
 *   <li>{@link org.dtshrink.fdt.FdtWriter#write(org.dtshrink.tree.DeviceTree, FdtOptions)}: tree to the blob
 *       {@code dtc -O dtb} writes, with {@link org.dtshrink.fdt.FdtOptions} for {@code -V -R -S -p -a}; the boot
 *       CPU ({@code -b}) is the tree's {@code bootCpuid}.</li>
 * </ul>
 * DTS text out is {@link org.dtshrink.dtsout}.
 */
package org.dtshrink.fdt;
