package io.ipkeeper.cli.client;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipkeeper bosh cloud-config --subnet PREFIX|ID [--space S] --owner NAME}: YAML on stdout. */
@Command(name = "cloud-config", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Print a director's BOSH cloud-config networks[].subnets[] entry: its block as static/dynamic"
                + " space, the rest of the subnet as reserved address ranges. YAML (the API's JSON with --output json).",
                "Example: ipkeeper bosh cloud-config --space lab --subnet 198.18.7.0/24 --owner bosh-a"})
public final class BoshCloudConfigCommand extends ClientCommand {
    @Option(names = "--subnet", required = true, paramLabel = "PREFIX|ID", description = "The director's subnet")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Option(names = "--owner", required = true, paramLabel = "NAME",
            description = "The director: the owner of the range(s) delegated to it")
    String owner;

    @Override
    protected int execute() {
        ApiClient api = api();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("owner", owner);
        String path = ApiClient.query("/api/v1/subnets/" + SubnetRef.resolve(api, subnet, space) + "/bosh", q);
        if (output().json()) {
            output().object(api.get(path).body());
        } else {
            output().text(api.getText(path, "application/yaml"));
        }
        return ExitCodes.OK;
    }
}
