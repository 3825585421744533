package io.ipkeeper.cli.client;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** A command that only groups subcommands ({@code ipkeeper ip}): without one it prints its usage and exits 2. */
abstract class GroupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("ipkeeper " + spec.name() + ": a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID;
    }
}
