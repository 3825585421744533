package io.ipkeeper.cli;

import io.ipkeeper.cli.gossip.GossipCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code ipkeeper} command: lists the subcommands. */
@Command(
        name = "ipkeeper",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "IP address management with gossip-based conflict detection.",
        subcommands = {GossipCommand.class})
public final class IpkeeperCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A fresh, fully configured command line (picocli keeps state in it, so never share one). */
    public static CommandLine commandLine() {
        return new CommandLine(new IpkeeperCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
