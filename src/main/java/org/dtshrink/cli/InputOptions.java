package org.dtshrink.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.pipeline.Inputs;
import org.dtshrink.pipeline.Loaded;
import org.dtshrink.pipeline.SourceOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How to read a device tree: the options every command that takes a .dts or .dtb shares, each of which shapes the
 * tree read (the preprocessor's, and dtc's -i, -H and -@). dtc and cpp both own {@code -I}; dtshrink takes both
 * meanings, telling them apart by the value ({@code -I dts} is dtc's input format, {@code -I include} a cpp search
 * path). What only {@code compile} does is {@link CompileOnlyOptions}.
 */
final class InputOptions {

    private static final List<String> INPUT_FORMATS = List.of("dts", "dtb", "fs");

    String inputFormat;
    final List<Path> cppIncludeDirs = new ArrayList<>();

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

    @Option(names = "-H", paramLabel = "FORMAT", converter = PhandleFormatConverter.class,
            description = "phandle properties to generate: legacy, epapr or both; default: epapr")
    DtsOptions.PhandleFormat phandleFormat = DtsOptions.PhandleFormat.EPAPR;

    @Option(names = "-@", description = "add a __symbols__ node with every label (for overlays)")
    boolean symbols;

    /** What {@code -I} collected, which picocli's reset does not reach: it is a method's, not a field's. */
    void clearCollected() {
        inputFormat = null;
        cppIncludeDirs.clear();
    }

    Loaded load(String name) {
        return Inputs.load(name, sourceOptions());
    }

    String preprocess(String name) {
        return Inputs.preprocessedText(name, sourceOptions());
    }

    /** The options as the pipeline takes them. */
    SourceOptions sourceOptions() {
        return new SourceOptions(inputFormat, cppIncludeDirs, kernelSrc, defines, cppCommand, includeDirs,
                phandleFormat, symbols);
    }

    /** {@code -H}'s value, checked while the command line is read: a bad one is a usage error. */
    static final class PhandleFormatConverter implements CommandLine.ITypeConverter<DtsOptions.PhandleFormat> {
        @Override
        public DtsOptions.PhandleFormat convert(String value) {
            try {
                return DtsOptions.PhandleFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected legacy, epapr or both but was '" + value
                        + "'");
            }
        }
    }
}
