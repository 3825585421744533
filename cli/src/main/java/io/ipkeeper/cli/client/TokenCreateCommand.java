package io.ipkeeper.cli.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper token create NAME --role R [--expires-in P90D] [--grant space:lab …]}: prints the secret, which is shown only once. */
@Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Create an API token; its secret is printed once and cannot be shown again.")
public final class TokenCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, engineer, service, viewer or agent")
    String role;

    @Option(names = "--expires-in", paramLabel = "DURATION", description = "ISO-8601 duration, e.g. P90D; default: never")
    String expiresIn;

    @Option(names = "--grant", paramLabel = "SCOPE:VALUE", description = "a grant, repeatable: space:NAME, range:ID or"
            + " owner:NAME (engineer and service tokens act only inside their grants)")
    List<String> grants = new ArrayList<>();

    @Override
    protected int execute() {
        List<Map<String, String>> g = new ArrayList<>();
        for (String grant : grants) {
            int colon = grant.indexOf(':');
            if (colon < 1) {
                throw new ClientException(ExitCodes.INVALID, "--grant must be SCOPE:VALUE, e.g. space:lab, not '"
                        + grant + "'");
            }
            g.add(Map.of("scope", grant.substring(0, colon), "value", grant.substring(colon + 1)));
        }
        var body = new RequestBody().set("name", name).set("role", role).set("expiresIn", expiresIn)
                .set("grants", g.isEmpty() ? null : g);
        JsonNode created = api().post("/api/v1/tokens", body.fields()).body();
        output().row(created, Columns.TOKEN);
        if (!output().json()) {
            output().message("token: " + created.path("token").asText());
        }
        output().note("The token is shown only this once; store it now.");
        return ExitCodes.OK;
    }
}
