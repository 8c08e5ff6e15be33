package org.dtshrink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What only {@code compile} does with an input: stop after the preprocessor, write a dependency file, and take dtc's
 * check flags. dtc and cpp both own {@code -E}; dtshrink takes both meanings, telling them apart by the value
 * ({@code -E no-foo} is dtc's check flag, a bare {@code -E} cpp's preprocess-only).
 */
final class CompileOnlyOptions {

    private static final Pattern CHECK_NAME = Pattern.compile("(no-)?[a-z][a-z0-9_-]*");

    boolean preprocessOnly;
    /** dtc's -W and -E check flags in the order given, as "-Wname", "-Eno-name". */
    final List<String> checkFlags = new ArrayList<>();

    @Option(names = "-E", arity = "0", parameterConsumer = PreprocessOrCheck.class,
            description = "print the preprocessed source, as cpp -E does, and stop (with a check name, dtc's -E:"
                    + " make that check an error, -E no-CHECK: not an error)")
    boolean bareE;

    @Option(names = "-d", paramLabel = "FILE", description = "write a make-style dependency file")
    Path dependencyFile;

    /** What {@code -W} and {@code -E} collected, which their parameter consumers keep outside picocli's reach. */
    void clearCollected() {
        preprocessOnly = false;
        checkFlags.clear();
    }

    boolean preprocessOnly() {
        return preprocessOnly;
    }

    Path dependencyFile() {
        return dependencyFile;
    }

    /** The CompileOnlyOptions mixin of a command, for options declared elsewhere that feed it. */
    static CompileOnlyOptions of(CommandLine.Model.CommandSpec commandSpec) {
        for (CommandLine.Model.CommandSpec m : commandSpec.mixins().values()) {
            if (m.userObject() instanceof CompileOnlyOptions o) {
                return o;
            }
        }
        return null;
    }

    /** dtc's -W: each value goes into the ordered check flags. */
    static final class WarningFlag implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            CompileOnlyOptions self = of(commandSpec);
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(commandSpec.commandLine(),
                        "Missing required parameter for option '-W' (CHECK)");
            }
            String v = args.pop();
            if (self != null) {
                self.checkFlags.add("-W" + v);
            }
        }
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
                    && !java.nio.file.Files.exists(org.dtshrink.files.WorkingDirectory.resolve(args.peek()))) {
                self.checkFlags.add("-E" + args.pop());
            } else {
                self.preprocessOnly = true;
            }
        }
    }
}
