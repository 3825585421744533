package io.ipkeeper.cli.gossip;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ipkeeper gossip}: tools for memberlist/Serf-compatible gossip. */
@Command(name = "gossip", mixinStandardHelpOptions = true, description = "Gossip tools (memberlist/Serf wire).",
        subcommands = {GossipDecodeCommand.class})
public final class GossipCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
