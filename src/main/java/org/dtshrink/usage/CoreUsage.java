package org.dtshrink.usage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The built-in core set: what the OF core, early boot and the generic subsystems read whatever drivers are built.
 * It lives in one documented resource, {@code core-usage.txt}, in the usage-file format.
 */
public final class CoreUsage {

    static final String RESOURCE = "core-usage.txt";
    public static final String ORIGIN = "core set";

    private CoreUsage() {
    }

    public static UsageSet load() {
        UsageSet set = new UsageSet();
        UsageFile.parse(text(), RESOURCE, ORIGIN, set);
        return set;
    }

    public static String text() {
        try (InputStream in = CoreUsage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
