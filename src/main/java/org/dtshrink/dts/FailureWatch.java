package org.dtshrink.dts;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Tells the tree builder that parsing has failed. The generated parser ends every rule in a {@code finally} block,
 * so an error thrown by the token source, by the syntax-error listener or by the builder itself still sends the
 * builder the end of each open rule while it unwinds; the builder must ignore those, or a follow-on failure on a
 * half-read rule would replace the real error.
 */
final class FailureWatch extends BaseErrorListener {

    private boolean failed;
    private boolean syntaxError;

    boolean failed() {
        return failed;
    }

    /** Whether the parse failed on a syntax error (rather than on what the builder or the token source found). */
    boolean syntaxError() {
        return syntaxError;
    }

    /** Called by the token source when reading a token fails. */
    void fail() {
        failed = true;
    }

    /** Registered before the listener that throws: a syntax error marks the parse failed. */
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        failed = true;
        syntaxError = true;
    }
}
