package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipkeeper subnet list [--space S] [--contains A] [--q TEXT]}. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "List subnets.")
public final class SubnetListCommand extends ClientCommand {
    @Option(names = "--space", paramLabel = "NAME|ID", description = "Only this space")
    String space;

    @Option(names = "--contains", paramLabel = "ADDRESS|PREFIX", description = "Only subnets containing it")
    String contains;

    @Option(names = "--q", paramLabel = "TEXT", description = "Only subnets whose prefix or description contains TEXT")
    String q;

    @Mixin
    PageOptions page;

    @Override
    protected int execute() {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("space", space);
        query.put("contains", contains);
        query.put("q", q);
        page.addTo(query);
        output().page(api().get(ApiClient.query("/api/v1/subnets", query)).body(), Columns.SUBNET);
        return ExitCodes.OK;
    }
}
