package org.dtshrink.tree;

import java.util.ArrayList;
import java.util.List;

/** A named property of a node. {@code deleted} is the front end's tombstone for /delete-property/, as in dtc. */
public final class Property {

    private final String name;
    private Value value;
    private final List<String> labels = new ArrayList<>();
    private SourcePos pos;
    private boolean deleted;

    public Property(String name, Value value) {
        this(name, value, SourcePos.NONE);
    }

    public Property(String name, Value value, SourcePos pos) {
        this.name = name;
        this.value = value;
        this.pos = pos;
    }

    public String name() {
        return name;
    }

    public Value value() {
        return value;
    }

    public void setValue(Value value) {
        this.value = value;
    }

    public List<String> labels() {
        return labels;
    }

    public void addLabel(String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }

    public SourcePos pos() {
        return pos;
    }

    public void setPos(SourcePos pos) {
        this.pos = pos;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public void setDeleted(boolean deleted) {
        this.deleted = deleted;
    }

    @Override
    public String toString() {
        return name + " (" + value.length() + " bytes)";
    }
}
