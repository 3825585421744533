package io.ipkeeper.cli.client;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper subnet update ID|PREFIX [--space S] --vlan …} (admin): reads the subnet's ETag and sends it as
 * {@code If-Match}, so a change someone made in between is not overwritten (exit 5; read it again and retry).
 */
@Command(name = "update", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Change a subnet's gateway, VLAN, DNS servers, description or utilization threshold (admin);"
                + " the prefix never changes.")
public final class SubnetUpdateCommand extends ClientCommand {
    private static final Set<String> CLEARABLE = Set.of("gateway", "vlan", "dnsServers", "description",
            "utilizationThreshold");

    @Parameters(paramLabel = "ID|PREFIX")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Option(names = "--gateway", paramLabel = "ADDRESS")
    String gateway;

    @Option(names = "--vlan", paramLabel = "ID")
    Integer vlan;

    @Option(names = "--dns", paramLabel = "ADDRESS", split = ",", description = "DNS servers, comma-separated")
    List<String> dns;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--threshold", paramLabel = "PERCENT", description = "Utilization threshold (subnet.threshold)")
    Integer threshold;

    @Option(names = "--clear", paramLabel = "FIELD", split = ",",
            description = "Clear fields: gateway, vlan, dnsServers, description, utilizationThreshold")
    List<String> clear;

    @Option(names = "--if-match", paramLabel = "ETAG",
            description = "Change only if the subnet still has this ETag (default: the one read just before)")
    String ifMatch;

    @Override
    protected int execute() {
        RequestBody body = PatchOptions.withClears(new RequestBody().set("gateway", gateway).set("vlan", vlan)
                        .set("dnsServers", dns).set("description", description).set("utilizationThreshold", threshold),
                clear, CLEARABLE, "--gateway, --vlan, --dns, --description, --threshold");
        ApiClient api = api();
        String path = "/api/v1/subnets/" + SubnetRef.resolve(api, subnet, space);
        output().row(api.patch(path, body.fields(), PatchOptions.ifMatch(api, path, ifMatch)).body(), Columns.SUBNET);
        return ExitCodes.OK;
    }
}
