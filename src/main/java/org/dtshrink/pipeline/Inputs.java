package org.dtshrink.pipeline;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.checks.CheckLevels;
import org.dtshrink.checks.CheckSettings;
import org.dtshrink.checks.Checker;
import org.dtshrink.checks.Diagnostic;
import org.dtshrink.cpp.ExternalCpp;
import org.dtshrink.cpp.Preprocessor;
import org.dtshrink.dts.DtsOptions;
import org.dtshrink.dts.DtsReader;
import org.dtshrink.fdt.FdtReader;
import org.dtshrink.tree.DeviceTree;
import org.dtshrink.tree.DtException;

/**
 * Reads an input with the stage it needs: the FDT reader for a blob (fdt/ tells one by its magic number), the
 * preprocessor (built in or external, when the source has directives or one is asked for) and the DTS front end for
 * source. Only dispatch lives here; each stage does its own work.
 */
public final class Inputs {

    private Inputs() {
    }

    public static Loaded load(String name, SourceOptions opts) {
        try {
            return loadAs(name, opts);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // the error unwinds the whole parse, so what it held is free again
            throw new DtException(displayName(name) + ": error: input too large or too deeply nested");
        }
    }

    /**
     * An input read as dtc's compile reads it, with what dtc prints on the way: messages from the parser, the checks'
     * diagnostics (their levels from {@code -W}/{@code -E}), and whether a check at error level failed. Without
     * {@code force}, a tree that failed is not finished and {@code loaded()} is null.
     */
    public record Checked(Loaded loaded, List<String> parserMessages, List<Diagnostic> diagnostics, boolean errors) {
    }

    public static Checked loadChecked(String name, SourceOptions opts, CheckLevels levels, boolean force) {
        try {
            return loadCheckedAs(name, opts, levels, force);
        } catch (StackOverflowError | OutOfMemoryError e) {
            throw new DtException(displayName(name) + ": error: input too large or too deeply nested");
        }
    }

    private static Checked loadCheckedAs(String name, SourceOptions opts, CheckLevels levels, boolean force) {
        Opened in = open(name, opts);
        byte[] bytes = in.bytes();
        String display = in.display();
        if (in.blob()) {
            Loaded loaded = blob(name, bytes, display);
            DeviceTree tree = loaded.tree();
            // dtc checks a blob's tree too (without positions, its messages name the output)
            DtsOptions o = opts.dtsOptions();
            Checker.Result r = Checker.run(tree, new CheckSettings(levels, o.symbols(), o.phandleFormat().legacy(),
                    o.phandleFormat().epapr(), n -> false));
            return new Checked(r.errors() && !force ? null : loaded, List.of(), r.diagnostics(), r.errors());
        }
        Source src = source(name, bytes, opts);
        DtsOptions o = opts.dtsOptions().withChecks(levels);
        DtsReader.Compiled c = src.text() != null ? DtsReader.compile(src.text(), display, o, force)
                : DtsReader.compile(src.bytes(), display, o, force);
        Loaded loaded = c.tree() == null ? null : new Loaded(name, c.tree(), true, -1, src.dependencies());
        return new Checked(loaded, c.parserMessages(), c.diagnostics(), c.errors());
    }

    private static Loaded loadAs(String name, SourceOptions opts) {
        Opened in = open(name, opts);
        byte[] bytes = in.bytes();
        String display = in.display();
        if (in.blob()) {
            return blob(name, bytes, display);
        }
        Source src = source(name, bytes, opts);
        DeviceTree tree = src.text() != null ? DtsReader.read(src.text(), display, opts.dtsOptions())
                : DtsReader.read(src.bytes(), display, opts.dtsOptions());
        return new Loaded(name, tree, true, -1, src.dependencies());
    }

    /** An input's bytes, whether they are a blob (by -I, else by the magic number), and its name in messages. */
    private record Opened(byte[] bytes, boolean blob, String display) {
    }

    private static Opened open(String name, SourceOptions opts) {
        byte[] bytes = read(name);
        if ("fs".equals(opts.inputFormat())) {
            throw new DtException(name + ": error: input format 'fs' is not supported");
        }
        boolean blob = opts.inputFormat() != null ? opts.inputFormat().equals("dtb") : FdtReader.isBlob(bytes);
        return new Opened(bytes, blob, displayName(name));
    }

    private static Loaded blob(String name, byte[] bytes, String display) {
        return new Loaded(name, FdtReader.read(bytes, display), false, FdtReader.declaredSize(bytes),
                name.equals("-") ? List.of() : List.of(Path.of(name)));
    }

    /** Source as the DTS front end reads it: preprocessed text, or else the file's bytes; and the files read. */
    private record Source(String text, byte[] bytes, List<Path> dependencies) {
    }

    /**
     * The source, preprocessed when it has directives or a preprocessor is asked for. With --kernel-src every source
     * is preprocessed, as the kernel's build runs cpp on every board: cpp's output differs from the file even without
     * directives (comments gone, white space folded), and dtc's message positions count columns in cpp's output.
     * Source without directives goes to the front end as the bytes it is, as dtc reads it.
     */
    private static Source source(String name, byte[] bytes, SourceOptions opts) {
        if (opts.cppCommand() != null || opts.kernelSrc() != null || Preprocessor.needsPreprocessing(bytes)) {
            Preprocessed p = preprocess(name, opts);
            return new Source(p.text(), null, p.dependencies());
        }
        return new Source(null, bytes, name.equals("-") ? List.of() : List.of(Path.of(name)));
    }

    /** The preprocessed text of a source, as {@code cpp -E} prints it. */
    public static String preprocessedText(String name, SourceOptions opts) {
        return preprocess(name, opts).text();
    }

    static String displayName(String name) {
        return name.equals("-") ? "<stdin>" : name;
    }

    private record Preprocessed(String text, List<Path> dependencies) {
    }

    private static Preprocessed preprocess(String name, SourceOptions opts) {
        if (name.equals("-")) {
            throw new DtException("<stdin>: error: source with preprocessor directives must be named as a file");
        }
        Path file = Path.of(name);
        List<Path> dirs = searchPath(file, opts);
        if (opts.cppCommand() != null) {
            return new Preprocessed(ExternalCpp.run(opts.cppCommand(), file, dirs, opts.defines()), List.of(file));
        }
        Preprocessor.Options po = Preprocessor.Options.kernel();
        for (Path d : dirs) {
            po.includeDir(d);
        }
        for (String d : opts.defines()) {
            po.define(d);
        }
        Preprocessor.Result r = new Preprocessor(po).run(file);
        return new Preprocessed(r.text(), r.dependencies());
    }

    /** The kernel's order: include/, include-prefixes/, then the -I directories, then the input's directory. */
    private static List<Path> searchPath(Path file, SourceOptions opts) {
        List<Path> dirs = new ArrayList<>();
        if (opts.kernelSrc() != null) {
            if (!Files.isDirectory(WorkingDirectory.resolve(opts.kernelSrc()))) {
                throw new DtException(opts.kernelSrc() + ": error: --kernel-src is not a directory");
            }
            dirs.add(opts.kernelSrc().resolve("include"));
            dirs.add(opts.kernelSrc().resolve("scripts/dtc/include-prefixes"));
        }
        dirs.addAll(opts.cppIncludeDirs());
        Path parent = file.getParent();
        dirs.add(parent == null ? Path.of(".") : parent);
        return dirs;
    }

    private static byte[] read(String name) {
        try {
            if (name.equals("-")) {
                return System.in.readAllBytes();
            }
            return Files.readAllBytes(WorkingDirectory.resolve(name));
        } catch (NoSuchFileException e) {
            throw new DtException(name + ": error: cannot read: no such file");
        } catch (IOException e) {
            throw new DtException(name + ": error: cannot read: "
                    + WorkingDirectory.message(e, WorkingDirectory.resolve(name), Path.of(name)));
        }
    }
}
