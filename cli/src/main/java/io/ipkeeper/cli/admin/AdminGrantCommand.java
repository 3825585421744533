package io.ipkeeper.cli.admin;

import io.ipkeeper.cli.client.ExitCodes;
import io.ipkeeper.server.auth.Grant;
import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.StoredGrant;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper admin grant add|list|remove}. */
@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Grants: the spaces, ranges and owners an engineer or service user or token acts in.",
        subcommands = {AdminGrantCommand.Add.class, AdminGrantCommand.ListGrants.class, AdminGrantCommand.Remove.class})
public final class AdminGrantCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.usage(spec);
    }

    /** {@code space:lab} → Grant(space, lab). */
    static Grant parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon == text.length() - 1) {
            throw new AdminInputException("a grant is SCOPE:VALUE (space:NAME, range:ID or owner:NAME), not '" + text + "'");
        }
        return new Grant(text.substring(0, colon), text.substring(colon + 1));
    }

    static boolean isId(String s) {
        return !s.isEmpty() && s.length() < 19 && s.chars().allMatch(Character::isDigit);
    }

    static long tokenId(AdminStores s, String ref) {
        return isId(ref) ? s.tokens().get(Long.parseLong(ref)).id() : s.tokens().getByName(ref).id();
    }

    /** Exactly one of --user and --token. */
    static final class Holder {
        @Option(names = "--user", paramLabel = "USERNAME", required = true)
        String user;

        @Option(names = "--token", paramLabel = "TOKEN", required = true, description = "token name or id")
        String token;

        GrantStore.Holder resolve(AdminStores s) {
            return user != null ? GrantStore.Holder.user(s.users().getByName(user).id())
                    : GrantStore.Holder.token(tokenId(s, token));
        }
    }

    static void print(PrintWriter out, StoredGrant g) {
        out.printf("%-6s %-30s %-6s %s%n", g.id(), g.username() != null ? "user " + g.username() : "token " + g.tokenName(),
                g.scope(), g.value());
    }

    /** {@code add --user U|--token T SCOPE:VALUE}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Grant a user or token a space (name or id), a range (id) or an owner, e.g. space:lab.")
    public static final class Add extends AdminAction {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Holder holder;

        @Parameters(paramLabel = "SCOPE:VALUE")
        String grant;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            Grant g = parse(grant);
            print(out, s.grants().add(s.actor(), holder.resolve(s), g.scope(), g.value()));
            return ExitCodes.OK;
        }
    }

    /** {@code list [--user U|--token T]}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List grants (space and range values are ids).")
    public static final class ListGrants extends AdminAction {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Holder holder;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            GrantStore.Holder h = holder == null ? null : holder.resolve(s);
            out.printf("%-6s %-30s %-6s %s%n", "ID", "FOR", "SCOPE", "VALUE");
            s.grants().list(new GrantStore.Filter(h == null ? null : h.userId(), h == null ? null : h.tokenId(), null))
                    .forEach(g -> print(out, g));
            return ExitCodes.OK;
        }
    }

    /** {@code remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a grant by id.")
    public static final class Remove extends AdminAction {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        protected int execute(AdminStores s, PrintWriter out) {
            s.grants().remove(s.actor(), id);
            out.println("removed grant " + id);
            return ExitCodes.OK;
        }
    }
}
