package org.dtshrink.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.checks.CheckSettings;
import org.dtshrink.checks.Checker;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.cpp.Preprocessor;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtOptions;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.fdt.FdtWriter;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * Picks the stage that reads an input: the FDT reader for a blob, the preprocessor (when the source has directives)
 * and the DTS front end for source. Only dispatch lives here; each stage does its own work.
 */
final class TreeInput {

    /** A tree, whether it came from source, the blob's size when it came from a blob, and the files read. */
    record Loaded(DeviceTree tree, boolean fromSource, long blobSize, List<Path> dependencies) {

        /** The blob the kernel gets: the file as it is, or for source the blob dtshrink writes for it. */
        long dtbSize() {
            return fromSource ? FdtWriter.write(tree, FdtOptions.DEFAULTS).length : blobSize;
        }
    }

    private static final long FDT_MAGIC = 0xd00dfeedL;

    private TreeInput() {
    }

    /**
     * A tree read as dtc's compile reads it, with what dtc prints on the way: messages from the parser, the
     * checks' diagnostics, and whether a check at error level failed. Without {@code force}, a tree that failed is
     * not finished and {@code loaded()} is null.
     */
    record Checked(Loaded loaded, List<String> parserMessages, List<Diagnostic> diagnostics, boolean errors) {
    }

    static Loaded load(String name, InputOptions opts) {
        Checked c = loadChecked(name, opts, CheckLevels.defaults(), false, true);
        return c.loaded();
    }

    static Checked loadChecked(String name, InputOptions opts, CheckLevels levels, boolean force) {
        return loadChecked(name, opts, levels, force, false);
    }

    /** {@code strict}: a failed error-level check is thrown as bad input, as every command but compile wants. */
    private static Checked loadChecked(String name, InputOptions opts, CheckLevels levels, boolean force,
            boolean strict) {
        byte[] bytes = read(name);
        boolean blob = opts.inputFormat != null ? opts.inputFormat.equals("dtb") : isBlob(bytes);
        if (opts.inputFormat != null && opts.inputFormat.equals("fs")) {
            throw new DtException(name + ": error: input format 'fs' is not supported");
        }
        String display = displayName(name);
        if (blob) {
            DeviceTree tree = FdtReader.read(bytes, display);
            long size = bytes.length >= 8 ? u32(bytes, 4) : bytes.length;
            List<Path> deps = name.equals("-") ? List.of() : List.of(Path.of(name));
            Loaded loaded = new Loaded(tree, false, size, deps);
            if (strict) {
                return new Checked(loaded, List.of(), List.of(), false);
            }
            // dtc checks a blob's tree too (without positions its messages name the output)
            DtsOptions o = dtsOptions(opts);
            Checker.Result r = Checker.run(tree, new CheckSettings(levels, o.symbols(), o.phandleFormat().legacy(),
                    o.phandleFormat().epapr(), n -> false));
            return new Checked(r.errors() && !force ? null : loaded, List.of(), r.diagnostics(), r.errors());
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<Path> deps = new ArrayList<>();
        if (!name.equals("-")) {
            deps.add(Path.of(name));
        }
        if (wantsPreprocessing(text, opts)) {
            Preprocessed p = preprocess(name, opts);
            text = p.text();
            deps = p.dependencies();
        }
        DtsOptions o = dtsOptions(opts).withChecks(levels);
        if (strict) {
            return new Checked(new Loaded(DtsReader.read(text, display, o), true, -1, deps), List.of(), List.of(),
                    false);
        }
        DtsReader.Compiled c = DtsReader.compile(text, display, o, force);
        Loaded loaded = c.tree() == null ? null : new Loaded(c.tree(), true, -1, deps);
        return new Checked(loaded, c.parserMessages(), c.diagnostics(), c.errors());
    }

    static String preprocessedText(String name, InputOptions opts) {
        return preprocess(name, opts).text();
    }

    /**
     * With --kernel-src every source goes through the preprocessor, as the kernel's build runs cpp on every board:
     * cpp's output differs from the file even without directives (comments gone, white space folded), and dtc's
     * message positions count columns in cpp's output.
     */
    private static boolean wantsPreprocessing(String text, InputOptions opts) {
        return opts.cppCommand != null || opts.kernelSrc != null || Preprocessor.needsPreprocessing(text);
    }

    private record Preprocessed(String text, List<Path> dependencies) {
    }

    private static Preprocessed preprocess(String name, InputOptions opts) {
        if (name.equals("-")) {
            throw new DtException("<stdin>: error: source with preprocessor directives must be named as a file");
        }
        Path file = Path.of(name);
        List<Path> dirs = searchPath(file, opts);
        if (opts.cppCommand != null) {
            return new Preprocessed(externalCpp(file, dirs, opts), List.of(file));
        }
        Preprocessor.Options po = Preprocessor.Options.kernel();
        for (Path d : dirs) {
            po.includeDir(d);
        }
        for (String d : opts.defines) {
            po.define(d);
        }
        Preprocessor.Result r = new Preprocessor(po).run(file);
        return new Preprocessed(r.text(), r.dependencies());
    }

    /** The kernel's order: include/, include-prefixes/, then the -I directories, then the input's directory. */
    private static List<Path> searchPath(Path file, InputOptions opts) {
        List<Path> dirs = new ArrayList<>();
        if (opts.kernelSrc != null) {
            if (!Files.isDirectory(opts.kernelSrc)) {
                throw new DtException(opts.kernelSrc + ": error: --kernel-src is not a directory");
            }
            dirs.add(opts.kernelSrc.resolve("include"));
            dirs.add(opts.kernelSrc.resolve("scripts/dtc/include-prefixes"));
        }
        dirs.addAll(opts.cppIncludeDirs);
        Path parent = file.getParent();
        dirs.add(parent == null ? Path.of(".") : parent);
        return dirs;
    }

    private static String externalCpp(Path file, List<Path> dirs, InputOptions opts) {
        List<String> cmd = new ArrayList<>(List.of(opts.cppCommand.trim().split("\\s+")));
        cmd.addAll(List.of("-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp"));
        for (Path d : dirs) {
            cmd.add("-I");
            cmd.add(d.toString());
        }
        for (String d : opts.defines) {
            cmd.add("-D" + d);
        }
        cmd.add(file.toString());
        Path errFile = null;
        try {
            // stderr goes to a file so that neither pipe can fill up and stall the other
            errFile = Files.createTempFile("dtshrink-cpp", ".err");
            Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
                String msg = Files.readString(errFile).strip();
                String first = msg.isEmpty() ? "exit status " + p.exitValue() : msg.lines().filter(
                        l -> l.contains("error")).findFirst().orElse(msg.lines().findFirst().orElse(""));
                throw new DtException(first.contains(": error") ? first : file + ": error: " + opts.cppCommand
                        + " failed: " + first);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot run '" + opts.cppCommand + "': " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DtException(file + ": error: interrupted");
        } finally {
            if (errFile != null) {
                try {
                    Files.deleteIfExists(errFile);
                } catch (IOException ignored) {
                    // a stray temporary file is not worth failing the run for
                }
            }
        }
    }

    private static DtsOptions dtsOptions(InputOptions opts) {
        DtsOptions.PhandleFormat format;
        try {
            format = DtsOptions.PhandleFormat.valueOf(opts.phandleFormat.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DtException("error: -H takes legacy, epapr or both, not '" + opts.phandleFormat + "'");
        }
        return new DtsOptions(opts.includeDirs, format, opts.symbols);
    }

    private static byte[] read(String name) {
        try {
            if (name.equals("-")) {
                return System.in.readAllBytes();
            }
            return Files.readAllBytes(Path.of(name));
        } catch (NoSuchFileException e) {
            throw new DtException(name + ": error: cannot read: no such file");
        } catch (IOException e) {
            throw new DtException(name + ": error: cannot read: " + e.getMessage());
        }
    }

    private static String displayName(String name) {
        return name.equals("-") ? "<stdin>" : name;
    }

    private static boolean isBlob(byte[] b) {
        return b.length >= 4 && u32(b, 0) == FDT_MAGIC;
    }

    private static long u32(byte[] b, int off) {
        return ((b[off] & 0xffL) << 24) | ((b[off + 1] & 0xffL) << 16) | ((b[off + 2] & 0xffL) << 8)
                | (b[off + 3] & 0xffL);
    }
}
