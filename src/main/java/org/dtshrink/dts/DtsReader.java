package org.dtshrink.dts;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.dtshrink.checks.CheckSettings;
import org.dtshrink.checks.Checker;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * Compiles device-tree source into the tree dtc would build from it: parse, merge, dtc's checks and fix-ups
 * (phandles, paths, omitted nodes), then {@code __symbols__} and overlay fix-up nodes as asked. Bad input that dtc
 * stops on while parsing gives a {@link DtException} naming the original file, line and column; what dtc's checks
 * find comes back as {@link Diagnostic}s.
 */
public final class DtsReader {

    private DtsReader() {
    }

    /**
     * A compiled source: the messages dtc prints while parsing (as lines) and from its checks, whether a check at
     * error level failed, and the tree, finished unless it failed and output was not forced (then null).
     */
    public record Compiled(DeviceTree tree, List<String> parserMessages, List<Diagnostic> diagnostics,
            boolean errors) {
    }

    /** The tree; a failed error-level check is an error here, with its first message. */
    public static DeviceTree read(Path file, DtsOptions options) {
        return orThrow(compile(file, options, false), file.toString());
    }

    /** Source as the bytes of a file, each byte one character, as dtc reads it. */
    public static DeviceTree read(byte[] bytes, String fileName, DtsOptions options) {
        return orThrow(compile(bytes, fileName, options, false), fileName);
    }

    public static DeviceTree read(String text, String fileName, DtsOptions options) {
        return orThrow(compile(text, fileName, options, false), fileName);
    }

    public static Compiled compile(Path file, DtsOptions options, boolean force) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(WorkingDirectory.resolve(file));
        } catch (NoSuchFileException e) {
            throw new DtException(file + ": error: Couldn't open \"" + file + "\": No such file or directory");
        } catch (IOException e) {
            throw new DtException(file + ": error: Couldn't read \"" + file + "\": " + e.getMessage());
        }
        return compile(bytes, file.toString(), options, force);
    }

    /** Source as the bytes of a file, each byte one character, as dtc reads it. */
    public static Compiled compile(byte[] bytes, String fileName, DtsOptions options, boolean force) {
        return compileText(IncludingTokenSource.latin1(bytes), fileName, options, force);
    }

    public static Compiled compile(String text, String fileName, DtsOptions options, boolean force) {
        return compileText(IncludingTokenSource.latin1(text.getBytes(StandardCharsets.UTF_8)), fileName, options,
                force);
    }

    private static DeviceTree orThrow(Compiled c, String fileName) {
        if (c.errors()) {
            Diagnostic first = c.diagnostics().stream().filter(Diagnostic::error).findFirst().orElse(null);
            throw new DtException(first == null ? fileName + ": error: input tree has errors"
                    : first.oneLine(fileName));
        }
        return c.tree();
    }

    private static Compiled compileText(String latin1Text, String fileName, DtsOptions options, boolean force) {
        return compileText(latin1Text, fileName, options, force, false);
    }

    /**
     * {@code generatedOnly} skips the hand-written parser, so that the differential test can hold the two to the
     * same outcome.
     */
    static Compiled compileText(String latin1Text, String fileName, DtsOptions options, boolean force,
            boolean generatedOnly) {
        ParsedSource src;
        if (generatedOnly) {
            src = parseGenerated(latin1Text, fileName, options);
        } else {
            try {
                src = parseByHand(latin1Text, fileName, options);
            } catch (SourceParser.SyntaxError e) {
                // The generated parser, given the same text from scratch, says what is wrong as it always has.
                src = parseGenerated(latin1Text, fileName, options);
            }
        }
        copyLabels(src);
        CheckSettings settings = new CheckSettings(options.checks(), options.symbols(),
                options.phandleFormat().legacy(), options.phandleFormat().epapr(), src.labels::hadAny);
        Checker.Result checked = Checker.run(src.tree, settings);
        if (checked.errors() && !force) {
            return new Compiled(null, src.messages, checked.diagnostics(), true);
        }
        OverlaySymbols overlay = new OverlaySymbols(src, checked);
        if (options.symbols()) {
            overlay.symbols();
        }
        if (src.plugin) {
            overlay.fixups();
            overlay.localFixups();
        }
        DeviceTree tree = src.tree;
        tree.purgeDeleted();
        return new Compiled(tree, src.messages, checked.diagnostics(), checked.errors());
    }

    /** The fast path: throws {@link SourceParser.SyntaxError} at the first token the grammar does not accept. */
    static ParsedSource parseByHand(String latin1Text, String fileName, DtsOptions options) {
        IncludingTokenSource tokens = new IncludingTokenSource(latin1Text, fileName, options);
        TreeBuilder builder = new TreeBuilder(options);
        new SourceParser(tokens, builder, builder.values()).sourceFile();
        return builder.result();
    }

    /** The parser generated from the grammar, whose syntax errors are the messages users see. */
    private static ParsedSource parseGenerated(String latin1Text, String fileName, DtsOptions options) {
        FailureWatch failure = new FailureWatch();
        try {
            return parse(latin1Text, fileName, options, PredictionMode.SLL, failure);
        } catch (DtException e) {
            if (!failure.syntaxError()) {
                throw e;
            }
            // SLL prediction, fast, can fail where full-context LL prediction would not: only then is LL needed.
            return parse(latin1Text, fileName, options, PredictionMode.LL, new FailureWatch());
        }
    }

    private static ParsedSource parse(String latin1Text, String fileName, DtsOptions options, PredictionMode mode,
            FailureWatch failure) {
        IncludingTokenSource tokens = new IncludingTokenSource(latin1Text, fileName, options);
        TreeBuilder builder = new TreeBuilder(options);
        runGenerated(tokens, builder, builder.values(), mode, failure);
        return builder.result();
    }

    /** Runs the generated parser over the tokens, its actions calling the builders given. */
    static void runGenerated(IncludingTokenSource tokens, DtsParser.Tree tree, DtsParser.Values values,
            PredictionMode mode, FailureWatch failure) {
        // Tokens are not kept: the builders take each item as its rule ends and the stream forgets what is behind.
        DtsParser parser = new DtsParser(new UnbufferedTokenStream<>(tokens));
        parser.getInterpreter().setPredictionMode(mode);
        parser.setBuildParseTree(false);
        parser.removeErrorListeners();
        parser.addErrorListener(failure);
        parser.addErrorListener(new SyntaxErrors());
        parser.setErrorHandler(new SyntaxErrors.Strategy());
        parser.tree = tree;
        parser.values = values;
        parser.sourceFile();
    }

    /**
     * Hands the live labels over to the model before the checks, in dtc's order (newest first). Only what ever had a
     * label is visited: every other node and property has none. Deleted nodes are left out, as a walk of the live
     * tree leaves them out; definitions merged away are no longer in the tree, so giving them theirs changes
     * nothing.
     */
    private static void copyLabels(ParsedSource src) {
        src.labels.forEachOwner((owner, live) -> {
            if (owner instanceof Node n) {
                if (n.isDeleted()) {
                    return;
                }
                n.labels().clear();
                n.labels().addAll(live);
            } else if (owner instanceof Property p) {
                p.labels().clear();
                p.labels().addAll(live);
            }
        });
    }
}
