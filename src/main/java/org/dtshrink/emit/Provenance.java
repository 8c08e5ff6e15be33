package org.dtshrink.emit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What made an emitted file, for its header comment: the tool version, the input and its checksum, and the options
 * that shaped the output. Nothing time- or machine-dependent, so the same input gives the same bytes.
 *
 * @param checksumOf what the checksum covers, e.g. "the file" or "the blob dtshrink writes for it"
 */
public record Provenance(String toolVersion, String input, String sha256, String checksumOf, List<String> options) {

    public Provenance {
        options = List.copyOf(options);
    }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
