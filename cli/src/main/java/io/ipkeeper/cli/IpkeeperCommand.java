package io.ipkeeper.cli;

import io.ipkeeper.cli.config.Suggestions;
import io.ipkeeper.cli.gossip.GossipCommand;
import io.ipkeeper.cli.gossip.MembersCommand;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code ipkeeper} command: lists the subcommands. */
@Command(
        name = "ipkeeper",
        mixinStandardHelpOptions = true,
        versionProvider = BuildVersion.class,
        description = "IP address management with gossip-based conflict detection.",
        subcommands = {ServerCommand.class, AgentCommand.class, GossipCommand.class, MembersCommand.class,
                io.ipkeeper.cli.client.LoginCommand.class, io.ipkeeper.cli.client.LogoutCommand.class,
                io.ipkeeper.cli.client.SpaceCommand.class, io.ipkeeper.cli.client.SubnetCommand.class,
                io.ipkeeper.cli.client.RangeCommand.class, io.ipkeeper.cli.client.IpCommand.class,
                io.ipkeeper.cli.client.TokenCommand.class, io.ipkeeper.cli.sim.SimCommand.class,
                io.ipkeeper.cli.client.BoshCommand.class, io.ipkeeper.cli.admin.AdminCommand.class})
public final class IpkeeperCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A fresh, fully configured command line (picocli keeps state in it, so never share one). */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new IpkeeperCommand());
        wireSettings(cl);
        cl.setParameterExceptionHandler(IpkeeperCommand::usageError);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // An unexpected failure: one line for the user; the stack trace only at debug level.
            commandLine.getErr().println("ipkeeper " + commandLine.getCommandName() + ": " + e);
            LoggerFactory.getLogger(IpkeeperCommand.class).debug("command failed", e);
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /** A mistyped command line: the problem, a suggestion when picocli has one, and where to read more. Exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        var err = cl.getErr();
        err.println("ipkeeper: " + e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var names = cl.getCommandSpec().optionsMap().keySet();
            unmatched.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst()
                    .flatMap(a -> Suggestions.closest(a.contains("=") ? a.substring(0, a.indexOf('=')) : a, names))
                    .ifPresent(s -> err.println("Did you mean " + s + "?"));
        }
        err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
        return CommandLine.ExitCode.USAGE;
    }

    /** Gives every {@link ConfiguredCommand} its generated setting flags, at any depth. */
    private static void wireSettings(CommandLine cl) {
        if (cl.getCommand() instanceof ConfiguredCommand configured) {
            configured.addSettingOptions(cl.getCommandSpec());
        }
        cl.getSubcommands().values().forEach(IpkeeperCommand::wireSettings);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
