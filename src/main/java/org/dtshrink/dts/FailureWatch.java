package org.dtshrink.dts;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

/**
 * Tells {@link DtsReader} whether a parse failed on a syntax error, rather than on what the builder or the token
 * source found: only a syntax error under fast SLL prediction may be one that full LL prediction would not make, so
 * only then is the text parsed again. Registered before the listener that throws, so it hears the error first.
 */
final class FailureWatch extends BaseErrorListener {

    private boolean syntaxError;

    boolean syntaxError() {
        return syntaxError;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        syntaxError = true;
    }
}
