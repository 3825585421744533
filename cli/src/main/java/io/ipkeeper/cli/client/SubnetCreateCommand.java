package io.ipkeeper.cli.client;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper subnet create PREFIX --space S …} (admin). */
@Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Create a subnet (admin); it nests under the smallest subnet containing it.")
public final class SubnetCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "PREFIX", description = "e.g. 198.18.0.0/24")
    String prefix;

    @Option(names = "--space", required = true, paramLabel = "NAME|ID")
    String space;

    @Option(names = "--container", description = "Holds child prefixes, not addresses")
    boolean container;

    @Option(names = "--gateway", paramLabel = "ADDRESS")
    String gateway;

    @Option(names = "--vlan", paramLabel = "ID")
    Integer vlan;

    @Option(names = "--dns", paramLabel = "ADDRESS", split = ",", description = "DNS servers, comma-separated")
    List<String> dns;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--threshold", paramLabel = "PERCENT", description = "Utilization alert threshold")
    Integer threshold;

    @Override
    protected int execute() {
        var body = new RequestBody().set("space", space).set("prefix", prefix).set("container", container ? true : null)
                .set("gateway", gateway).set("vlan", vlan).set("dnsServers", dns).set("description", description)
                .set("utilizationThreshold", threshold);
        output().row(api().post("/api/v1/subnets", body.fields()).body(), Columns.SUBNET);
        return ExitCodes.OK;
    }
}
