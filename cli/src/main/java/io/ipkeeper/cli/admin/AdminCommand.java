package io.ipkeeper.cli.admin;

import io.ipkeeper.cli.client.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ipkeeper admin …}: users, tokens and grants, offline against the database (no server or token needed). */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = {"Manage users, tokens and grants directly in the database the server uses (same database"
                + " settings as 'ipkeeper server').", "Changes are audited with actor cli:<os user>."},
        subcommands = {AdminUserCommand.class, AdminTokenCommand.class, AdminGrantCommand.class})
public final class AdminCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return usage(spec);
    }

    /** A group without a subcommand: usage on stderr, exit 2. */
    static int usage(CommandLine.Model.CommandSpec spec) {
        spec.commandLine().getErr().println("ipkeeper " + spec.qualifiedName().replace("ipkeeper ", "")
                + ": a subcommand is required");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.INVALID;
    }
}
