package org.dtshrink.dts;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.SourcePos;

/** Turns the parser's first complaint into the one-line error users see, at the original file and line. */
final class SyntaxErrors extends BaseErrorListener {

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
            String msg, RecognitionException e) {
        if (offendingSymbol instanceof Token t) {
            SourcePos pos = DtsToken.posOf(t);
            throw DtException.at(pos, "syntax error, unexpected " + describe(t));
        }
        throw DtException.at(new SourcePos(recognizer.getInputStream().getSourceName(), line,
                charPositionInLine + 1), "syntax error");
    }

    /**
     * ANTLR's error strategy, except that a no-viable-alternative error names only its offending token: the default
     * message quotes the text from the start of the decision, which an unbuffered token stream no longer holds.
     */
    static final class Strategy extends DefaultErrorStrategy {
        @Override
        protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
            recognizer.notifyErrorListeners(e.getOffendingToken(), "no viable alternative", e);
        }

        /**
         * No look-ahead check before each loop: it only serves recovery, and the first error stops the parse
         * anyway, found by the match or the prediction that follows, at the token sync would have named.
         */
        @Override
        public void sync(Parser recognizer) {
        }
    }

    static String describe(Token t) {
        if (t.getType() == Token.EOF) {
            return "end of file";
        }
        String text = t.getText();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        StringBuilder sb = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
