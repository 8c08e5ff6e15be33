package org.dtshrink.fdt;

import java.nio.charset.StandardCharsets;

/**
 * Node and property names in blobs are raw bytes. They are held as one char per byte (ISO-8859-1), so any blob
 * reads back to the same bytes; for the ASCII names dtc's grammar allows this is plain ASCII.
 */
final class NameCodec {

    private NameCodec() {
    }

    static String decode(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    /** ISO-8859-1 when every char fits a byte, else UTF-8 so that no name is silently mangled. */
    static byte[] encode(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xff) {
                return name.getBytes(StandardCharsets.UTF_8);
            }
        }
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }
}
