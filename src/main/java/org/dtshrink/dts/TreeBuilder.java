package org.dtshrink.dts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.LiveNodes;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * Builds the device tree while the parser reads, exactly as dtc's parser actions do: each node definition is built
 * fresh and then merged into what exists (dtc's merge_nodes), deletions leave tombstones that a later definition
 * revives in place, and in an overlay a reference to an unknown label becomes a {@code fragment@N}.
 *
 * <p>The parser's actions call it ({@link DtsParser.Tree}) as each property, node and top-level item ends, with the
 * tokens it needs; no parse tree is built, so memory holds the model and the open rules, never the whole file.
 */
final class TreeBuilder implements DtsParser.Tree {

    private final Labels labels = new Labels();
    /** What dtc prints while it parses, as lines (a value truncated to its element size). */
    private final List<String> messages = new ArrayList<>();
    private final ValueBuilder values;
    private final List<ReserveEntry> reserves = new ArrayList<>();
    /** The node bodies being read, innermost first. */
    private final Deque<OpenNode> open = new ArrayDeque<>();
    private Boolean plugin;
    private Node root;
    private int nextFragment;

    /** A node whose body is being read, where it starts, and whether a subnode has been seen in it yet. */
    private static final class OpenNode {
        final Node node = new Node("");
        final Token lbrace;
        boolean seenChild;

        OpenNode(Token lbrace) {
            this.lbrace = lbrace;
        }
    }

    TreeBuilder(DtsOptions options) {
        this.values = new ValueBuilder(options, messages);
    }

    /** What the parser's value actions call. */
    ValueBuilder values() {
        return values;
    }

    /** The tree, once the parser has read the whole source. */
    ParsedSource result() {
        DeviceTree tree = new DeviceTree(root);
        tree.reserves().addAll(reserves);
        tree.setPlugin(plugin);
        tree.setBootCpuid(guessBootCpuid(root));
        return new ParsedSource(tree, labels, plugin, messages);
    }

    @Override
    public void header(Token v1, boolean isPlugin) {
        if (plugin == null) {
            plugin = isPlugin;
        } else if (plugin != isPlugin) {
            throw DtException.at(pos(v1), "Header flags don't match earlier ones");
        }
    }

    @Override
    public void memreserve(List<Token> labelToks, long address, long size) {
        values.throwPending();
        Object owner = new Object();
        addLabels(owner, labelToks);
        reserves.add(new ReserveEntry(address, size, List.copyOf(labels.live(owner))));
    }

    @Override
    public void openNode(Token lbrace) {
        open.push(new OpenNode(lbrace));
    }

    @Override
    public void closeNode(Token semi) {
        OpenNode n = open.peek();
        // dtc locates a node from its '{' to its ';', the name and labels left out
        n.node.setPos(span(n.lbrace, semi));
    }

    @Override
    public void property(Token start, List<Token> labelToks, Token name, Token semi, boolean assigned,
            boolean deleted) {
        OpenNode into = open.peek();
        if (into.seenChild) {
            throw DtException.at(pos(start), "Properties must precede subnodes");
        }
        values.throwPending();
        Value v = assigned ? values.take() : new Value();
        // dtc locates a property from its name to its ';', the labels left out
        Property p = new Property(propName(name), v, span(name, semi));
        p.setDeleted(deleted);
        addLabels(p, labelToks);
        into.node.addProperty(p);
    }

    @Override
    public void childNode(List<Token> labelToks, boolean omit, Token name) {
        OpenNode body = open.pop();
        Node n = body.node;
        n.setName(propName(name));
        addChild(n, omit, labelToks);
    }

    @Override
    public void deleteChild(List<Token> labelToks, boolean omit, Token del, Token name, Token semi) {
        Node n = new Node(propName(name));
        n.setDeleted(true);
        n.setPos(span(del, semi));
        addChild(n, omit, labelToks);
    }

    private void addChild(Node n, boolean omit, List<Token> labelToks) {
        n.setOmitIfNoRef(omit);
        addLabels(n, labelToks);
        OpenNode into = open.peek();
        into.seenChild = true;
        into.node.addChild(n);
    }

    private void addLabels(Object owner, List<Token> ls) {
        for (int i = ls.size() - 1; i >= 0; i--) {
            labels.add(owner, ValueBuilder.labelName(ls.get(i)), pos(ls.get(i)));
        }
    }

    // ---- top level ----

    @Override
    public void rootNode() {
        Node fresh = open.pop().node;
        root = root == null ? fresh : merge(root, fresh);
    }

    /** Before the first root node only an overlay's unlabelled reference may stand, as in dtc's grammar. */
    private void needRoot(Token start) {
        if (root == null) {
            throw DtException.at(pos(start), "syntax error, unexpected " + SyntaxErrors.describe(start));
        }
    }

    @Override
    public void deleteRef(Token start, Token refTok) {
        needRoot(start);
        String ref = refText(refTok);
        Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
        if (target == null) {
            throw DtException.at(pos(refTok), "Label or path " + ref + " not found");
        }
        deleteNode(target);
    }

    @Override
    public void omitRef(Token start, Token refTok) {
        needRoot(start);
        String ref = refText(refTok);
        Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
        if (target == null) {
            throw DtException.at(pos(refTok), "Label or path " + ref + " not found");
        }
        target.setOmitIfNoRef(true);
    }

    @Override
    public void refNode(Token label, Token refTok) {
        OpenNode body = open.pop();
        Node fresh = body.node;
        if (label != null) {
            needRoot(label);
        }
        String ref = refText(refTok);
        SourcePos refPos = pos(refTok);
        boolean pathRef = refTok.getType() == DtsLexer.PATH_REF;
        if (root == null) {
            // Only an overlay may start with a reference; its root is empty and the body becomes a fragment.
            if (!plugin) {
                throw DtException.at(pos(body.lbrace), "Label or path " + ref + " not found");
            }
            checkNotRelative(ref, pos(body.lbrace));
            Node newRoot = new Node("");
            addOrphan(newRoot, fresh, ref);
            root = newRoot;
            return;
        }
        if (label != null) {
            if (plugin && isRelative(ref)) {
                throw DtException.at(pos(label), "Label-relative reference " + ref + " not supported in plugin");
            }
            Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
            if (target == null) {
                throw DtException.at(refPos, "Label or path " + ref + " not found");
            }
            labels.add(target, ValueBuilder.labelName(label), pos(label));
            merge(target, fresh);
            return;
        }
        if (pathRef && plugin) {
            checkNotRelative(ref, refPos);
            addOrphan(root, fresh, ref);
            return;
        }
        Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
        if (target != null) {
            merge(target, fresh);
        } else if (plugin && !pathRef) {
            addOrphan(root, fresh, ref);
        } else {
            throw DtException.at(refPos, "Label or path " + ref + " not found");
        }
    }

    private static boolean isRelative(String ref) {
        return !ref.startsWith("/") && ref.indexOf('/', 1) >= 0;
    }

    private static void checkNotRelative(String ref, SourcePos at) {
        if (isRelative(ref)) {
            throw DtException.at(at, "Label-relative reference " + ref + " not supported in plugin");
        }
    }

    /** dtc's add_orphan_node: wraps an overlay body in {@code fragment@N} with a target or target-path. */
    private void addOrphan(Node root, Node body, String ref) {
        Value v = new Value();
        Property target;
        if (ref.startsWith("/")) {
            v.addMarker(Marker.Kind.TYPE_STRING, ref);
            v.appendBytes(latin1Bytes(ref));
            v.appendBytes(new byte[] {0});
            target = new Property("target-path", v);
        } else {
            v.addMarker(Marker.Kind.REF_PHANDLE, ref);
            v.appendInteger(0xffffffffL, 32);
            target = new Property("target", v);
        }
        body.setName("__overlay__");
        Node fragment = new Node("fragment@" + Integer.toUnsignedString(nextFragment++));
        fragment.addProperty(target);
        fragment.addChild(body);
        root.addChild(fragment);
    }

    // ---- merging and deleting, as dtc's livetree.c ----

    /**
     * Below this many items in the fresh node, each is looked up by a scan of the old node's items: an overlay such
     * as {@code &uart0 { status = "okay"; };} then costs no map of the old node. Above it, a map of first
     * occurrences keeps merging linear in the sizes of both.
     */
    private static final int SCAN_LIMIT = 8;

    /**
     * dtc's merge_nodes. Each name of the fresh node is matched against the first item of that name in the old one,
     * tombstones included.
     */
    private Node merge(Node old, Node fresh) {
        old.setDeleted(false);
        for (Labels.Entry e : labels.all(fresh)) {
            labels.add(old, e.name, e.pos);
        }
        List<Property> freshProps = fresh.properties();
        if (!freshProps.isEmpty()) {
            Map<String, Property> oldProps = null;
            if (freshProps.size() > SCAN_LIMIT) {
                oldProps = new HashMap<>(old.properties().size() * 2);
                for (Property op : old.properties()) {
                    oldProps.putIfAbsent(op.name(), op);
                }
            }
            for (Property np : freshProps) {
                Property match = oldProps != null ? oldProps.get(np.name()) : firstProperty(old, np.name());
                if (np.isDeleted()) {
                    if (match != null) {
                        deleteProperty(match);
                    }
                } else if (match != null) {
                    for (Labels.Entry e : labels.all(np)) {
                        labels.add(match, e.name, e.pos);
                    }
                    match.setValue(np.value());
                    match.setDeleted(false);
                    match.setPos(np.pos());
                } else {
                    old.addProperty(np);
                    if (oldProps != null) {
                        oldProps.put(np.name(), np);
                    }
                }
            }
        }
        List<Node> freshKids = fresh.children();
        if (!freshKids.isEmpty()) {
            Map<String, Node> oldKids = null;
            if (freshKids.size() > SCAN_LIMIT) {
                oldKids = new HashMap<>(old.children().size() * 2);
                for (Node oc : old.children()) {
                    oldKids.putIfAbsent(oc.name(), oc);
                }
            }
            for (Node nc : freshKids) {
                Node match = oldKids != null ? oldKids.get(nc.name()) : firstChild(old, nc.name());
                if (nc.isDeleted()) {
                    if (match != null) {
                        deleteNode(match);
                    }
                } else if (match != null) {
                    merge(match, nc);
                } else {
                    old.addChild(nc);
                    if (oldKids != null) {
                        oldKids.put(nc.name(), nc);
                    }
                }
            }
            // The fresh node is dropped; children moved over now have the old node as parent.
            freshKids.clear();
        }
        old.addDefinition(fresh.pos());
        return old;
    }

    /** The first property of that name, tombstones included. */
    private static Property firstProperty(Node n, String name) {
        for (Property p : n.properties()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The first child of that name, tombstones included. */
    private static Node firstChild(Node n, String name) {
        for (Node c : n.children()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private void deleteProperty(Property p) {
        Tombstones.deleteProperty(p, labels);
    }

    private void deleteNode(Node top) {
        Tombstones.deleteNode(top, labels);
    }

    /** dtc's guess_boot_cpuid: the reg of the first child of /cpus when it is one cell. */
    private static long guessBootCpuid(Node root) {
        Node cpus = LiveNodes.byPath(root, "/cpus");
        if (cpus == null || cpus.children().isEmpty()) {
            return 0;
        }
        Property reg = cpus.children().get(0).property("reg");
        if (reg == null || reg.value().length() != 4) {
            return 0;
        }
        return reg.value().cellAt(0);
    }

    // ---- tokens ----

    private static SourcePos pos(Token t) {
        return DtsToken.posOf(t);
    }

    /** From the start of {@code first} to just after {@code end}, a one-character ';', as a bison location. */
    private static SourcePos span(Token first, Token end) {
        return DtsToken.spanToChar(first, end);
    }

    private static String propName(Token t) {
        String s = t.getText();
        return s.charAt(0) == '\\' ? s.substring(1) : s;
    }

    static String refText(Token r) {
        String s = r.getText();
        return r.getType() == DtsLexer.PATH_REF ? s.substring(2, s.length() - 1) : s.substring(1);
    }

    private static byte[] latin1Bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
