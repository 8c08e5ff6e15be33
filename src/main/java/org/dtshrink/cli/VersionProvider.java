package org.dtshrink.cli;

import picocli.CommandLine;

/** Reads the version Maven wrote into the jar manifest, so there is one place that says it. */
final class VersionProvider implements CommandLine.IVersionProvider {

    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dtshrink " + version()};
    }
}
