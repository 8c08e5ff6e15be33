/**
 * Usage sets: what a target kernel can read from a device tree ({@link org.dtshrink.usage.UsageSet}), the built-in
 * core set ({@link org.dtshrink.usage.CoreUsage}), the usage-file format ({@link org.dtshrink.usage.UsageFile}) and
 * the listings ({@link org.dtshrink.usage.UsageWriter}). Pruning reads a usage set; the kernel scan makes one.
 */
package org.dtshrink.usage;
