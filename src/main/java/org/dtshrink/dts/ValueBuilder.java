package org.dtshrink.dts;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.dtshrink.dts.grammar.DtsLexer;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * Turns a property's value as parsed into the bytes and markers dtc's parser actions build: strings with their
 * escapes, cell arrays of 8 to 64 bits with labels and references, byte strings, and /incbin/ file contents. What
 * dtc prints on the way (a value truncated to its element size) goes to {@code messages}.
 */
final class ValueBuilder {

    private final DtsOptions options;
    private final List<String> messages;

    ValueBuilder(DtsOptions options, List<String> messages) {
        this.options = options;
        this.messages = messages;
    }

    Value propdata(DtsParser.PropdataContext data) {
        Value v = new Value();
        for (ParseTree c : data.children) {
            if (c instanceof TerminalNode t) {
                if (t.getSymbol().getType() == DtsLexer.LABEL) {
                    v.addMarker(Marker.Kind.LABEL, labelName(t.getSymbol()));
                }
            } else {
                piece(v, (DtsParser.PieceContext) c);
            }
        }
        return v;
    }

    private void piece(Value v, DtsParser.PieceContext piece) {
        if (piece instanceof DtsParser.StringPieceContext s) {
            Token t = s.getStart();
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
                    String hex = t.getText();
                    v.appendInteger(Character.digit(hex.charAt(0), 16) << 4 | Character.digit(hex.charAt(1), 16), 8);
                } else if (t.getType() == DtsLexer.LABEL) {
                    v.addMarker(Marker.Kind.LABEL, labelName(t));
                }
            }
        } else if (piece instanceof DtsParser.RefPieceContext r) {
            String ref = TreeBuilder.refText(r.ref());
            v.addMarker(Marker.Kind.TYPE_STRING, ref);
            v.addMarker(Marker.Kind.REF_PATH, ref);
        } else {
            incbin(v, (DtsParser.IncbinPieceContext) piece);
        }
    }

    private void array(Value v, DtsParser.ArrayPieceContext a) {
        int bits = 32;
        Token first = a.getStart();
        if (first.getType() == DtsLexer.BITS) {
            Token lit = ((TerminalNode) a.getChild(1)).getSymbol();
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
                    v.addMarker(Marker.Kind.LABEL, labelName(t.getSymbol()));
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
                v.addMarker(Marker.Kind.REF_PHANDLE, TreeBuilder.refText(r));
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

    private static SourcePos pos(Token t) {
        return DtsToken.posOf(t);
    }

    private static String labelName(Token t) {
        String s = t.getText();
        return s.substring(0, s.length() - 1);
    }
}
