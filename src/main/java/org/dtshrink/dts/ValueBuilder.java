package org.dtshrink.dts;

import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Marker;
import org.dtshrink.tree.SourcePos;
import org.dtshrink.tree.Value;

/**
 * Turns a property's value, piece by piece as the parser reads it, into the bytes and markers dtc's parser actions
 * build: strings with their escapes, cell arrays of 8 to 64 bits with labels and references, byte strings, and
 * /incbin/ file contents; and computes the integer expressions in them. What dtc prints on the way (a value
 * truncated to its element size) goes to {@code messages}.
 *
 * <p>An error found in a value is held back until the property (or reserve entry) has been read to its ';', and
 * then the first one is thrown ({@link #throwPending}): a syntax error further on in the same property is reported
 * instead, as when values were built only once their property was whole.
 */
final class ValueBuilder implements DtsParser.Values {

    private final DtsOptions options;
    private final List<String> messages;
    private Value value;
    private int bits;
    private DtException pending;
    private Token incbinName;
    private String incbinFile;
    private long incbinOffset;
    private long incbinLength;

    ValueBuilder(DtsOptions options, List<String> messages) {
        this.options = options;
        this.messages = messages;
    }

    /** The value read since the last {@link #start}. */
    Value take() {
        Value v = value;
        value = null;
        return v;
    }

    /** Throws the first error held back since the last call, if any. */
    void throwPending() {
        DtException e = pending;
        if (e != null) {
            pending = null;
            throw e;
        }
    }

    private void hold(DtException e) {
        if (pending == null) {
            pending = e;
        }
    }

    @Override
    public void start() {
        value = new Value();
    }

    @Override
    public void label(Token label) {
        if (pending == null) {
            value.addMarker(Marker.Kind.LABEL, labelName(label));
        }
    }

    @Override
    public void string(Token t) {
        if (pending != null) {
            return;
        }
        try {
            value.addMarker(Marker.Kind.TYPE_STRING, null);
            Literals.appendString(value, t);
            value.appendInteger(0, 8);
        } catch (DtException e) {
            hold(e);
        }
    }

    @Override
    public void array(Token bitsLiteral) {
        bits = 32;
        if (pending != null) {
            return;
        }
        try {
            if (bitsLiteral != null) {
                long b = Literals.integer(bitsLiteral.getText(), pos(bitsLiteral));
                if (b != 8 && b != 16 && b != 32 && b != 64) {
                    throw DtException.at(pos(bitsLiteral), "Array elements must be 8, 16, 32 or 64-bits");
                }
                bits = (int) b;
            }
            value.addMarker(Marker.Kind.forBits(bits), null);
        } catch (DtException e) {
            hold(e);
        }
    }

    @Override
    public void cell(long x, Token first, Token last) {
        if (pending != null) {
            return;
        }
        if (bits < 64) {
            long mask = (1L << bits) - 1;
            // neither in range nor sign-extended: dtc keeps the low bits and says so
            if (Long.compareUnsigned(x, mask) > 0 && (x | mask) != -1L) {
                messages.add(String.format("WARNING: %s: Value 0x%016x truncated to 0x%0" + (bits / 4) + "x",
                        DtsToken.span(first, last).dtcString(), x, x & mask));
            }
        }
        value.appendInteger(x, bits);
    }

    @Override
    public void cellRef(Token ref) {
        if (pending != null) {
            return;
        }
        if (bits != 32) {
            hold(DtException.at(pos(ref), "References are only allowed in arrays with 32-bit elements."));
            return;
        }
        value.addMarker(Marker.Kind.REF_PHANDLE, TreeBuilder.refText(ref));
        value.appendInteger(-1L, bits);
    }

    @Override
    public void bytes() {
        if (pending == null) {
            value.addMarker(Marker.Kind.TYPE_UINT8, null);
        }
    }

    @Override
    public void byteValue(Token t) {
        if (pending == null) {
            String hex = t.getText();
            value.appendInteger(Character.digit(hex.charAt(0), 16) << 4 | Character.digit(hex.charAt(1), 16), 8);
        }
    }

    @Override
    public void pathRef(Token ref) {
        if (pending == null) {
            String r = TreeBuilder.refText(ref);
            value.addMarker(Marker.Kind.TYPE_STRING, r);
            value.addMarker(Marker.Kind.REF_PATH, r);
        }
    }

    @Override
    public void incbinName(Token nameTok) {
        incbinName = nameTok;
        incbinFile = null;
        incbinOffset = 0;
        incbinLength = -1;
        if (pending != null) {
            return;
        }
        try {
            incbinFile = IncludingTokenSource.latin1(Literals.string(nameTok.getText(), pos(nameTok)));
        } catch (DtException e) {
            hold(e);
        }
    }

    @Override
    public void incbinRange(long offset, long length) {
        incbinOffset = offset;
        incbinLength = length;
    }

    @Override
    public void incbinEnd() {
        if (pending != null) {
            return;
        }
        try {
            Path dir = incbinName instanceof DtsToken d ? d.dir() : null;
            byte[] file = IncludingTokenSource.resolve(incbinFile, dir, options, pos(incbinName)).bytes();
            int from = Long.compareUnsigned(incbinOffset, file.length) > 0 ? file.length : (int) incbinOffset;
            long available = file.length - from;
            int n = (int) (Long.compareUnsigned(incbinLength, available) < 0 ? incbinLength : available);
            value.appendBytes(file, from, n);
        } catch (DtException e) {
            hold(e);
        }
    }

    @Override
    public long literal(Token t) {
        if (pending != null) {
            return 0;
        }
        try {
            return Literals.integer(t);
        } catch (DtException e) {
            hold(e);
            return 0;
        }
    }

    @Override
    public long character(Token t) {
        if (pending != null) {
            return 0;
        }
        try {
            return Literals.character(t.getText(), pos(t));
        } catch (DtException e) {
            hold(e);
            return 0;
        }
    }

    @Override
    public long unary(Token op, long x) {
        return ExpressionEvaluator.unary(op.getType(), x);
    }

    @Override
    public long binary(Token start, Token op, long x, long y) {
        if (pending != null) {
            return 0;
        }
        try {
            return ExpressionEvaluator.binary(start, op.getType(), x, y);
        } catch (DtException e) {
            hold(e);
            return 0;
        }
    }

    private static SourcePos pos(Token t) {
        return DtsToken.posOf(t);
    }

    static String labelName(Token t) {
        String s = t.getText();
        return s.substring(0, s.length() - 1);
    }
}
