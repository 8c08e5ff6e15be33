package org.dtshrink.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a target kernel can read from a device tree: property names (exact or glob), compatibles its built code
 * matches, and subtrees whose every property is read (such as /chosen). Each entry remembers where it came from (a
 * source file, the core set, a usage file, the command line), so that a user can audit it and a removal can say why.
 * {@code --drop} patterns take names out again, whatever added them.
 */
public final class UsageSet {

    /** What an entry names. */
    public enum Kind { PROPERTY, COMPATIBLE, SUBTREE }

    /** One name or pattern and the places that contributed it. */
    public record Entry(Kind kind, String text, Set<String> origins) {
    }

    private final Map<String, Entry> exactProperties = new TreeMap<>();
    private final Map<String, Entry> propertyPatterns = new TreeMap<>();
    private final Map<String, Glob> propertyGlobs = new LinkedHashMap<>();
    private final Map<String, Entry> exactCompatibles = new TreeMap<>();
    private final Map<String, Entry> compatiblePatterns = new TreeMap<>();
    private final Map<String, Glob> compatibleGlobs = new LinkedHashMap<>();
    private final Map<String, Entry> subtrees = new TreeMap<>();
    private final List<Glob> drops = new ArrayList<>();
    private final List<Glob> keeps = new ArrayList<>();
    /** Whether some kernel code was scanned, so that a removal can name what was searched. */
    private boolean fromKernelScan;

    public void addProperty(String nameOrGlob, String origin) {
        if (Glob.isPattern(nameOrGlob)) {
            propertyGlobs.computeIfAbsent(nameOrGlob, Glob::of);
            add(propertyPatterns, Kind.PROPERTY, nameOrGlob, origin);
        } else {
            add(exactProperties, Kind.PROPERTY, nameOrGlob, origin);
        }
    }

    public void addCompatible(String nameOrGlob, String origin) {
        if (Glob.isPattern(nameOrGlob)) {
            compatibleGlobs.computeIfAbsent(nameOrGlob, Glob::of);
            add(compatiblePatterns, Kind.COMPATIBLE, nameOrGlob, origin);
        } else {
            add(exactCompatibles, Kind.COMPATIBLE, nameOrGlob, origin);
        }
    }

    /** Every property of the node at this absolute path and of every node below it is read. */
    public void addSubtree(String path, String origin) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        add(subtrees, Kind.SUBTREE, p, origin);
    }

    /** A {@code --keep} pattern: read, and stronger than any {@code --drop}. */
    public void addKeep(String glob) {
        keeps.add(Glob.of(glob));
        addProperty(glob, KEEP_ORIGIN);
    }

    public static final String KEEP_ORIGIN = "--keep";

    public void addDrop(String glob) {
        drops.add(Glob.of(glob));
    }

    public void markFromKernelScan() {
        fromKernelScan = true;
    }

    public boolean isFromKernelScan() {
        return fromKernelScan;
    }

    /** Adds every entry of another set (used to put a kernel scan, a usage file and the core set together). */
    public void addAll(UsageSet other) {
        for (Entry e : other.entries()) {
            for (String o : e.origins()) {
                switch (e.kind()) {
                    case PROPERTY -> addProperty(e.text(), o);
                    case COMPATIBLE -> addCompatible(e.text(), o);
                    case SUBTREE -> addSubtree(e.text(), o);
                }
            }
        }
        drops.addAll(other.drops);
        keeps.addAll(other.keeps);
        fromKernelScan |= other.fromKernelScan;
    }

    private static void add(Map<String, Entry> map, Kind kind, String text, String origin) {
        map.computeIfAbsent(text, t -> new Entry(kind, t, new TreeSet<>())).origins().add(origin);
    }

    /** The drop pattern that removes this property name, or null (always null for a name a keep pattern names). */
    public String droppedBy(String propertyName) {
        for (Glob g : keeps) {
            if (g.matches(propertyName)) {
                return null;
            }
        }
        for (Glob g : drops) {
            if (g.matches(propertyName)) {
                return g.text();
            }
        }
        return null;
    }

    /**
     * The entry that lets the kernel read a property of this name at this node path, or null when nothing does.
     * Drops are not applied here; see {@link #droppedBy}.
     */
    public Entry reader(String nodePath, String propertyName) {
        for (Glob g : keeps) {
            if (g.matches(propertyName)) {
                return (Glob.isPattern(g.text()) ? propertyPatterns : exactProperties).get(g.text());
            }
        }
        Entry e = exactProperties.get(propertyName);
        if (e != null) {
            return e;
        }
        for (Map.Entry<String, Glob> g : propertyGlobs.entrySet()) {
            if (g.getValue().matches(propertyName)) {
                return propertyPatterns.get(g.getKey());
            }
        }
        return subtreeOf(nodePath);
    }

    /** The subtree entry that covers the node at this path, or null. */
    public Entry subtreeOf(String nodePath) {
        for (Entry s : subtrees.values()) {
            String root = s.text();
            if (nodePath.equals(root) || root.equals("/")
                    || nodePath.startsWith(root) && nodePath.charAt(root.length()) == '/') {
                return s;
            }
        }
        return null;
    }

    /** The entry through which built code matches this compatible, or null. */
    public Entry matcher(String compatible) {
        Entry e = exactCompatibles.get(compatible);
        if (e != null) {
            return e;
        }
        for (Map.Entry<String, Glob> g : compatibleGlobs.entrySet()) {
            if (g.getValue().matches(compatible)) {
                return compatiblePatterns.get(g.getKey());
            }
        }
        return null;
    }

    /** Every entry: properties (exact, then patterns), compatibles, subtrees; each group sorted by name. */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>();
        all.addAll(exactProperties.values());
        all.addAll(propertyPatterns.values());
        all.addAll(exactCompatibles.values());
        all.addAll(compatiblePatterns.values());
        all.addAll(subtrees.values());
        return all;
    }

    public List<String> drops() {
        List<String> out = new ArrayList<>();
        for (Glob g : drops) {
            out.add(g.text());
        }
        return out;
    }
}
