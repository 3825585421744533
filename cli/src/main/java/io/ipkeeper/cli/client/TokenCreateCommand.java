package io.ipkeeper.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper token create NAME --role R [--expires-in P90D]}: prints the secret, which is shown only once. */
@Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Create an API token; its secret is printed once and cannot be shown again.")
public final class TokenCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, engineer, service, viewer or agent")
    String role;

    @Option(names = "--expires-in", paramLabel = "DURATION", description = "ISO-8601 duration, e.g. P90D; default: never")
    String expiresIn;

    @Override
    protected int execute() {
        var body = new RequestBody().set("name", name).set("role", role).set("expiresIn", expiresIn);
        JsonNode created = api().post("/api/v1/tokens", body.fields()).body();
        output().row(created, Columns.TOKEN);
        if (!output().json()) {
            output().message("token: " + created.path("token").asText());
        }
        output().note("The token is shown only this once; store it now.");
        return ExitCodes.OK;
    }
}
