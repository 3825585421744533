package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ipkeeper ip list [filters]}: search allocations. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "List allocations, optionally filtered.")
public final class IpListCommand extends ClientCommand {
    @Option(names = "--space", paramLabel = "NAME|ID")
    String space;

    @Option(names = "--subnet", paramLabel = "PREFIX|ID")
    String subnet;

    @Option(names = "--range", paramLabel = "ID")
    Long range;

    @Option(names = "--address", paramLabel = "ADDRESS")
    String address;

    @Option(names = "--hostname", paramLabel = "NAME")
    String hostname;

    @Option(names = "--mac", paramLabel = "MAC")
    String mac;

    @Option(names = "--owner", paramLabel = "NAME")
    String owner;

    @Option(names = "--state", paramLabel = "STATE", description = "allocated, reserved or quarantined")
    String state;

    @Mixin
    PageOptions page;

    @Override
    protected int execute() {
        ApiClient api = api();
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("space", space);
        query.put("subnet", subnet == null ? null : SubnetRef.resolve(api, subnet, space));
        query.put("range", range);
        query.put("address", address);
        query.put("hostname", hostname);
        query.put("mac", mac);
        query.put("owner", owner);
        query.put("state", state);
        page.addTo(query);
        output().page(api.get(ApiClient.query("/api/v1/allocations", query)).body(), Columns.ALLOCATION);
        return ExitCodes.OK;
    }
}
