package org.dtshrink.emit;

/** Comparing and cutting the bytes of names and values as the kernel holds them. */
final class Bytes {

    private Bytes() {
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
