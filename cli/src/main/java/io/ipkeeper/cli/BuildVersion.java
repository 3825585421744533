package io.ipkeeper.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code ipkeeper --version}. */
public final class BuildVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ipkeeper " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }

    public static String version() {
        String v = BuildVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
