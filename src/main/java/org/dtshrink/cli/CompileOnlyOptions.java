package org.dtshrink.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What only {@code compile} does with an input: stop after the preprocessor, and write a dependency file. dtc and
 * cpp both own {@code -E}; dtshrink takes both meanings, telling them apart by the value ({@code -E no-foo} is dtc's
 * check flag, a bare {@code -E} cpp's preprocess-only).
 */
final class CompileOnlyOptions {

    private static final Pattern CHECK_NAME = Pattern.compile("(no-)?[a-z][a-z0-9_-]*");

    boolean preprocessOnly;
    final List<String> checkFlags = new ArrayList<>();

    @Option(names = "-E", arity = "0", parameterConsumer = PreprocessOrCheck.class,
            description = "print the preprocessed source, as cpp -E does, and stop (with a check name, dtc's -E:"
                    + " accepted and ignored)")
    boolean bareE;

    @Option(names = "-d", paramLabel = "FILE", description = "write a make-style dependency file")
    Path dependencyFile;

    boolean preprocessOnly() {
        return preprocessOnly;
    }

    Path dependencyFile() {
        return dependencyFile;
    }

    void writeDependencies(String target, List<Path> deps) {
        StringBuilder sb = new StringBuilder();
        sb.append(target).append(':');
        for (Path p : deps) {
            sb.append(" \\\n ").append(p);
        }
        sb.append('\n');
        AtomicOutput.write(dependencyFile.toString(), sb.toString().getBytes(StandardCharsets.UTF_8), System.out);
    }

    /** Takes {@code -E}'s value only when it looks like one of dtc's check names. */
    static final class PreprocessOrCheck implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            CompileOnlyOptions self = null;
            for (CommandLine.Model.CommandSpec m : commandSpec.mixins().values()) {
                if (m.userObject() instanceof CompileOnlyOptions) {
                    self = (CompileOnlyOptions) m.userObject();
                }
            }
            if (self == null) {
                return;
            }
            if (!args.isEmpty() && CHECK_NAME.matcher(args.peek()).matches()
                    && !java.nio.file.Files.exists(Path.of(args.peek()))) {
                self.checkFlags.add(args.pop());
            } else {
                self.preprocessOnly = true;
            }
        }
    }
}
