package io.ipkeeper.cli.admin;

import io.ipkeeper.cli.client.ExitCodes;
import io.ipkeeper.server.auth.StoredToken;
import io.ipkeeper.server.auth.StoredUser;
import io.ipkeeper.server.auth.TokenStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper admin token create|list|revoke}. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "API tokens.",
        subcommands = {AdminTokenCommand.Create.class, AdminTokenCommand.ListTokens.class,
                AdminTokenCommand.Revoke.class})
public final class AdminTokenCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    static void print(PrintWriter out, StoredToken t) {
        out.printf("%-6s %-28s %-9s %-11s %s%n", t.id(), t.name(), t.role().label(), t.hint(),
                t.revokedAt() != null ? "revoked" : t.expiresAt() == null ? "never expires" : "expires " + t.expiresAt());
    }

    /** {@code create NAME --role R [--user U] [--expires-in P90D] [--grant space:lab …]}: prints the secret once. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an API token; its secret is printed once and cannot be shown again.")
    public static final class Create extends AdminAction {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, engineer, service, agent or viewer")
        String role;

        @Option(names = "--user", paramLabel = "USERNAME", description = "the user the token belongs to")
        String user;

        @Option(names = "--expires-in", paramLabel = "DURATION", description = "ISO-8601 duration, e.g. P90D; default: never")
        String expiresIn;

        @Option(names = "--grant", paramLabel = "SCOPE:VALUE", description = "a grant, repeatable: space:NAME, range:ID"
                + " or owner:NAME")
        List<String> grants = new ArrayList<>();

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            Instant expires = null;
            if (expiresIn != null) {
                try {
                    expires = Instant.now().plus(Duration.parse(expiresIn));
                } catch (DateTimeParseException e) {
                    throw new AdminInputException("--expires-in must be an ISO-8601 duration such as P90D, not '"
                            + expiresIn + "'");
                }
            }
            StoredUser owner = user == null ? null : s.users().getByName(user);
            TokenStore.Created c = s.tokens().create(s.actor(), name, AdminUserCommand.role(role), expires, owner,
                    grants.stream().map(AdminGrantCommand::parse).toList(), s.grants());
            print(out, c.token());
            out.println("token: " + c.secret());
            out.println("The token is shown only this once; store it now.");
            return ExitCodes.OK;
        }
    }

    /** {@code list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List API tokens (never their secrets).")
    public static final class ListTokens extends AdminAction {
        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            out.printf("%-6s %-28s %-9s %-11s %s%n", "ID", "NAME", "ROLE", "HINT", "STATE");
            s.tokens().list().forEach(t -> print(out, t));
            return ExitCodes.OK;
        }
    }

    /** {@code revoke ID|NAME}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an API token (by id or name).")
    public static final class Revoke extends AdminAction {
        @Parameters(paramLabel = "TOKEN")
        String token;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            long id = AdminGrantCommand.tokenId(s, token);
            print(out, s.tokens().revoke(s.actor(), id));
            return ExitCodes.OK;
        }
    }
}
