package org.dtshrink.report;

/**
 * What the emitted static table costs under one profile: its RAM ({@code .data}), its flash ({@code .rodata}) and
 * the size of the boot blob early boot still reads.
 */
public record FlashTable(long ramBytes, long flashBytes, long bootDtbSize) {
}
