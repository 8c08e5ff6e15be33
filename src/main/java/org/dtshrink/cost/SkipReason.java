package org.dtshrink.cost;

/** Why the kernel leaves a node out of the unflattened tree. */
public enum SkipReason {
    /** Its first {@code status} property is neither "ok" nor "okay" and the kernel has no OF_KOBJ. */
    STATUS("status"),
    /** It sits at or below the kernel's depth limit. */
    DEPTH("depth");

    private final String key;

    SkipReason(String key) {
        this.key = key;
    }

    /** The JSON value (stable, part of the schema). */
    public String key() {
        return key;
    }
}
