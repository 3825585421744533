package io.ipkeeper.cli;

import io.ipkeeper.server.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code ipkeeper --version}. */
public final class BuildVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ipkeeper " + Version.current(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
