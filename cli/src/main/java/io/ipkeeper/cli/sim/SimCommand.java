package io.ipkeeper.cli.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ipkeeper sim}: the deterministic gossip simulator (issue 8). */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = "Run the gossip protocol in the deterministic simulator (virtual time, modelled network).",
        subcommands = {SimRunCommand.class, SimListCommand.class})
public final class SimCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
