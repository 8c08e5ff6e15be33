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
 * How to read a device tree: the options every command that takes a .dts or .dtb shares. dtc and cpp both own
 * {@code -I} and {@code -E}; dtshrink takes both meanings, telling them apart by the value ({@code -I dts} is dtc's
 * input format, {@code -I include} a cpp search path; {@code -E no-foo} is dtc's check flag, a bare {@code -E}
 * cpp's preprocess-only).
 */
final class InputOptions {

    private static final List<String> INPUT_FORMATS = List.of("dts", "dtb", "fs");
    private static final Pattern CHECK_NAME = Pattern.compile("(no-)?[a-z][a-z0-9_-]*");

    String inputFormat;
    final List<Path> cppIncludeDirs = new ArrayList<>();
    boolean preprocessOnly;
    /** dtc's -W and -E check flags in the order given, as "-Wname", "-Eno-name". */
    final List<String> checkFlags = new ArrayList<>();

    @Option(names = "-I", paramLabel = "FORMAT|DIR",
            description = "input format (dts or dtb; default: from the file's contents), or a directory the"
                    + " preprocessor searches for #include (repeatable)")
    void formatOrIncludeDir(List<String> values) {
        for (String v : values) {
            if (INPUT_FORMATS.contains(v)) {
                inputFormat = v;
            } else {
                cppIncludeDirs.add(Path.of(v));
            }
        }
    }

    @Option(names = "-E", arity = "0", parameterConsumer = PreprocessOrCheck.class,
            description = "print the preprocessed source, as cpp -E does, and stop (with a check name, dtc's -E:"
                    + " make that check an error, -E no-CHECK: not an error)")
    boolean bareE;

    @Option(names = "-i", paramLabel = "DIR", description = "a directory searched by /include/ and /incbin/")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "--kernel-src", paramLabel = "DIR",
            description = "a kernel source tree: adds its include/ and scripts/dtc/include-prefixes/ to the"
                    + " preprocessor's search path (and, where pruning applies, with --kernel-config it is the"
                    + " source scanned for what the kernel reads)")
    Path kernelSrc;

    @Option(names = "-D", paramLabel = "NAME[=VALUE]", description = "define a preprocessor macro")
    List<String> defines = new ArrayList<>();

    @Option(names = "--cpp", paramLabel = "COMMAND",
            description = "run this external preprocessor instead of the built-in one (e.g. 'cpp'); dtshrink adds"
                    + " the kernel's flags and the -I paths")
    String cppCommand;

    @Option(names = "-d", paramLabel = "FILE", description = "write a make-style dependency file")
    Path dependencyFile;

    @Option(names = "-H", paramLabel = "FORMAT",
            description = "phandle properties to generate: legacy, epapr or both; default: epapr")
    String phandleFormat = "epapr";

    @Option(names = "-@", description = "add a __symbols__ node with every label (for overlays)")
    boolean symbols;

    boolean preprocessOnly() {
        return preprocessOnly;
    }

    Path dependencyFile() {
        return dependencyFile;
    }

    TreeInput.Loaded load(String name) {
        return TreeInput.load(name, this);
    }

    String preprocess(String name) {
        return TreeInput.preprocessedText(name, this);
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

    /** Finds the InputOptions mixin of a command, for options declared elsewhere that feed it. */
    static InputOptions of(CommandLine.Model.CommandSpec commandSpec) {
        for (CommandLine.Model.CommandSpec m : commandSpec.mixins().values()) {
            if (m.userObject() instanceof InputOptions io) {
                return io;
            }
        }
        return null;
    }

    /** dtc's -W: each value goes into the ordered check flags. */
    static final class WarningFlag implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, CommandLine.Model.ArgSpec argSpec,
                CommandLine.Model.CommandSpec commandSpec) {
            InputOptions self = of(commandSpec);
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
            InputOptions self = null;
            for (CommandLine.Model.CommandSpec m : commandSpec.mixins().values()) {
                if (m.userObject() instanceof InputOptions) {
                    self = (InputOptions) m.userObject();
                }
            }
            if (self == null) {
                return;
            }
            if (!args.isEmpty() && CHECK_NAME.matcher(args.peek()).matches()
                    && !java.nio.file.Files.exists(Path.of(args.peek()))) {
                self.checkFlags.add("-E" + args.pop());
            } else {
                self.preprocessOnly = true;
            }
        }
    }
}
