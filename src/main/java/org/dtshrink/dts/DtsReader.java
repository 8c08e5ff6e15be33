package org.dtshrink.dts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.dtshrink.dts.grammar.DtsParser;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;
import org.dtshrink.tree.Node;
import org.dtshrink.tree.Property;

/**
 * Compiles device-tree source into the tree dtc would build from it: parse, merge, dtc's checks and fix-ups
 * (phandles, paths, omitted nodes), then {@code __symbols__} and overlay fix-up nodes as asked. Bad input gives a
 * {@link DtException} naming the original file, line and column.
 */
public final class DtsReader {

    private DtsReader() {
    }

    public static DeviceTree read(Path file, DtsOptions options) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DtException(file + ": error: Couldn't open \"" + file + "\": No such file or directory");
        } catch (IOException e) {
            throw new DtException(file + ": error: Couldn't read \"" + file + "\": " + e.getMessage());
        }
        return compile(IncludingTokenSource.latin1(bytes), file.toString(), options);
    }

    /** Source as the bytes of a file, each byte one character, as dtc reads it. */
    public static DeviceTree read(byte[] bytes, String fileName, DtsOptions options) {
        return compile(IncludingTokenSource.latin1(bytes), fileName, options);
    }

    public static DeviceTree read(String text, String fileName, DtsOptions options) {
        return compile(IncludingTokenSource.latin1(text.getBytes(StandardCharsets.UTF_8)), fileName, options);
    }

    private static DeviceTree compile(String latin1Text, String fileName, DtsOptions options) {
        ParsedSource src;
        FailureWatch failure = new FailureWatch();
        try {
            src = parse(latin1Text, fileName, options, PredictionMode.SLL, failure);
        } catch (DtException e) {
            if (!failure.syntaxError()) {
                throw e;
            }
            // SLL prediction, fast, can fail where full-context LL prediction would not: only then is LL needed.
            src = parse(latin1Text, fileName, options, PredictionMode.LL, new FailureWatch());
        }
        Checks checks = new Checks(src, options);
        checks.run();
        OverlaySymbols overlay = new OverlaySymbols(src, checks);
        if (options.symbols()) {
            overlay.symbols();
        }
        if (src.plugin) {
            overlay.fixups();
            overlay.localFixups();
        }
        DeviceTree tree = src.tree;
        copyLabels(src);
        tree.purgeDeleted();
        return tree;
    }

    private static ParsedSource parse(String latin1Text, String fileName, DtsOptions options, PredictionMode mode,
            FailureWatch failure) {
        IncludingTokenSource tokens = new IncludingTokenSource(latin1Text, fileName, options);
        // Tokens are not kept: the builder takes each item as its rule ends and the stream forgets what is behind.
        DtsParser parser = new DtsParser(new UnbufferedTokenStream<>(failure.watch(new NestingGuard(tokens))));
        parser.getInterpreter().setPredictionMode(mode);
        parser.removeErrorListeners();
        parser.addErrorListener(failure);
        parser.addErrorListener(new SyntaxErrors());
        parser.setErrorHandler(new SyntaxErrors.Strategy());
        TreeBuilder builder = new TreeBuilder(options, failure);
        parser.addParseListener(builder);
        parser.sourceFile();
        return builder.result();
    }

    /** Hands the live labels over to the model, in dtc's order (newest first). */
    private static void copyLabels(ParsedSource src) {
        for (Node n : TreeLookup.preOrder(src.tree.root())) {
            n.labels().clear();
            n.labels().addAll(src.labels.live(n));
            for (Property p : n.properties()) {
                p.labels().clear();
                p.labels().addAll(src.labels.live(p));
            }
        }
    }
}
