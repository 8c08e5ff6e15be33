package org.dtshrink.cost;

/** Where the bytes of the unflattened tree go. The categories add up to the allocation exactly. */
public enum Category {
    NODE_STRUCTS("node structs", "node_structs"),
    NODE_NAMES("node names", "node_names"),
    PROPERTY_STRUCTS("property structs", "property_structs"),
    SYNTHESIZED_NAME_VALUES("synthesized name values", "synthesized_name_values"),
    PADDING("padding", "padding"),
    END_MARKER("end marker", "end_marker");

    private final String label;
    private final String key;

    Category(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The words a text report uses. */
    public String label() {
        return label;
    }

    /** The JSON member name (stable, part of the schema). */
    public String key() {
        return key;
    }
}
