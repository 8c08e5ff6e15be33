package org.dtshrink.dts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;
import org.dtshrink.tree.ReserveEntry;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * Turns the parse tree into a device tree exactly as dtc's parser actions do: each node definition is built fresh and
 * then merged into what exists (dtc's merge_nodes), deletions leave tombstones that a later definition revives in
 * place, and in an overlay a reference to an unknown label becomes a {@code fragment@N}.
 */
final class TreeBuilder {

    private final DtsOptions options;
    private final Labels labels = new Labels();
    private final List<String> messages = new ArrayList<>();
    private boolean plugin;
    private int nextFragment;

    TreeBuilder(DtsOptions options) {
        this.options = options;
    }

    ParsedSource build(DtsParser.SourceFileContext ctx) {
        plugin = headers(ctx.header());
        List<ReserveEntry> reserves = new ArrayList<>();
        for (DtsParser.MemreserveContext m : ctx.memreserve()) {
            reserves.add(memreserve(m));
        }
        Node root = null;
        for (DtsParser.TopItemContext item : ctx.topItem()) {
            root = topItem(root, item);
        }
        DeviceTree tree = new DeviceTree(root);
        tree.reserves().addAll(reserves);
        tree.setPlugin(plugin);
        tree.setBootCpuid(guessBootCpuid(root));
        return new ParsedSource(tree, labels, plugin, messages);
    }

    private static boolean headers(List<DtsParser.HeaderContext> headers) {
        for (int i = 0; i + 1 < headers.size(); i++) {
            if (isPlugin(headers.get(i)) != isPlugin(headers.get(i + 1))) {
                throw DtException.at(pos(headers.get(i + 1).getStart()), "Header flags don't match earlier ones");
            }
        }
        return isPlugin(headers.get(0));
    }

    private static boolean isPlugin(DtsParser.HeaderContext h) {
        return h.PLUGIN() != null;
    }

    private ReserveEntry memreserve(DtsParser.MemreserveContext m) {
        long address = ExpressionEvaluator.evaluate(m.integerPrim(0));
        long size = ExpressionEvaluator.evaluate(m.integerPrim(1));
        Object owner = new Object();
        List<TerminalNode> ls = m.LABEL();
        for (int i = ls.size() - 1; i >= 0; i--) {
            labels.add(owner, labelName(ls.get(i)), pos(ls.get(i).getSymbol()));
        }
        return new ReserveEntry(address, size, List.copyOf(labels.live(owner)));
    }

    // ---- top level ----

    private Node topItem(Node root, DtsParser.TopItemContext item) {
        if (item instanceof DtsParser.RootNodeContext r) {
            Node fresh = body(r.nodeBody(), "");
            return root == null ? fresh : merge(root, fresh);
        }
        if (root == null && !(item instanceof DtsParser.RefNodeContext rn && rn.LABEL() == null)) {
            throw DtException.at(pos(item.getStart()), "syntax error, unexpected "
                    + SyntaxErrors.describe(item.getStart()));
        }
        if (item instanceof DtsParser.RefNodeContext r) {
            return refNode(root, r);
        }
        if (item instanceof DtsParser.DeleteRefContext d) {
            String ref = refText(d.ref());
            Node target = TreeLookup.byRef(root, ref, labels);
            if (target == null) {
                throw DtException.at(pos(d.ref().getStart()), "Label or path " + ref + " not found");
            }
            deleteNode(target);
            return root;
        }
        DtsParser.OmitRefContext o = (DtsParser.OmitRefContext) item;
        String ref = refText(o.ref());
        Node target = TreeLookup.byRef(root, ref, labels);
        if (target == null) {
            throw DtException.at(pos(o.ref().getStart()), "Label or path " + ref + " not found");
        }
        target.setOmitIfNoRef(true);
        return root;
    }

    private Node refNode(Node root, DtsParser.RefNodeContext r) {
        String ref = refText(r.ref());
        SourcePos refPos = pos(r.ref().getStart());
        boolean pathRef = r.ref().PATH_REF() != null;
        Node fresh = body(r.nodeBody(), null);
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
            Node target = TreeLookup.byRef(root, ref, labels);
            if (target == null) {
                throw DtException.at(refPos, "Label or path " + ref + " not found");
            }
            labels.add(target, labelName(r.LABEL()), pos(r.LABEL().getSymbol()));
            merge(target, fresh);
            return root;
        }
        if (pathRef && plugin) {
            checkNotRelative(ref, refPos);
            addOrphan(root, fresh, ref);
            return root;
        }
        Node target = TreeLookup.byRef(root, ref, labels);
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

    // ---- node bodies ----

    /** A node as written; dtc locates it from its '{' to its ';', the name and labels left out. */
    private Node body(DtsParser.NodeBodyContext body, String name) {
        Node n = new Node(name == null ? "" : name);
        n.setPos(DtsToken.span(body.LBRACE().getSymbol(), body.SEMI().getSymbol()));
        boolean seenChild = false;
        for (DtsParser.ItemContext item : body.item()) {
            if (item.propdef() != null) {
                if (seenChild) {
                    throw DtException.at(pos(item.getStart()), "Properties must precede subnodes");
                }
                n.addProperty(property(item.propdef()));
            } else {
                seenChild = true;
                n.addChild(subnode(item.subnode()));
            }
        }
        return n;
    }

    private Property property(DtsParser.PropdefContext def) {
        Property p;
        List<TerminalNode> ls;
        if (def instanceof DtsParser.SetPropContext s) {
            TerminalNode nameTok = s.PROPNODENAME();
            Value v = s.propdata() == null ? new Value() : propdata(s.propdata());
            p = new Property(propName(nameTok), v, DtsToken.span(nameTok.getSymbol(), s.SEMI().getSymbol()));
            ls = s.LABEL();
        } else {
            DtsParser.DeletePropContext d = (DtsParser.DeletePropContext) def;
            p = new Property(propName(d.PROPNODENAME()), new Value(), pos(d.PROPNODENAME().getSymbol()));
            p.setDeleted(true);
            ls = d.LABEL();
        }
        for (int i = ls.size() - 1; i >= 0; i--) {
            labels.add(p, labelName(ls.get(i)), pos(ls.get(i).getSymbol()));
        }
        return p;
    }

    private Node subnode(DtsParser.SubnodeContext sub) {
        Node n;
        List<TerminalNode> ls;
        if (sub instanceof DtsParser.ChildNodeContext c) {
            n = body(c.nodeBody(), propName(c.PROPNODENAME()));
            n.setOmitIfNoRef(!c.OMIT_NO_REF().isEmpty());
            ls = c.LABEL();
        } else {
            DtsParser.DeleteChildContext d = (DtsParser.DeleteChildContext) sub;
            n = new Node(propName(d.PROPNODENAME()));
            n.setPos(DtsToken.span(d.DEL_NODE().getSymbol(), d.SEMI().getSymbol()));
            n.setDeleted(true);
            n.setOmitIfNoRef(!d.OMIT_NO_REF().isEmpty());
            ls = d.LABEL();
        }
        for (int i = ls.size() - 1; i >= 0; i--) {
            labels.add(n, labelName(ls.get(i)), pos(ls.get(i).getSymbol()));
        }
        return n;
    }

    // ---- values ----

    private Value propdata(DtsParser.PropdataContext data) {
        Value v = new Value();
        for (ParseTree c : data.children) {
            if (c instanceof TerminalNode t) {
                if (t.getSymbol().getType() == DtsLexer.LABEL) {
                    v.addMarker(Marker.Kind.LABEL, labelName(t));
                }
            } else {
                piece(v, (DtsParser.PieceContext) c);
            }
        }
        return v;
    }

    private void piece(Value v, DtsParser.PieceContext piece) {
        if (piece instanceof DtsParser.StringPieceContext s) {
            Token t = s.STRING().getSymbol();
            v.addMarker(Marker.Kind.TYPE_STRING, null);
            v.appendBytes(Literals.string(t.getText(), pos(t)));
            v.appendBytes(new byte[] {0});
        } else if (piece instanceof DtsParser.ArrayPieceContext a) {
            array(v, a);
        } else if (piece instanceof DtsParser.BytesPieceContext b) {
            v.addMarker(Marker.Kind.TYPE_UINT8, null);
            for (ParseTree c : b.children) {
                Token t = ((TerminalNode) c).getSymbol();
                if (t.getType() == DtsLexer.BYTE) {
                    v.appendBytes(new byte[] {(byte) Integer.parseInt(t.getText(), 16)});
                } else if (t.getType() == DtsLexer.LABEL) {
                    v.addMarker(Marker.Kind.LABEL, labelName((TerminalNode) c));
                }
            }
        } else if (piece instanceof DtsParser.RefPieceContext r) {
            String ref = refText(r.ref());
            v.addMarker(Marker.Kind.TYPE_STRING, ref);
            v.addMarker(Marker.Kind.REF_PATH, ref);
        } else {
            incbin(v, (DtsParser.IncbinPieceContext) piece);
        }
    }

    private void array(Value v, DtsParser.ArrayPieceContext a) {
        int bits = 32;
        if (a.BITS() != null) {
            Token lit = a.LITERAL().getSymbol();
            long b = Literals.integer(lit.getText(), pos(lit));
            if (b != 8 && b != 16 && b != 32 && b != 64) {
                throw DtException.at(pos(lit), "Array elements must be 8, 16, 32 or 64-bits");
            }
            bits = (int) b;
        }
        v.addMarker(Marker.Kind.forBits(bits), null);
        for (ParseTree c : a.children) {
            if (c instanceof TerminalNode t) {
                if (t.getSymbol().getType() == DtsLexer.LABEL) {
                    v.addMarker(Marker.Kind.LABEL, labelName(t));
                }
            } else if (c instanceof DtsParser.IntegerPrimContext prim) {
                long x = ExpressionEvaluator.evaluate(prim);
                if (bits < 64) {
                    long mask = (1L << bits) - 1;
                    // neither in range nor sign-extended: dtc keeps the low bits and says so
                    if (Long.compareUnsigned(x, mask) > 0 && (x | mask) != -1L) {
                        messages.add(String.format("WARNING: %s: Value 0x%016x truncated to 0x%0" + (bits / 4) + "x",
                                DtsToken.span(prim.getStart(), prim.getStop()).dtcString(), x, x & mask));
                    }
                }
                v.appendInteger(x, bits);
            } else if (c instanceof DtsParser.RefContext r) {
                if (bits != 32) {
                    throw DtException.at(pos(r.getStart()), "References are only allowed in arrays with 32-bit "
                            + "elements.");
                }
                v.addMarker(Marker.Kind.REF_PHANDLE, refText(r));
                    v.appendInteger(-1L, bits);
            }
        }
    }

    private void incbin(Value v, DtsParser.IncbinPieceContext inc) {
        Token nameTok = inc.STRING().getSymbol();
        SourcePos at = pos(nameTok);
        String name = IncludingTokenSource.latin1(Literals.string(nameTok.getText(), at));
        long offset = 0;
        long length = -1;
        if (inc.integerPrim().size() == 2) {
            offset = ExpressionEvaluator.evaluate(inc.integerPrim(0));
            length = ExpressionEvaluator.evaluate(inc.integerPrim(1));
        }
        Path dir = nameTok instanceof DtsToken d ? d.dir() : null;
        byte[] file = IncludingTokenSource.resolve(name, dir, options, at).bytes();
        int from = Long.compareUnsigned(offset, file.length) > 0 ? file.length : (int) offset;
        long available = file.length - from;
        int n = (int) (Long.compareUnsigned(length, available) < 0 ? length : available);
        v.appendBytes(Arrays.copyOfRange(file, from, from + n));
    }

    // ---- merging and deleting, as dtc's livetree.c ----

    private Node merge(Node old, Node fresh) {
        old.setDeleted(false);
        for (Labels.Entry e : labels.all(fresh)) {
            labels.add(old, e.name, e.pos);
        }
        for (Property np : new ArrayList<>(fresh.properties())) {
            if (np.isDeleted()) {
                for (Property op : old.properties()) {
                    if (op.name().equals(np.name())) {
                        deleteProperty(op);
                        break;
                    }
                }
                continue;
            }
            Property match = null;
            for (Property op : old.properties()) {
                if (op.name().equals(np.name())) {
                    match = op;
                    break;
                }
            }
            if (match != null) {
                for (Labels.Entry e : labels.all(np)) {
                    labels.add(match, e.name, e.pos);
                }
                match.setValue(np.value());
                match.setDeleted(false);
                match.setPos(np.pos());
            } else {
                old.addProperty(np);
            }
        }
        for (Node nc : new ArrayList<>(fresh.children())) {
            if (nc.isDeleted()) {
                for (Node oc : old.children()) {
                    if (oc.name().equals(nc.name())) {
                        deleteNode(oc);
                        break;
                    }
                }
                continue;
            }
            Node match = null;
            for (Node oc : old.children()) {
                if (oc.name().equals(nc.name())) {
                    match = oc;
                    break;
                }
            }
            if (match != null) {
                merge(match, nc);
            } else {
                fresh.removeChild(nc);
                old.addChild(nc);
            }
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
        Node cpus = TreeLookup.byPath(root, "/cpus");
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

    private static String labelName(TerminalNode t) {
        String s = t.getText();
        return s.substring(0, s.length() - 1);
    }

    private static String propName(TerminalNode t) {
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
