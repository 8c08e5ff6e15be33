package org.dtshrink.pipeline;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.dtsout.DtsPrinter;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;

/**
 * One compile as dtc does it: the input read and checked, dtc's messages printed in dtc's order, then the output
 * written, unless a check at error level failed and the output is not forced.
 */
public final class DtcCompile {

    /** Exit status when a check at error level fails and the output is not forced, as dtc's. */
    public static final int EXIT_CHECK_ERRORS = 2;

    /**
     * What a compile needs. {@code outFormat} is "dtb", "dts" or null (from the output's extension, else dtb for
     * source and dts for a blob); {@code bootCpu} null keeps dtc's guess; {@code quiet} counts dtc's {@code -q}s;
     * {@code dependencyFile} null writes none.
     */
    public record Request(String input, String output, String outFormat, SourceOptions source, FdtOptions layout,
            Long bootCpu, CheckLevels levels, boolean force, int quiet, Path dependencyFile) {
    }

    private DtcCompile() {
    }

    /** Compiles; dtc's messages go to {@code err}, an output of null or "-" to {@code stdout}. Returns the status. */
    public static int run(Request r, PrintWriter err, OutputStream stdout) {
        Inputs.Checked checked = Inputs.loadChecked(r.input(), r.source(), r.levels(), r.force());
        String outName = r.output() == null ? "-" : r.output();
        for (String line : checked.parserMessages()) {
            err.println(line);
        }
        for (Diagnostic d : checked.diagnostics()) {
            if (d.shownAt(r.quiet())) {
                for (String line : d.lines(outName)) {
                    err.println(line);
                }
            }
        }
        if (checked.errors()) {
            if (!r.force()) {
                err.println("ERROR: Input tree has errors, aborting (use -f to force output)");
                return EXIT_CHECK_ERRORS;
            }
            if (r.quiet() < 3) {
                err.println("Warning: Input tree has errors, output forced");
            }
        }
        Loaded loaded = checked.loaded();
        DeviceTree tree = loaded.tree();
        if (r.bootCpu() != null) {
            tree.setBootCpuid(r.bootCpu());
        }
        byte[] data = outputFormat(r.outFormat(), r.output(), loaded.fromSource()).equals("dtb")
                ? FdtWriter.write(tree, r.layout())
                : DtsPrinter.print(tree).getBytes(StandardCharsets.UTF_8);
        AtomicOutput.write(r.output(), data, stdout);
        if (r.dependencyFile() != null) {
            AtomicOutput.write(r.dependencyFile().toString(), dependencies(outName, loaded.dependencies()), stdout);
        }
        return 0;
    }

    /** The output format dtc picks: the one asked for, else the output file's extension, else by the input's kind. */
    static String outputFormat(String asked, String output, boolean fromSource) {
        if (asked != null) {
            return asked;
        }
        if (output != null) {
            if (output.endsWith(".dtb") || output.endsWith(".dtbo")) {
                return "dtb";
            }
            if (output.endsWith(".dts") || output.endsWith(".dtsi")) {
                return "dts";
            }
        }
        return fromSource ? "dtb" : "dts";
    }

    /** A make rule: the target, then every file the source read, as dtc's -d writes it. */
    private static byte[] dependencies(String target, List<Path> deps) {
        StringBuilder sb = new StringBuilder();
        sb.append(target).append(':');
        for (Path p : deps) {
            sb.append(" \\\n ").append(p);
        }
        sb.append('\n');
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
