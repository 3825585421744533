package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper token revoke ID}: effective on the token's next request. */
@Command(name = "revoke", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "Revoke an API token.")
public final class TokenRevokeCommand extends ClientCommand {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    protected int execute() {
        output().row(api().delete("/api/v1/tokens/" + id).body(), Columns.TOKEN);
        return ExitCodes.OK;
    }
}
