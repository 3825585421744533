package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipkeeper range list --subnet ID|PREFIX [--space S]}. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "List a subnet's ranges.")
public final class RangeListCommand extends ClientCommand {
    @Option(names = "--subnet", required = true, paramLabel = "ID|PREFIX")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Mixin
    PageOptions page;

    @Override
    protected int execute() {
        ApiClient api = api();
        Map<String, Object> query = new LinkedHashMap<>();
        page.addTo(query);
        long id = SubnetRef.resolve(api, subnet, space);
        output().page(api.get(ApiClient.query("/api/v1/subnets/" + id + "/ranges", query)).body(), Columns.RANGE);
        return ExitCodes.OK;
    }
}
