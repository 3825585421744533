package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ipkeeper token list}: never shows secrets, only their hints. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "List API tokens.")
public final class TokenListCommand extends ClientCommand {
    @Mixin
    PageOptions page;

    @Override
    protected int execute() {
        Map<String, Object> query = new LinkedHashMap<>();
        page.addTo(query);
        output().page(api().get(ApiClient.query("/api/v1/tokens", query)).body(), Columns.TOKEN);
        return ExitCodes.OK;
    }
}
