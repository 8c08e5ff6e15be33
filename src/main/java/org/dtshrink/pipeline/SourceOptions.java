package org.dtshrink.pipeline;

import java.nio.file.Path;
import java.util.List;
import org.dtshrink.dts.DtsOptions;

/**
 * How to read an input, in the front ends' terms: the input format ({@code "dts"}, {@code "dtb"}, or null to tell
 * from the contents), the preprocessor's search path, macros and command ({@code cppCommand} null for the built-in
 * one), the kernel source whose include directories it searches, and dtc's {@code -i}, {@code -H} and {@code -@}.
 */
public record SourceOptions(String inputFormat, List<Path> cppIncludeDirs, Path kernelSrc, List<String> defines,
        String cppCommand, List<Path> includeDirs, DtsOptions.PhandleFormat phandleFormat, boolean symbols) {

    public SourceOptions {
        cppIncludeDirs = List.copyOf(cppIncludeDirs);
        defines = List.copyOf(defines);
        includeDirs = List.copyOf(includeDirs);
    }

    /** Everything as dtc and the kernel's cpp step have it by default. */
    public static SourceOptions defaults() {
        return new SourceOptions(null, List.of(), null, List.of(), null, List.of(), DtsOptions.PhandleFormat.EPAPR,
                false);
    }

    DtsOptions dtsOptions() {
        return new DtsOptions(includeDirs, phandleFormat, symbols);
    }
}
