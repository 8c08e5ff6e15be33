package org.dtshrink.tree;

import java.nio.charset.StandardCharsets;

/**
 * The one encoding of node and property names. In a blob they are raw bytes; in the model they are held as one char
 * per byte (ISO-8859-1), so any blob reads back to the same bytes, and for the ASCII names dtc's grammar allows this
 * is plain ASCII. A name built in memory with a char beyond a byte goes into a blob as UTF-8, so that no name is
 * silently mangled; the cost model counts it the same way.
 */
public final class Names {

    private Names() {
    }

    /** The name held in {@code len} bytes of a blob. */
    public static String of(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** The bytes the name takes in a blob (and in the kernel's memory), without a terminating NUL. */
    public static byte[] bytes(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xff) {
                return name.getBytes(StandardCharsets.UTF_8);
            }
        }
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code bytes(name).length}, without making the bytes for the common one-byte-per-char name. */
    public static int byteLength(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xff) {
                return name.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return name.length();
    }
}
