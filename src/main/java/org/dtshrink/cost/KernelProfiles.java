package org.dtshrink.cost;

import org.dtshrink.files.WorkingDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DtException;

/** The profiles shipped as resources (listed in {@code profiles/index.txt}) and the loading of a user's own. */
public final class KernelProfiles {

    private static final String DIR = "profiles/";

    /** The profile used when none is named: the kernel of the board this project started from. */
    public static final String DEFAULT = "linux-6.12-arm-stm32";

    private KernelProfiles() {
    }

    /** The names of the built-in profiles, in the order they are shown side by side. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                names.add(s);
            }
        }
        return names;
    }

    /** Every built-in profile, in {@link #names()} order. */
    public static List<KernelProfile> all() {
        List<KernelProfile> all = new ArrayList<>();
        for (String name : names()) {
            all.add(builtIn(name));
        }
        return all;
    }

    /** A built-in profile by name; null when there is none of that name. */
    public static KernelProfile find(String name) {
        if (!names().contains(name)) {
            return null;
        }
        return builtIn(name);
    }

    /**
     * The profiles a command line asks for: every built-in one ({@code all}) or the named ones in the order given,
     * then the users' profile files; the {@link #DEFAULT} when nothing is asked for.
     *
     * @throws IllegalArgumentException for an unknown name or a name given twice (a usage mistake)
     */
    public static List<KernelProfile> select(List<String> names, List<Path> files, boolean all) {
        List<KernelProfile> out = new ArrayList<>();
        if (all) {
            out.addAll(all());
        }
        for (String name : names) {
            KernelProfile p = find(name);
            if (p == null) {
                throw new IllegalArgumentException("unknown profile '" + name + "' (known: "
                        + String.join(", ", names()) + ")");
            }
            out.add(p);
        }
        for (Path f : files) {
            out.add(load(f));
        }
        if (out.isEmpty()) {
            out.add(find(DEFAULT));
        }
        List<String> seen = new ArrayList<>();
        for (KernelProfile p : out) {
            if (seen.contains(p.name())) {
                throw new IllegalArgumentException("profile '" + p.name() + "' is asked for twice");
            }
            seen.add(p.name());
        }
        return out;
    }

    /** A user's profile file. */
    public static KernelProfile load(Path file) {
        String text;
        try {
            text = Files.readString(WorkingDirectory.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DtException(file + ": error: cannot read profile: " + reason(e));
        }
        return ProfileParser.parse(text, file.toString());
    }

    private static KernelProfile builtIn(String name) {
        KernelProfile p = ProfileParser.parse(resource(name + ".properties"), DIR + name + ".properties");
        if (!p.name().equals(name)) {
            throw new IllegalStateException("profile resource " + name + " names itself " + p.name());
        }
        return p;
    }

    private static String resource(String file) {
        try (InputStream in = KernelProfiles.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
