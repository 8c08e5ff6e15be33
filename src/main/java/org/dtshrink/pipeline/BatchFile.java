package org.dtshrink.pipeline;

import org.dtshrink.files.WorkingDirectory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dtshrink.tree.DtException;

/** A batch file: one job per line, {@code INPUT<TAB>OUTPUT[<TAB>FLAGS]}; blank lines and {@code #} lines skipped. */
public final class BatchFile {

    /** One line of a batch file; {@code flags} is empty when the line has none. */
    public record Job(String input, String output, String flags) {
    }

    private BatchFile() {
    }

    /** Reads {@code name}, or {@code stdin} for "-". */
    public static List<Job> read(String name, InputStream stdin) {
        List<Job> jobs = new ArrayList<>();
        try (BufferedReader r = name.equals("-")
                ? new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))
                : Files.newBufferedReader(WorkingDirectory.resolve(name), StandardCharsets.UTF_8)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", -1);
                if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
                    throw new DtException(name + ":" + lineNo + ":1: error: expected INPUT<TAB>OUTPUT[<TAB>FLAGS]");
                }
                jobs.add(new Job(parts[0], parts[1], parts.length == 3 ? parts[2].trim() : ""));
            }
        } catch (IOException e) {
            throw new DtException(name + ": error: cannot read: " + e.getMessage());
        }
        return jobs;
    }
}
