package org.dtshrink.prune;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.Value;

/**
 * Finds the nodes a property refers to: by phandle (cells laid out as {@link PhandleSpecs} says, or guessed) and by
 * path (/aliases, the console in /chosen, /__symbols__, and path references a source left as markers). When a
 * property's layout is unknown or does not parse, every cell equal to an existing phandle counts as a reference:
 * pruning errs towards keeping.
 */
final class References {

    /** A node a property refers to; {@code guessed} when only the cell heuristic says so. */
    record Ref(Node target, boolean guessed) {
    }

    /** A provider property that must stay for a kept reference to parse, such as the provider's #clock-cells. */
    record CellsNeed(Node provider, String cellsProperty) {
    }

    record Found(List<Ref> refs, List<CellsNeed> cells) {
        static final Found NONE = new Found(List.of(), List.of());
    }

    private final DeviceTree tree;
    private final Map<Long, Node> byPhandle = new HashMap<>();

    References(DeviceTree tree) {
        this.tree = tree;
        tree.forEachNode(n -> {
            long ph = phandleOf(n);
            if (ph != 0) {
                byPhandle.putIfAbsent(ph, n);
            }
        });
    }

    /** The node's phandle from its {@code phandle} (or {@code linux,phandle}) property, 0 when it has none. */
    static long phandleOf(Node n) {
        for (String name : new String[] {"phandle", "linux,phandle"}) {
            Property p = n.property(name);
            if (p != null && p.value().length() == 4) {
                return p.value().cellAt(0);
            }
        }
        return 0;
    }

    Node nodeWithPhandle(long phandle) {
        return byPhandle.get(phandle);
    }

    boolean isPathProperty(Node owner, Property p) {
        String path = owner.path();
        return path.equals("/aliases") || path.equals("/__symbols__")
                || path.equals("/chosen") && (p.name().equals("stdout-path") || p.name().equals("linux,stdout-path"));
    }

    /** The node a path property names (aliases and options such as ":115200n8" understood), or null. */
    Node pathTarget(Node owner, Property p) {
        String s = p.value().asString();
        if (owner.path().equals("/chosen")) {
            int colon = s.indexOf(':');
            if (colon >= 0) {
                s = s.substring(0, colon);
            }
            if (!s.startsWith("/")) {
                Node aliases = tree.nodeAt("/aliases");
                Property alias = aliases == null ? null : aliases.property(s);
                return alias == null ? null : tree.nodeAt(alias.value().asString());
            }
        }
        return tree.nodeAt(s);
    }

    Found of(Node owner, Property p) {
        String name = p.name();
        List<Ref> refs = new ArrayList<>();
        List<CellsNeed> cells = new ArrayList<>();
        fromMarkers(p.value(), refs);
        if (isPathProperty(owner, p)) {
            Node t = pathTarget(owner, p);
            if (t != null) {
                refs.add(new Ref(t, false));
            }
            return new Found(refs, cells);
        }
        if (PhandleSpecs.holdsNoPhandle(name)) {
            return refs.isEmpty() ? Found.NONE : new Found(refs, cells);
        }
        boolean parsed;
        PhandleSpecs.Spec spec = PhandleSpecs.withArgs(name);
        if (spec != null) {
            parsed = parseWithArgs(p.value(), spec, refs, cells);
        } else if (PhandleSpecs.isPhandleList(name)) {
            parsed = parseList(p.value(), refs);
        } else if (name.equals("interrupt-map")) {
            parsed = parseInterruptMap(owner, p.value(), refs, cells);
        } else {
            parsed = isText(p.value());
        }
        if (!parsed) {
            guess(p.value(), refs);
        }
        return new Found(refs, cells);
    }

    private void fromMarkers(Value v, List<Ref> refs) {
        for (Marker m : v.markers()) {
            if (m.kind() == Marker.Kind.REF_PHANDLE && m.offset() + 4 <= v.length()) {
                Node t = byPhandle.get(v.cellAt(m.offset()));
                if (t != null) {
                    refs.add(new Ref(t, false));
                }
            } else if (m.kind() == Marker.Kind.REF_PATH) {
                StringBuilder sb = new StringBuilder();
                for (int i = m.offset(); i < v.length() && v.byteAt(i) != 0; i++) {
                    sb.append((char) (v.byteAt(i) & 0xff));
                }
                Node t = tree.nodeAt(sb.toString());
                if (t != null) {
                    refs.add(new Ref(t, false));
                }
            }
        }
    }

    private boolean parseWithArgs(Value v, PhandleSpecs.Spec spec, List<Ref> refs, List<CellsNeed> cells) {
        if (v.length() % 4 != 0) {
            return false;
        }
        int n = v.length() / 4;
        List<Ref> found = new ArrayList<>();
        List<CellsNeed> needs = new ArrayList<>();
        int i = 0;
        while (i < n) {
            long ph = v.cellAt(i * 4);
            if (ph == 0 || ph == 0xffffffffL) {
                i++;
                continue;
            }
            Node provider = byPhandle.get(ph);
            if (provider == null) {
                return false;
            }
            long args;
            if (spec.cellsProperty() == null) {
                args = spec.fixedCells();
            } else {
                Property cp = provider.property(spec.cellsProperty());
                if (cp == null) {
                    if (!spec.cellsOptional()) {
                        return false;
                    }
                    args = 0;
                } else if (cp.value().length() != 4) {
                    return false;
                } else {
                    args = cp.value().cellAt(0);
                    needs.add(new CellsNeed(provider, spec.cellsProperty()));
                }
            }
            found.add(new Ref(provider, false));
            if (args > n) {
                return false;
            }
            i += 1 + (int) args;
        }
        if (i != n) {
            return false;
        }
        refs.addAll(found);
        cells.addAll(needs);
        return true;
    }

    private boolean parseList(Value v, List<Ref> refs) {
        if (v.length() % 4 != 0) {
            return false;
        }
        List<Ref> found = new ArrayList<>();
        for (int off = 0; off < v.length(); off += 4) {
            long ph = v.cellAt(off);
            if (ph == 0 || ph == 0xffffffffL) {
                continue;
            }
            Node t = byPhandle.get(ph);
            if (t == null) {
                return false;
            }
            found.add(new Ref(t, false));
        }
        refs.addAll(found);
        return true;
    }

    /** Entries of child address, child specifier, parent phandle, parent address, parent specifier. */
    private boolean parseInterruptMap(Node owner, Value v, List<Ref> refs, List<CellsNeed> cells) {
        long childAddr = cellProperty(owner, "#address-cells", 2);
        long childIntr = cellProperty(owner, "#interrupt-cells", -1);
        if (childIntr < 0 || v.length() % 4 != 0) {
            return false;
        }
        int n = v.length() / 4;
        List<Ref> found = new ArrayList<>();
        List<CellsNeed> needs = new ArrayList<>();
        long i = 0;
        while (i < n) {
            i += childAddr + childIntr;
            if (i >= n) {
                return false;
            }
            Node parent = byPhandle.get(v.cellAt((int) i * 4));
            if (parent == null) {
                return false;
            }
            long parentAddr = cellProperty(parent, "#address-cells", 0);
            long parentIntr = cellProperty(parent, "#interrupt-cells", -1);
            if (parentIntr < 0) {
                return false;
            }
            found.add(new Ref(parent, false));
            needs.add(new CellsNeed(parent, "#interrupt-cells"));
            if (parent.property("#address-cells") != null) {
                needs.add(new CellsNeed(parent, "#address-cells"));
            }
            i += 1 + parentAddr + parentIntr;
        }
        if (i != n) {
            return false;
        }
        refs.addAll(found);
        cells.addAll(needs);
        return true;
    }

    private static long cellProperty(Node n, String name, long absent) {
        Property p = n.property(name);
        if (p == null || p.value().length() != 4) {
            return absent;
        }
        return p.value().cellAt(0);
    }

    /** Every aligned cell equal to an existing phandle: the conservative reading of a property of unknown layout. */
    private void guess(Value v, List<Ref> refs) {
        for (int off = 0; off + 4 <= v.length(); off += 4) {
            Node t = byPhandle.get(v.cellAt(off));
            if (t != null) {
                refs.add(new Ref(t, true));
            }
        }
    }

    /** A value of printable strings, which holds no phandle cells (markers aside). */
    static boolean isText(Value v) {
        if (!v.isStringList()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            int b = v.byteAt(i) & 0xff;
            if (b != 0 && (b < 0x20 || b > 0x7e)) {
                return false;
            }
        }
        return true;
    }
}
