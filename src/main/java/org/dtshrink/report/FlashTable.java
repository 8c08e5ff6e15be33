package org.dtshrink.report;

/**
 * What the emitted static table costs under one profile: its RAM ({@code .data}), its flash ({@code .rodata}), the
 * size of the boot blob early boot still reads, and what of it stays in RAM and why (a sentence; null for none).
 */
public record FlashTable(long ramBytes, long flashBytes, long bootDtbSize, String inRam) {

    public FlashTable(long ramBytes, long flashBytes, long bootDtbSize) {
        this(ramBytes, flashBytes, bootDtbSize, null);
    }
}
