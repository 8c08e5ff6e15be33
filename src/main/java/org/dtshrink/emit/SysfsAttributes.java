package org.dtshrink.emit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code __of_add_property_sysfs()} (Linux 6.12 drivers/of/kobj.c) puts into each property's {@code attr} when
 * {@code of_core_init()} publishes the tree in /sys/firmware/devicetree: the file's name ({@code safe_name()}: the
 * property's name, or {@code name#1} ... {@code name#16} while the node's directory already has a file of that
 * name), its mode (0400 for a {@code security-*} name, else 0444) and its size (0 for {@code security-*}, else the
 * value's length). With the kernel patch the table carries these, so that the kernel never writes a
 * {@code struct property}.
 *
 * <p>A node's properties are published right after its directory is made and before any of its children, so only
 * the node's earlier properties can take a name; the kernel's tree has unique property names unless the blob has
 * duplicates.
 */
final class SysfsAttributes {

    /** safe_name() gives up after this many tries and keeps the last name. */
    static final int RENAMES = 16;

    private static final byte[] SECURITY = "security-".getBytes(StandardCharsets.US_ASCII);

    /** One property's {@code attr}: file name, mode, size. */
    record Attribute(byte[] name, int mode, int size) {

        Attribute {
            name = name.clone();
        }

        @Override
        public byte[] name() {
            return name.clone();
        }

        boolean renamed(byte[] propertyName) {
            return !Arrays.equals(name, propertyName);
        }
    }

    private SysfsAttributes() {
    }

    /** The attributes of a node's properties, in list order. */
    static Attribute[] of(List<KernelProperty> properties) {
        Attribute[] out = new Attribute[properties.size()];
        Set<ByteBuffer> taken = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            KernelProperty p = properties.get(i);
            byte[] name = p.name();
            byte[] file = name;
            for (int n = 1; n <= RENAMES && taken.contains(ByteBuffer.wrap(file)); n++) {
                file = concat(name, ("#" + n).getBytes(StandardCharsets.US_ASCII));
            }
            taken.add(ByteBuffer.wrap(file));
            boolean secure = startsWith(name, SECURITY);
            out[i] = new Attribute(file, secure ? 0400 : 0444, secure ? 0 : p.value().length);
        }
        return out;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
