package io.ipkeeper.cli.admin;

import io.ipkeeper.cli.client.ExitCodes;
import io.ipkeeper.server.auth.Role;
import io.ipkeeper.server.auth.StoredUser;
import io.ipkeeper.server.auth.UserStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper admin user create|list|set-password|disable|enable|delete}. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Local users.",
        subcommands = {AdminUserCommand.Create.class, AdminUserCommand.ListUsers.class,
                AdminUserCommand.SetPassword.class, AdminUserCommand.Disable.class, AdminUserCommand.Enable.class,
                AdminUserCommand.Delete.class})
public final class AdminUserCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    static Role role(String label) {
        return Role.ofLabel(label).orElseThrow(() -> new AdminInputException("--role must be one of " + Role.labels()
                + ", not '" + label + "'"));
    }

    static void print(PrintWriter out, StoredUser u) {
        out.printf("%-6s %-24s %-9s %s%n", u.id(), u.username(), u.role().label(), u.disabled() ? "disabled" : "active");
    }

    /** {@code create USERNAME --role R [--password-file F]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from --password-file or standard input.")
    public static final class Create extends AdminAction {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, engineer, service, agent or viewer")
        String role;

        @Option(names = "--password-file", paramLabel = "FILE", description = "file whose first line is the password;"
                + " default: standard input")
        Path passwordFile;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            Role r = role(role);
            print(out, s.users().create(s.actor(), username, r, PasswordInput.read(passwordFile)));
            return ExitCodes.OK;
        }
    }

    /** {@code list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    public static final class ListUsers extends AdminAction {
        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            out.printf("%-6s %-24s %-9s %s%n", "ID", "USERNAME", "ROLE", "STATE");
            s.users().list().forEach(u -> print(out, u));
            return ExitCodes.OK;
        }
    }

    /** {@code set-password USERNAME [--password-file F]}. */
    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Set a user's password (ends the user's sessions).")
    public static final class SetPassword extends AdminAction {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Option(names = "--password-file", paramLabel = "FILE", description = "file whose first line is the password;"
                + " default: standard input")
        Path passwordFile;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            long id = s.users().getByName(username).id();
            print(out, s.users().update(s.actor(), id, new UserStore.Changes(null, null, PasswordInput.read(passwordFile))));
            return ExitCodes.OK;
        }
    }

    /** {@code disable USERNAME}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable a user: no login, sessions end, the user's tokens stop working.")
    public static final class Disable extends AdminAction {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            long id = s.users().getByName(username).id();
            print(out, s.users().update(s.actor(), id, new UserStore.Changes(null, true, null)));
            return ExitCodes.OK;
        }
    }

    /** {@code enable USERNAME}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user again.")
    public static final class Enable extends AdminAction {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            long id = s.users().getByName(username).id();
            print(out, s.users().update(s.actor(), id, new UserStore.Changes(null, false, null)));
            return ExitCodes.OK;
        }
    }

    /** {@code delete USERNAME}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a user: sessions and grants go, the user's tokens are revoked.")
    public static final class Delete extends AdminAction {
        @Parameters(paramLabel = "USERNAME")
        String username;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            s.users().delete(s.actor(), s.users().getByName(username).id());
            out.println("deleted user " + username);
            return ExitCodes.OK;
        }
    }
}
