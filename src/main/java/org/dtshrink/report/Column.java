package org.dtshrink.report;

/** The three ways of holding the tree that a report sets side by side. */
public enum Column {
    AS_IS("as is", "as_is"),
    PRUNED("pruned", "pruned"),
    FLASH_TABLE("flash table", "flash_table");

    private final String label;
    private final String key;

    Column(String label, String key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The JSON member name (part of the schema). */
    public String key() {
        return key;
    }
}
