/**
 * DTS output: {@link org.dtshrink.dtsout.DtsPrinter#print(org.dtshrink.tree.DeviceTree)} writes a tree as DTS text
 * that compiles back, with dtc or dtshrink, to the same blob.
 */
package org.dtshrink.dtsout;
