package org.dtshrink.fdt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.NameNumbers;
import org.dtshrink.tree.Names;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * Flattens a tree into a blob with exactly the bytes {@code dtc -O dtb} writes: header, memory-reservation map,
 * structure block (each node's properties before its children), then the strings block. Deleted nodes and
 * properties are left out. Works without recursion, so any depth of tree can be written.
 */
public final class FdtWriter {

    static final int FDT_BEGIN_NODE = 1;
    static final int FDT_END_NODE = 2;
    static final int FDT_PROP = 3;
    static final int FDT_NOP = 4;
    static final int FDT_END = 9;
    static final int RESERVE_ENTRY_SIZE = 16;

        private final FdtVersion version;
    private final ByteSink struct = new ByteSink(1 << 12);
    private final FdtStringTable strings = new FdtStringTable();
    /**
     * Each distinct property name by its number, in the order first written. The strings block is built from these
     * once the structure block is written (dtc's order of insertion is the order of first use), and the name
     * offsets are filled in then: no pass over the tree beforehand, one look-up per property.
     */
    private final List<byte[]> distinctNames = new ArrayList<>();
    /** The names' numbers, which index {@link #distinctNames}. */
    private final NameNumbers nameNumbers = new NameNumbers();
    /** Where each property's name offset goes in the structure block, and the number of its name. */
    private int[] fixupAt = new int[256];
    private int[] fixupId = new int[256];
    private int fixups;

    private FdtWriter(FdtVersion version) {
        this.version = version;
    }

    public static byte[] write(DeviceTree tree) {
        return write(tree, FdtOptions.DEFAULTS);
    }

    public static byte[] write(DeviceTree tree, FdtOptions options) {
        FdtWriter w = new FdtWriter(options.formatVersion());
        w.flattenTree(tree.root());
        w.struct.u32(FDT_END);
        w.placeNames();
        return w.assemble(tree, options);
    }

    /** One node being written: the children still to visit, and its full path for the old formats. */
    private static final class Frame {
        final Node node;
        final String path;
        int nextChild;

        Frame(Node node, String path) {
            this.node = node;
            this.path = path;
        }
    }

    private void flattenTree(Node root) {
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(beginNode(root, null));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            List<Node> kids = f.node.children();
            if (f.nextChild < kids.size()) {
                stack.push(beginNode(kids.get(f.nextChild++), f));
            } else {
                struct.u32(FDT_END_NODE);
                stack.pop();
            }
        }
    }

    /**
     * Builds the strings block from the distinct names in the order of first use, every one announced first (see
     * {@link FdtStringTable}), and writes each property's name offset.
     */
    private void placeNames() {
        for (byte[] name : distinctNames) {
            strings.expect(name);
        }
        int[] offsets = new int[distinctNames.size()];
        for (int id = 0; id < offsets.length; id++) {
            offsets[id] = strings.insert(distinctNames.get(id));
        }
        for (int k = 0; k < fixups; k++) {
            struct.setU32(fixupAt[k], offsets[fixupId[k]]);
        }
    }

    /** The number of a property name, given on its first use, when it is checked. */
    private int nameId(String name, SourcePos pos) {
        int id = nameNumbers.number(name);
        if (id == distinctNames.size()) {
            distinctNames.add(checkedName(name, pos));
        }
        return id;
    }

    /** Writes a node's header and properties; its children follow from the caller's loop. */
    private Frame beginNode(Node node, Frame parent) {
        String path = null;
        struct.u32(FDT_BEGIN_NODE);
        if (version.namesByFullPath()) {
            path = parent == null ? "/" : Node.childPath(parent.path, node.name());
            writeName(path, node.pos());
        } else {
            writeName(node.name(), node.pos());
        }
        struct.zeroes(1);
        struct.align(4);
        boolean oldFormat = version.hasNameProperties();
        boolean sawName = false;
        for (Property p : node.properties()) {
            String name = p.name();
            sawName |= oldFormat && name.equals("name");
            writeProperty(nameId(name, p.pos()), p.value());
        }
        if (oldFormat && !sawName) {
            writeProperty(nameId("name", SourcePos.NONE), Value.of(nameValue(node)));
        }
        return new Frame(node, path);
    }

    /** The "name" property of the old formats: the node name without its unit address, NUL-terminated. */
    private static byte[] nameValue(Node node) {
        byte[] base = Names.bytes(node.baseName());
        byte[] withNul = new byte[base.length + 1];
        System.arraycopy(base, 0, withNul, 0, base.length);
        return withNul;
    }

    private void writeProperty(int nameId, Value value) {
        struct.u32(FDT_PROP);
        struct.u32(value.length());
        if (fixups == fixupAt.length) {
            fixupAt = Arrays.copyOf(fixupAt, 2 * fixups);
            fixupId = Arrays.copyOf(fixupId, 2 * fixups);
        }
        fixupAt[fixups] = struct.length();
        fixupId[fixups++] = nameId;
        struct.u32(0);
        if (version.alignsLongValuesTo8() && value.length() >= 8) {
            struct.align(8);
        }
        struct.value(value);
        struct.align(4);
    }

    private void writeName(String name, SourcePos pos) {
        if (!struct.latin1Name(name)) {
            struct.bytes(checkedName(name, pos));
        }
    }

    private static byte[] checkedName(String name, SourcePos pos) {
        byte[] b = Names.bytes(name);
        for (byte x : b) {
            if (x == 0) {
                String what = "name contains a NUL character: \"" + name.replace("\0", "\\0") + "\"";
                throw pos.equals(SourcePos.NONE) ? new DtException("error: " + what) : DtException.at(pos, what);
            }
        }
        return b;
    }

    private byte[] assemble(DeviceTree tree, FdtOptions options) {
        List<ReserveEntry> reserves = tree.reserves();
        long reserveSize = ((long) reserves.size() + options.reserveCount() + 1) * RESERVE_ENTRY_SIZE;
        long reserveOff = (version.headerSize() + 7) & ~7L;
        long structOff = reserveOff + reserveSize;
        long stringsOff = structOff + struct.length();
        long usedSize = stringsOff + strings.length();

        long padLen = 0;
        if (options.minSize() > 0) {
            padLen = Math.max(0, options.minSize() - usedSize);
        }
        if (options.padding() > 0) {
            padLen = options.padding();
        }
        if (options.align() > 0) {
            long a = options.align();
            padLen = ((usedSize + padLen + a - 1) & -a) - usedSize;
        }
        long totalSize = usedSize + padLen;
        if (totalSize > ByteSink.MAX_BYTES) {
            throw ByteSink.tooLarge(totalSize);
        }

        ByteSink blob = new ByteSink((int) totalSize);
        writeHeader(blob, totalSize, structOff, stringsOff, reserveOff, tree.bootCpuid(), strings.length(),
                struct.length());
        blob.zeroes(reserveOff - blob.length());
        for (ReserveEntry e : reserves) {
            blob.u64(e.address());
            blob.u64(e.size());
        }
        blob.zeroes((long) (options.reserveCount() + 1) * RESERVE_ENTRY_SIZE);
        blob.bytes(struct.array(), 0, struct.length());
        strings.copyTo(blob);
        blob.zeroes(padLen);
        return blob.toArray();
    }

    /** Only the fields this version defines; the gap up to the 8-aligned reserve map is zero-filled by the caller. */
    private void writeHeader(ByteSink blob, long totalSize, long structOff, long stringsOff, long reserveOff,
            long bootCpuid, long stringsSize, long structSize) {
        blob.u32(FdtVersion.MAGIC);
        blob.u32(totalSize);
        blob.u32(structOff);
        blob.u32(stringsOff);
        blob.u32(reserveOff);
        blob.u32(version.number());
        blob.u32(version.lastCompatible());
        if (version.hasBootCpuid()) {
            blob.u32(bootCpuid);
        }
        if (version.hasStringsSize()) {
            blob.u32(stringsSize);
        }
        if (version.hasStructSize()) {
            blob.u32(structSize);
        }
    }
}
