package org.dtshrink.emit;

import java.nio.charset.StandardCharsets;

/** The bytes of names as they are in a blob. */
final class Bytes {

    private Bytes() {
    }

    /**
     * The blob reader keeps one char per byte, so such names go back byte for byte; only a name built in memory with
     * chars beyond a byte goes into a blob as UTF-8 (as the cost model counts it).
     */
    static byte[] of(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xff) {
                return s.getBytes(StandardCharsets.UTF_8);
            }
        }
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static boolean equalsAscii(byte[] b, String ascii) {
        if (b.length != ascii.length()) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (b[i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes up to the first NUL, as C sees a string. */
    static byte[] cString(byte[] b) {
        int end = 0;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return java.util.Arrays.copyOf(b, end);
    }
}
