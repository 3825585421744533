package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipkeeper space list}. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "List address spaces.")
public final class SpaceListCommand extends ClientCommand {
    @Option(names = "--q", paramLabel = "TEXT", description = "Only spaces whose name or description contains TEXT")
    String q;

    @Mixin
    PageOptions page;

    @Override
    protected int execute() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        page.addTo(query);
        output().page(api().get(ApiClient.query("/api/v1/spaces", query)).body(), Columns.SPACE);
        return ExitCodes.OK;
    }
}
