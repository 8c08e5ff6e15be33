package org.dtshrink.cost;

import java.util.ArrayList;
import java.util.List;

/**
 * kernfs's ids on a booted reference kernel, and the xarray nodes ({@code radix_tree_node}) a tree's ids need among
 * them. sysfs numbers its kernfs nodes in creation order ({@code idr_alloc_cyclic()} on {@code root->ino_idr}), so
 * the ids of a boot are the kernel's own in a fixed order with the tree's in blocks at fixed points: one per
 * {@link Phase}. The reference is the id sequence of one boot, recorded by scripts/e2e-qemu-ram from the ids /init
 * saw: runs of the kernel's live ids ({@code K}), of ids not alive at the end of boot ({@code H}), and of the
 * reference tree's live ids of each phase ({@code S}, {@code P}, {@code B}). Another tree's ids are the reference's
 * with each phase's block resized by what that tree takes more or less than the reference tree: the block's first
 * ids kept, the rest dropped, or new ids after its last one, and every later id moved along.
 *
 * <p>The new ids are counted live, also those freed again (a bound device's {@code waiting_for_supplier}): each such
 * id lies between live ids of its own device, in the same 16- or 64-id chunk as one of them, so it changes no node
 * count. Where a tree takes fewer ids than the reference, the ones dropped are the block's last, not the ones of
 * the nodes it lacks: the count can then differ from the kernel's where that moves a chunk boundary past a run of
 * the kernel's ids inside the block (a driver's entries made while the devices are added).
 */
public final class KernfsIds {

    /** When the kernel makes a tree's kernfs nodes, each at one point of its own sequence. */
    public enum Phase {
        /** of_core_init(): /sys/firmware/devicetree. */
        SYSFS('S'),
        /** of_platform_default_populate_init(): the devices, and the device links made as they are added. */
        POPULATE('P'),
        /** simple-pm-bus registering: the links of the buses it binds, and the device links binding makes. */
        BIND('B');

        final char letter;

        Phase(char letter) {
            this.letter = letter;
        }
    }

    private static final String KINDS = "KHSPB";

    private final char[] kinds;
    private final long[] lengths;
    /** The ids the reference tree takes in each phase, as dtshrink counts them for it. */
    private final long[] reference;

    private KernfsIds(char[] kinds, long[] lengths, long[] reference) {
        this.kinds = kinds;
        this.lengths = lengths;
        this.reference = reference;
    }

    /**
     * Reads the runs ({@code K10 S188 K219 P3 H1 ...}, from id 1) and the reference tree's ids per phase
     * ({@code S 188 P 97 B 8}); a problem is an {@link IllegalArgumentException} whose message says what is wrong.
     */
    static KernfsIds parse(String runs, String counts) {
        String[] words = runs.strip().split("\\s+");
        char[] kinds = new char[words.length];
        long[] lengths = new long[words.length];
        boolean[] seen = new boolean[Phase.values().length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.length() < 2 || KINDS.indexOf(w.charAt(0)) < 0 || !w.substring(1).matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("a run is a letter of " + KINDS + " and a length: '" + w + "'");
            }
            kinds[i] = w.charAt(0);
            lengths[i] = Long.parseLong(w.substring(1));
            Phase p = phase(kinds[i]);
            if (p != null) {
                seen[p.ordinal()] = true;
            }
        }
        for (Phase p : Phase.values()) {
            if (!seen[p.ordinal()]) {
                throw new IllegalArgumentException("no run of phase " + p.letter + " (an empty one, " + p.letter
                        + "0, marks where its ids go)");
            }
        }
        return new KernfsIds(kinds, lengths, counts(counts));
    }

    /** Reads the reference tree's ids per phase ({@code S 188 P 97 B 8}), as {@link #parse} does. */
    static long[] counts(String counts) {
        String[] c = counts.strip().split("\\s+");
        long[] reference = new long[Phase.values().length];
        boolean[] given = new boolean[reference.length];
        if (c.length != 2 * reference.length) {
            throw new IllegalArgumentException("expected 'S n P n B n': '" + counts.strip() + "'");
        }
        for (int i = 0; i < c.length; i += 2) {
            Phase p = c[i].length() == 1 ? phase(c[i].charAt(0)) : null;
            if (p == null || given[p.ordinal()] || !c[i + 1].matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("expected 'S n P n B n': '" + counts.strip() + "'");
            }
            given[p.ordinal()] = true;
            reference[p.ordinal()] = Long.parseLong(c[i + 1]);
        }
        return reference;
    }

    private static Phase phase(char letter) {
        for (Phase p : Phase.values()) {
            if (p.letter == letter) {
                return p;
            }
        }
        return null;
    }

    /** The reference tree's ids per phase, as {@link #parse} reads them. */
    long reference(Phase p) {
        return reference[p.ordinal()];
    }

    /** The xarray nodes of the reference kernel's ids with no tree at all (every phase's block empty). */
    long nodesWithoutTree(int chunk) {
        return nodes(new long[Phase.values().length], chunk);
    }

    /**
     * The xarray nodes of the ids of a boot with a tree that takes {@code ids[phase]} ids in each phase: a node for
     * every {@code chunk}-id range that holds a live id, at every level up to the one node at the top.
     */
    long nodes(long[] ids, int chunk) {
        int shift = Integer.numberOfTrailingZeros(chunk);
        int phases = Phase.values().length;
        long[] live = new long[phases];
        int[] last = new int[phases];
        for (int i = 0; i < kinds.length; i++) {
            Phase p = phase(kinds[i]);
            if (p != null) {
                live[p.ordinal()] += lengths[i];
                last[p.ordinal()] = i;
            }
        }
        long[] keep = new long[phases];
        long[] extra = new long[phases];
        for (int p = 0; p < phases; p++) {
            long target = Math.max(0, live[p] + ids[p] - reference[p]);
            keep[p] = Math.min(target, live[p]);
            extra[p] = target - keep[p];
        }
        // the chunks of the leaf level, in increasing order, each once
        List<Long> chunks = new ArrayList<>();
        long next = 1;
        for (int i = 0; i < kinds.length; i++) {
            Phase p = phase(kinds[i]);
            long n = lengths[i];
            boolean isLive = kinds[i] != 'H';
            if (p != null) {
                n = Math.min(n, keep[p.ordinal()]);
                keep[p.ordinal()] -= n;
                if (i == last[p.ordinal()]) {
                    n += extra[p.ordinal()];
                }
            }
            if (isLive && n > 0) {
                addChunks(chunks, next >> shift, (next + n - 1) >> shift);
            }
            next += n;
        }
        long nodes = 0;
        while (true) {
            nodes += chunks.size();
            if (chunks.size() <= 1) {
                return nodes;
            }
            List<Long> up = new ArrayList<>();
            for (long c : chunks) {
                if (up.isEmpty() || up.get(up.size() - 1) != c >> shift) {
                    up.add(c >> shift);
                }
            }
            chunks = up;
        }
    }

    private static void addChunks(List<Long> chunks, long from, long to) {
        long start = chunks.isEmpty() ? from : Math.max(from, chunks.get(chunks.size() - 1) + 1);
        for (long c = start; c <= to; c++) {
            chunks.add(c);
        }
    }
}
