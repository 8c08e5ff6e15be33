package org.dtshrink.cpp;

import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DtException;

/**
 * The conditional directives ({@code #if}, {@code #ifdef}, {@code #elif}, {@code #else}, {@code #endif} ...): the
 * stack of open conditionals, whether text is being skipped, and the opening {@code #ifndef} that may be a file's
 * include guard.
 */
final class Conditionals {

    private static final class Conditional {
        final boolean wasSkipping;
        boolean skipElses;
        String type;
        final CppToken at;
        /** The macro of an {@code #ifndef} that opens a file: a candidate include guard. */
        String guard;

        Conditional(boolean wasSkipping, boolean skipElses, String type, CppToken at, String guard) {
            this.wasSkipping = wasSkipping;
            this.skipElses = skipElses;
            this.type = type;
            this.at = at;
            this.guard = guard;
        }
    }

    private final CppEngine e;
    private final List<Conditional> open = new ArrayList<>();
    /** Whether the text being read lies in a group whose condition is false. */
    boolean skipping;

    Conditionals(CppEngine engine) {
        this.e = engine;
    }

    /** How many conditionals are open. */
    int depth() {
        return open.size();
    }

    /** At the end of a file: every conditional opened in it must have been closed. */
    void checkClosed() {
        if (open.size() > e.files.frame.condBase) {
            Conditional c = open.get(open.size() - 1);
            throw DtException.at(CppEngine.pos(c.at), "unterminated #" + c.type);
        }
    }

    void ifDirective(CppToken directive) {
        if (skipping) {
            pushConditional(directive, true, null);
        } else {
            CppExpression.Outcome o = CppExpression.evaluateIf(e.directives.expressionTokens(), directive);
            pushConditional(directive, !o.value(), o.guard());
        }
    }

    private void pushConditional(CppToken directive, boolean skip, String guard) {
        boolean topOfFile = e.files.guardValid && e.files.guardCandidate == null;
        open.add(new Conditional(skipping, skipping || !skip, directive.text, directive,
                topOfFile ? guard : null));
        skipping = skip;
    }

    void ifdef(CppToken directive) {
        boolean skip = true;
        String guard = null;
        if (!skipping) {
            CppToken name = e.directives.macroName(directive);
            skip = e.macros.isDefined(name.text) == directive.text.equals("ifndef");
            if (directive.text.equals("ifndef")) {
                guard = name.text;
            }
            e.directives.checkEol(directive);
        }
        pushConditional(directive, skip, guard);
    }

    private Conditional current(CppToken directive) {
        if (open.size() <= e.files.frame.condBase) {
            throw DtException.at(CppEngine.pos(directive), "#" + directive.text + " without #if");
        }
        return open.get(open.size() - 1);
    }

    void elif(CppToken directive) {
        Conditional c = current(directive);
        if (c.type.equals("else")) {
            throw DtException.at(CppEngine.pos(directive), "#" + directive.text + " after #else");
        }
        c.type = directive.text;
        c.guard = null;
        if (c.skipElses) {
            skipping = true;
            return;
        }
        skipping = false;
        boolean value;
        if (directive.text.equals("elif")) {
            value = CppExpression.evaluate(e.directives.expressionTokens(), directive);
        } else {
            CppToken name = e.directives.macroName(directive);
            value = e.macros.isDefined(name.text) == directive.text.equals("elifdef");
            e.directives.checkEol(directive);
        }
        skipping = !value;
        c.skipElses = value;
    }

    void elseDirective(CppToken directive) {
        Conditional c = current(directive);
        if (c.type.equals("else")) {
            throw DtException.at(CppEngine.pos(directive), "#else after #else");
        }
        c.type = "else";
        c.guard = null;
        skipping = c.skipElses;
        c.skipElses = true;
        if (!c.wasSkipping) {
            e.directives.checkEol(directive);
        }
    }

    void endif(CppToken directive) {
        Conditional c = current(directive);
        if (!c.wasSkipping) {
            e.directives.checkEol(directive);
        }
        open.remove(open.size() - 1);
        skipping = c.wasSkipping;
        if (open.size() == e.files.frame.condBase && c.guard != null) {
            e.files.guardValid = true;
            e.files.guardCandidate = c.guard;
        }
    }
}
