package org.dtshrink.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages depend only downwards, as docs/ARCHITECTURE.md draws them: every reference from one dtshrink package
 * to another (an import or a qualified name) must be one the table below allows. A new package fails here until it
 * is given its place.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/org/dtshrink");

    /** What each package may use besides itself; tree/ is the model every stage shares. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("tree", Set.of()),
            // files/ (where relative names resolve) is for every stage that opens a file
            Map.entry("files", Set.of()),
            Map.entry("json", Set.of("tree")),
            Map.entry("cpp", Set.of("tree", "files")),
            Map.entry("checks", Set.of("tree")),
            Map.entry("fdt", Set.of("tree", "files")),
            Map.entry("dtsout", Set.of("tree")),
            Map.entry("dts", Set.of("tree", "checks", "files")),
            Map.entry("usage", Set.of("tree", "json", "files")),
            Map.entry("cost", Set.of("tree", "json", "files")),
            Map.entry("scan", Set.of("tree", "cpp", "usage", "files")),
            Map.entry("prune", Set.of("tree", "cost", "scan", "usage", "json", "files")),
            Map.entry("emit", Set.of("tree", "cost", "files")),
            Map.entry("report", Set.of("tree", "cost", "json", "files")),
            Map.entry("pipeline", Set.of("tree", "json", "cpp", "checks", "fdt", "dtsout", "dts", "usage", "cost",
                    "scan", "prune", "emit", "report", "files")),
            Map.entry("cli", Set.of("tree", "json", "cpp", "checks", "fdt", "dtsout", "dts", "usage", "cost", "scan",
                    "prune", "emit", "report", "pipeline", "files")),
            // the server runs the command line (cli/Main) for each client, in the client's directory
            Map.entry("server", Set.of("cli", "files")));

    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.dtshrink\\.([a-z]+)\\.");

    @Test
    void everyPackageHasAPlace() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            List<String> packages = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            assertThat(packages).isNotEmpty();
            assertThat(ALLOWED.keySet()).containsAll(packages);
        }
    }

    @Test
    void packagesDependOnlyDownwards() throws IOException {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(MAIN)) {
            for (Path f : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String own = MAIN.relativize(f).getName(0).toString();
                Set<String> used = new TreeSet<>();
                Matcher m = REFERENCE.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
                used.remove(own);
                for (String u : used) {
                    if (!ALLOWED.getOrDefault(own, Set.of()).contains(u)) {
                        wrong.add(MAIN.relativize(f) + " uses " + u + "/");
                    }
                }
            }
        }
        assertThat(files).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }
}
