package org.dtshrink.dts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;
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
 * <p>It listens to the parser ({@link org.antlr.v4.runtime.Parser#addParseListener}): each property, node and
 * top-level item is turned into the model as soon as its rule ends, and its part of the parse tree is then cut off,
 * so that memory holds the model and the open nodes' contexts, never the parse tree of the whole file.
 */
final class TreeBuilder implements ParseTreeListener {

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

    /** A node whose body is being read, and whether a subnode has been seen in it yet. */
    private static final class OpenNode {
        final Node node = new Node("");
        boolean seenChild;
    }

    private final FailureWatch failure;

    TreeBuilder(DtsOptions options, FailureWatch failure) {
        this.values = new ValueBuilder(options, messages);
        this.failure = failure;
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
    public void enterEveryRule(ParserRuleContext ctx) {
        if (ctx instanceof DtsParser.NodeBodyContext && !failure.failed()) {
            open.push(new OpenNode());
        }
    }

    @Override
    public void exitEveryRule(ParserRuleContext ctx) {
        if (failure.failed()) {
            return;
        }
        try {
            exit(ctx);
        } catch (RuntimeException | Error e) {
            failure.fail();
            throw e;
        }
    }

    private void exit(ParserRuleContext ctx) {
        if (ctx instanceof DtsParser.PropdefContext p) {
            OpenNode into = open.peek();
            if (into.seenChild) {
                throw DtException.at(pos(p.getStart()), "Properties must precede subnodes");
            }
            into.node.addProperty(property(p));
        } else if (ctx instanceof DtsParser.SubnodeContext sub) {
            Node n = subnode(sub);
            OpenNode into = open.peek();
            into.seenChild = true;
            into.node.addChild(n);
        } else if (ctx instanceof DtsParser.ItemContext) {
            cutOff(ctx);
        } else if (ctx instanceof DtsParser.TopItemContext item) {
            Node fresh = item instanceof DtsParser.RootNodeContext || item instanceof DtsParser.RefNodeContext
                    ? open.pop().node : null;
            root = topItem(root, item, fresh);
            cutOff(ctx);
        } else if (ctx instanceof DtsParser.HeaderContext h) {
            header(h);
        } else if (ctx instanceof DtsParser.MemreserveContext m) {
            reserves.add(memreserve(m));
        }
    }

    /** Drops a finished item from the parse tree: the model has all of it now. */
    private static void cutOff(ParserRuleContext ctx) {
        ((ParserRuleContext) ctx.getParent()).removeLastChild();
    }

    @Override
    public void visitTerminal(TerminalNode node) {
    }

    @Override
    public void visitErrorNode(ErrorNode node) {
    }

    private void header(DtsParser.HeaderContext h) {
        boolean isPlugin = h.PLUGIN() != null;
        if (plugin == null) {
            plugin = isPlugin;
        } else if (plugin != isPlugin) {
            throw DtException.at(pos(h.getStart()), "Header flags don't match earlier ones");
        }
    }

    private ReserveEntry memreserve(DtsParser.MemreserveContext m) {
        long address = ExpressionEvaluator.evaluate(m.integerPrim(0));
        long size = ExpressionEvaluator.evaluate(m.integerPrim(1));
        Object owner = new Object();
        addLabels(owner, labelTokens(m));
        return new ReserveEntry(address, size, List.copyOf(labels.live(owner)));
    }

    // ---- top level ----

    /** One top-level item, its node body (if it has one) already built. */
    private Node topItem(Node root, DtsParser.TopItemContext item, Node fresh) {
        if (item instanceof DtsParser.RootNodeContext r) {
            fresh.setPos(bodySpan(r.nodeBody()));
            return root == null ? fresh : merge(root, fresh);
        }
        if (root == null && !(item instanceof DtsParser.RefNodeContext rn && rn.LABEL() == null)) {
            throw DtException.at(pos(item.getStart()), "syntax error, unexpected "
                    + SyntaxErrors.describe(item.getStart()));
        }
        if (item instanceof DtsParser.RefNodeContext r) {
            return refNode(root, r, fresh);
        }
        if (item instanceof DtsParser.DeleteRefContext d) {
            String ref = refText(d.ref());
            Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
            if (target == null) {
                throw DtException.at(pos(d.ref().getStart()), "Label or path " + ref + " not found");
            }
            deleteNode(target);
            return root;
        }
        DtsParser.OmitRefContext o = (DtsParser.OmitRefContext) item;
        String ref = refText(o.ref());
        Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
        if (target == null) {
            throw DtException.at(pos(o.ref().getStart()), "Label or path " + ref + " not found");
        }
        target.setOmitIfNoRef(true);
        return root;
    }

    private Node refNode(Node root, DtsParser.RefNodeContext r, Node fresh) {
        String ref = refText(r.ref());
        SourcePos refPos = pos(r.ref().getStart());
        boolean pathRef = r.ref().PATH_REF() != null;
        fresh.setPos(bodySpan(r.nodeBody()));
        if (root == null) {
            // Only an overlay may start with a reference; its root is empty and the body becomes a fragment.
            if (!plugin) {
                throw DtException.at(pos(r.nodeBody().getStart()), "Label or path " + ref + " not found");
            }
            checkNotRelative(ref, pos(r.nodeBody().getStart()));
            Node newRoot = new Node("");
            addOrphan(newRoot, fresh, ref);
            return newRoot;
        }
        if (r.LABEL() != null) {
            if (plugin && isRelative(ref)) {
                throw DtException.at(pos(r.LABEL().getSymbol()), "Label-relative reference " + ref
                        + " not supported in plugin");
            }
            Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
            if (target == null) {
                throw DtException.at(refPos, "Label or path " + ref + " not found");
            }
            labels.add(target, labelName(r.LABEL().getSymbol()), pos(r.LABEL().getSymbol()));
            merge(target, fresh);
            return root;
        }
        if (pathRef && plugin) {
            checkNotRelative(ref, refPos);
            addOrphan(root, fresh, ref);
            return root;
        }
        Node target = LiveNodes.byRef(root, ref, l -> labels.firstNodeWith(root, l));
        if (target != null) {
            merge(target, fresh);
        } else if (plugin && !pathRef) {
            addOrphan(root, fresh, ref);
        } else {
            throw DtException.at(refPos, "Label or path " + ref + " not found");
        }
        return root;
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

    // The parse tree is read child by child: the generated accessors (LABEL(), PROPNODENAME(), item(), ...) scan all
    // of a context's children on every call.

    /** The LABEL tokens among a context's children, in source order. */
    private static List<Token> labelTokens(ParserRuleContext ctx) {
        List<Token> out = null;
        for (ParseTree c : ctx.children) {
            if (c instanceof TerminalNode t && t.getSymbol().getType() == DtsLexer.LABEL) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(t.getSymbol());
            }
        }
        return out == null ? List.of() : out;
    }

    private void addLabels(Object owner, List<Token> ls) {
        for (int i = ls.size() - 1; i >= 0; i--) {
            labels.add(owner, labelName(ls.get(i)), pos(ls.get(i)));
        }
    }

    private Property property(DtsParser.PropdefContext def) {
        Token nameTok = null;
        Token semi = null;
        Value v = null;
        for (ParseTree c : def.children) {
            if (c instanceof TerminalNode t && t.getSymbol().getType() == DtsLexer.PROPNODENAME) {
                nameTok = t.getSymbol();
            } else if (c instanceof TerminalNode t && t.getSymbol().getType() == DtsLexer.SEMI) {
                semi = t.getSymbol();
            } else if (c instanceof DtsParser.PropdataContext data) {
                v = values.propdata(data);
            }
        }
        // dtc locates a property from its name to its ';', the labels left out
        Property p = new Property(propName(nameTok), v == null ? new Value() : v, DtsToken.span(nameTok, semi));
        p.setDeleted(def instanceof DtsParser.DeletePropContext);
        addLabels(p, labelTokens(def));
        return p;
    }

    /** A subnode whose rule just ended: a child node (its body is the innermost open node) or a deletion. */
    private Node subnode(DtsParser.SubnodeContext sub) {
        Token nameTok = null;
        Token delTok = null;
        Token semi = null;
        DtsParser.NodeBodyContext body = null;
        boolean omit = false;
        for (ParseTree c : sub.children) {
            if (c instanceof TerminalNode t) {
                int type = t.getSymbol().getType();
                if (type == DtsLexer.PROPNODENAME) {
                    nameTok = t.getSymbol();
                } else if (type == DtsLexer.OMIT_NO_REF) {
                    omit = true;
                } else if (type == DtsLexer.DEL_NODE) {
                    delTok = t.getSymbol();
                } else if (type == DtsLexer.SEMI) {
                    semi = t.getSymbol();
                }
            } else if (c instanceof DtsParser.NodeBodyContext b) {
                body = b;
            }
        }
        Node n;
        if (sub instanceof DtsParser.ChildNodeContext) {
            n = open.pop().node;
            n.setName(propName(nameTok));
            n.setPos(bodySpan(body));
        } else {
            n = new Node(propName(nameTok));
            n.setDeleted(true);
            n.setPos(DtsToken.span(delTok, semi));
        }
        n.setOmitIfNoRef(omit);
        addLabels(n, labelTokens(sub));
        return n;
    }

    // ---- merging and deleting, as dtc's livetree.c ----

    /**
     * dtc's merge_nodes. Each name of the fresh node is matched against the first item of that name in the old one,
     * tombstones included, through a map of first occurrences, so that merging stays linear in the sizes of both.
     */
    private Node merge(Node old, Node fresh) {
        old.setDeleted(false);
        for (Labels.Entry e : labels.all(fresh)) {
            labels.add(old, e.name, e.pos);
        }
        if (!fresh.properties().isEmpty()) {
            Map<String, Property> oldProps = new HashMap<>();
            for (Property op : old.properties()) {
                oldProps.putIfAbsent(op.name(), op);
            }
            for (Property np : fresh.properties()) {
                Property match = oldProps.get(np.name());
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
                    oldProps.put(np.name(), np);
                }
            }
        }
        if (!fresh.children().isEmpty()) {
            Map<String, Node> oldKids = new HashMap<>();
            for (Node oc : old.children()) {
                oldKids.putIfAbsent(oc.name(), oc);
            }
            for (Node nc : fresh.children()) {
                Node match = oldKids.get(nc.name());
                if (nc.isDeleted()) {
                    if (match != null) {
                        deleteNode(match);
                    }
                } else if (match != null) {
                    merge(match, nc);
                } else {
                    old.addChild(nc);
                    oldKids.put(nc.name(), nc);
                }
            }
            // The fresh node is dropped; children moved over now have the old node as parent.
            fresh.children().clear();
        }
        old.addDefinition(fresh.pos());
        return old;
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

    /** A node as dtc locates it: from its '{' to its ';', the name and labels left out. */
    private static SourcePos bodySpan(DtsParser.NodeBodyContext body) {
        Token first = null;
        Token last = null;
        for (ParseTree c : body.children) {
            if (c instanceof TerminalNode t) {
                if (first == null) {
                    first = t.getSymbol();
                }
                last = t.getSymbol();
            }
        }
        return DtsToken.span(first, last);
    }

    private static String labelName(Token t) {
        String s = t.getText();
        return s.substring(0, s.length() - 1);
    }

    private static String propName(Token t) {
        String s = t.getText();
        return s.startsWith("\\") ? s.substring(1) : s;
    }

    static String refText(DtsParser.RefContext r) {
        String s = r.getStart().getText();
        return r.PATH_REF() != null ? s.substring(2, s.length() - 1) : s.substring(1);
    }

    private static byte[] latin1Bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
