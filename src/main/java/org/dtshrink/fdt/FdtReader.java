package org.dtshrink.fdt;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.Value;

/**
 * Reads a flattened device tree blob of version 1, 2, 3, 16, 17 or later (when it declares itself readable as 17).
 * Every way a blob can be malformed is reported as a {@link DtException} naming the byte offset of the problem; no
 * other exception escapes for any input. Nodes are read without recursion, and nesting deeper than
 * {@link #MAX_DEPTH} is rejected: far beyond any real tree (the kernel itself stops at 64), yet shallow enough that
 * every later stage can afford a tree of that depth.
 */
public final class FdtReader {

    public static final int MAX_DEPTH = 10_000;

    private static final int HEADER_TOTALSIZE = 0x04;
    private static final int HEADER_OFF_STRUCT = 0x08;
    private static final int HEADER_OFF_STRINGS = 0x0c;
    private static final int HEADER_OFF_RESERVE = 0x10;
    private static final int HEADER_VERSION = 0x14;
    private static final int HEADER_LAST_COMP = 0x18;
    private static final int HEADER_BOOT_CPUID = 0x1c;
    private static final int HEADER_SIZE_STRINGS = 0x20;
    private static final int HEADER_SIZE_STRUCT = 0x24;
    private static final int MIN_HEADER = 28;
    private static final int NEWEST_READABLE = 17;

    private final byte[] b;
    private final String file;
    private final Map<Long, String> nameCache = new HashMap<>();
    private final TreeMap<Long, Long> scannedRuns = new TreeMap<>();

    private int version;
    private long totalSize;
    private long structOff;
    private long structEnd;
    private long stringsOff;
    private long stringsEnd;
    private long reserveOff;
    private long reserveEnd;

    private FdtReader(byte[] blob, String fileName) {
        this.b = blob;
        this.file = fileName;
    }

    /** Reads a blob; errors name {@code fileName} and the byte offset of the problem. */
    public static DeviceTree read(byte[] blob, String fileName) {
        return new FdtReader(blob, fileName).read();
    }

    /** Whether {@code bytes} start as a device tree blob does: with the FDT magic number. */
    public static boolean isBlob(byte[] bytes) {
        return bytes.length >= 4 && u32(bytes, 0) == FdtVersion.MAGIC;
    }

    /** The blob's size as its header gives it ({@code totalsize}), or the bytes' length when they are too few. */
    public static long declaredSize(byte[] bytes) {
        return bytes.length >= 8 ? u32(bytes, 4) : bytes.length;
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8)
                | (b[off + 3] & 0xffL);
    }

    /** Reads a blob file; errors name the file as given. */
    public static DeviceTree read(Path file) throws IOException {
        return read(Files.readAllBytes(WorkingDirectory.resolve(file)), file.toString());
    }

    private DeviceTree read() {
        int headerSize = readHeader();
        List<ReserveEntry> reserves = readReserveMap();
        if (version >= 17) {
            checkNoOverlap();
        }
        Node root = readStructure();
        if (version < 17) {
            checkNoOverlap();
        }
        DeviceTree tree = new DeviceTree(root);
        tree.reserves().addAll(reserves);
        if (headerSize > HEADER_BOOT_CPUID) {
            tree.setBootCpuid(u32(HEADER_BOOT_CPUID));
        }
        return tree;
    }

    private DtException error(long offset, String what) {
        return DtException.atOffset(file, offset, what);
    }

    private long u32(long off) {
        int o = (int) off;
        return ((b[o] & 0xffL) << 24) | ((b[o + 1] & 0xffL) << 16) | ((b[o + 2] & 0xffL) << 8) | (b[o + 3] & 0xffL);
    }

    private static String hex(long v) {
        return "0x" + Long.toHexString(v);
    }

    /** Validates the header and the block bounds it declares; returns the header size. */
    private int readHeader() {
        if (b.length < 4) {
            throw error(b.length, "blob ends inside the header (" + b.length + " bytes)");
        }
        long magic = u32(0);
        if (magic != FdtVersion.MAGIC) {
            throw error(0, String.format("bad magic 0x%08x, not a device tree blob (expected 0xd00dfeed)", magic));
        }
        if (b.length < MIN_HEADER) {
            throw error(b.length, "blob ends inside the header (" + b.length + " bytes)");
        }
        long v = u32(HEADER_VERSION);
        int headerSize;
        if (v >= 1 && v <= 3) {
            headerSize = FdtVersion.of((int) v).headerSize();
        } else if (v >= 16) {
            long lastComp = u32(HEADER_LAST_COMP);
            if (lastComp > NEWEST_READABLE) {
                throw error(HEADER_LAST_COMP, "blob version " + v + " is readable only from version " + lastComp
                        + " on, newer than the supported " + NEWEST_READABLE);
            }
            headerSize = v == 16 ? FdtVersion.V16.headerSize() : FdtVersion.V17.headerSize();
        } else {
            throw error(HEADER_VERSION, "unsupported blob version " + v);
        }
        version = (int) Math.min(v, Integer.MAX_VALUE);
        if (b.length < headerSize) {
            throw error(b.length, "blob ends inside the version " + v + " header (" + b.length + " of "
                    + headerSize + " bytes)");
        }
        totalSize = u32(HEADER_TOTALSIZE);
        if (totalSize > b.length) {
            throw error(HEADER_TOTALSIZE, "totalsize " + hex(totalSize) + " is past the end of the data ("
                    + hex(b.length) + " bytes): truncated blob");
        }
        if (totalSize < headerSize) {
            throw error(HEADER_TOTALSIZE, "totalsize " + hex(totalSize) + " is smaller than the header");
        }
        reserveOff = blockStart(HEADER_OFF_RESERVE, "memory reservation map", headerSize);
        structOff = blockStart(HEADER_OFF_STRUCT, "structure block", headerSize);
        stringsOff = blockStart(HEADER_OFF_STRINGS, "strings block", headerSize);
        stringsEnd = version >= 3 ? blockEnd(HEADER_SIZE_STRINGS, stringsOff, "strings block") : totalSize;
        structEnd = version >= 17 ? blockEnd(HEADER_SIZE_STRUCT, structOff, "structure block") : totalSize;
        return headerSize;
    }

    private long blockStart(int field, String block, int headerSize) {
        long off = u32(field);
        if (off < headerSize) {
            throw error(field, block + " offset " + hex(off) + " points into the header");
        }
        if (off > totalSize) {
            throw error(field, block + " offset " + hex(off) + " is past the end of the blob (totalsize "
                    + hex(totalSize) + ")");
        }
        return off;
    }

    private long blockEnd(int field, long start, String block) {
        long size = u32(field);
        if (start + size > totalSize) {
            throw error(field, block + " " + hex(start) + "+" + hex(size) + " extends past the end of the blob "
                    + "(totalsize " + hex(totalSize) + ")");
        }
        return start + size;
    }

    private List<ReserveEntry> readReserveMap() {
        List<ReserveEntry> out = new ArrayList<>();
        long p = reserveOff;
        while (true) {
            if (p + FdtWriter.RESERVE_ENTRY_SIZE > totalSize) {
                throw error(p, "memory reservation map runs past the end of the blob without its terminating entry");
            }
            long address = (u32(p) << 32) | u32(p + 4);
            long size = (u32(p + 8) << 32) | u32(p + 12);
            p += FdtWriter.RESERVE_ENTRY_SIZE;
            if (size == 0) {
                break;
            }
            out.add(new ReserveEntry(address, size));
        }
        reserveEnd = p;
        return out;
    }

    private void checkNoOverlap() {
        checkNoOverlap("memory reservation map", reserveOff, reserveEnd, "structure block", structOff, structEnd);
        checkNoOverlap("memory reservation map", reserveOff, reserveEnd, "strings block", stringsOff, stringsEnd);
        checkNoOverlap("structure block", structOff, structEnd, "strings block", stringsOff, stringsEnd);
    }

    private void checkNoOverlap(String a, long aStart, long aEnd, String c, long cStart, long cEnd) {
        if (aStart < aEnd && cStart < cEnd && aStart < cEnd && cStart < aEnd) {
            throw error(Math.max(aStart, cStart), "the " + a + " [" + hex(aStart) + ", " + hex(aEnd)
                    + ") overlaps the " + c + " [" + hex(cStart) + ", " + hex(cEnd) + ")");
        }
    }

    /** Token positions are 4-aligned relative to the start of the structure block, as libfdt and dtc keep them. */
    private long align(long p, int a) {
        long rel = p - structOff;
        return structOff + ((rel + a - 1) & -(long) a);
    }

    private Node readStructure() {
        Deque<Node> open = new ArrayDeque<>();
        Deque<String> flatPaths = new ArrayDeque<>();
        Node root = null;
        long p = structOff;
        while (true) {
            long tokOff = p;
            if (p + 4 > structEnd) {
                if (!open.isEmpty()) {
                    throw error(Math.min(p, structEnd), "structure block ends inside node " + open.peek().path()
                            + " (unterminated node)");
                }
                throw error(Math.min(p, structEnd), root == null ? "structure block is empty"
                        : "FDT_END missing after the root node");
            }
            long tok = u32(p);
            p += 4;
            if (root == null && tok != FdtWriter.FDT_BEGIN_NODE && tok != FdtWriter.FDT_NOP) {
                throw error(tokOff, tok == FdtWriter.FDT_PROP ? "property before the root node"
                        : String.format("structure block starts with token 0x%08x, not FDT_BEGIN_NODE", tok));
            }
            if (tok == FdtWriter.FDT_BEGIN_NODE) {
                if (root != null && open.isEmpty()) {
                    throw error(tokOff, "second root node: expected FDT_END after the root node");
                }
                if (open.size() >= MAX_DEPTH) {
                    throw error(tokOff, "nodes nested deeper than " + MAX_DEPTH + " levels");
                }
                long nul = findNul(p, structEnd);
                if (nul < 0) {
                    throw error(p, "node name is not NUL-terminated within the structure block");
                }
                String flat = Names.of(b, (int) p, (int) (nul - p));
                Node node = new Node(version < 16 ? nameFromPath(flat, flatPaths.peek(), p) : flat);
                if (root == null) {
                    root = node;
                } else {
                    open.peek().addChild(node);
                }
                open.push(node);
                if (version < 16) {
                    flatPaths.push(flat);
                }
                p = align(nul + 1, 4);
            } else if (tok == FdtWriter.FDT_END_NODE) {
                if (open.isEmpty()) {
                    throw error(tokOff, "FDT_END_NODE after the end of the root node");
                }
                Node closed = open.pop();
                if (version < 16) {
                    flatPaths.pop();
                    dropRedundantNameProperty(closed);
                }
            } else if (tok == FdtWriter.FDT_PROP) {
                if (open.isEmpty()) {
                    throw error(tokOff, "property after the end of the root node");
                }
                p = readProperty(open.peek(), p);
            } else if (tok == FdtWriter.FDT_END) {
                if (!open.isEmpty()) {
                    throw error(tokOff, "FDT_END inside node " + open.peek().path() + " (unterminated node)");
                }
                if (version < 17) {
                    structEnd = p;
                }
                return root;
            } else if (tok != FdtWriter.FDT_NOP) {
                throw error(tokOff, String.format("unknown token 0x%08x in the structure block", tok));
            }
        }
    }

    /** Reads one property after its FDT_PROP token; returns the offset of the next token. */
    private long readProperty(Node node, long p) {
        if (p + 8 > structEnd) {
            throw error(p, "property header truncated at the end of the structure block");
        }
        long len = u32(p);
        String name = propertyName(u32(p + 4), p + 4);
        long value = p + 8;
        if (version < 16 && len >= 8) {
            value = align(value, 8);
        }
        if (value + len > structEnd) {
            throw error(p, "property \"" + name + "\" length " + hex(len)
                    + " runs past the end of the structure block");
        }
        node.addProperty(new Property(name, new Value().appendBytes(b, (int) value, (int) len)));
        return align(value + len, 4);
    }

    private String propertyName(long nameOff, long fieldOff) {
        String cached = nameCache.get(nameOff);
        if (cached != null) {
            return cached;
        }
        long start = stringsOff + nameOff;
        if (start >= stringsEnd) {
            throw error(fieldOff, "property name offset " + hex(nameOff) + " is past the strings block (size "
                    + hex(stringsEnd - stringsOff) + ")");
        }
        long nul = stringEnd(start);
        if (nul < 0) {
            throw error(start, "property name at strings offset " + hex(nameOff)
                    + " is not NUL-terminated within the strings block");
        }
        String name = Names.of(b, (int) start, (int) (nul - start));
        nameCache.put(nameOff, name);
        return name;
    }

    /**
     * The NUL ending the string at {@code start} in the strings block, or -1. Runs already scanned are remembered,
     * so names pointing into the middle of one long string cost linear, not quadratic, time.
     */
    private long stringEnd(long start) {
        Map.Entry<Long, Long> run = scannedRuns.floorEntry(start);
        if (run != null && start <= run.getValue()) {
            return run.getValue();
        }
        Long nextRun = scannedRuns.ceilingKey(start);
        long stop = nextRun == null ? stringsEnd : nextRun;
        long nul = findNul(start, stop);
        if (nul < 0 && nextRun != null) {
            nul = scannedRuns.get(nextRun);
        }
        if (nul >= 0) {
            scannedRuns.put(start, nul);
        }
        return nul;
    }

    private long findNul(long from, long end) {
        for (long i = from; i < end; i++) {
            if (b[(int) i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Old formats repeat each node's base name in a "name" property. It says nothing the node name does not, and dtc
     * drops it on input (its name_properties check), so the tree is the same whichever version the blob was; a
     * "name" that disagrees with the node is real data and stays.
     */
    private static void dropRedundantNameProperty(Node node) {
        Property name = node.property("name");
        if (name == null) {
            return;
        }
        byte[] expected = Names.bytes(node.baseName());
        byte[] actual = name.value().bytes();
        if (actual.length == expected.length + 1 && actual[expected.length] == 0
                && java.util.Arrays.equals(actual, 0, expected.length, expected, 0, expected.length)) {
            node.properties().remove(name);
        }
    }

    /** Old formats name each node by its full path; the node's own name is what follows its parent's path. */
    private String nameFromPath(String flat, String parentFlat, long offset) {
        String parent = parentFlat == null ? "" : parentFlat;
        int skip = parent.equals("/") ? 1 : parent.length() + 1;
        if (!flat.startsWith(parent) || flat.length() < skip || flat.charAt(skip - 1) != '/') {
            throw error(offset, "node path \"" + flat + "\" is not below its parent \"" + parent + "\"");
        }
        return flat.substring(skip);
    }
}
