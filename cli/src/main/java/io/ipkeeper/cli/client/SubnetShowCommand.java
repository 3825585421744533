package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper subnet show ID|PREFIX [--space S]}: the subnet with its utilization. */
@Command(name = "show", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Show one subnet with its utilization.")
public final class SubnetShowCommand extends ClientCommand {
    @Parameters(paramLabel = "ID|PREFIX")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Override
    protected int execute() {
        ApiClient api = api();
        output().object(api.get("/api/v1/subnets/" + SubnetRef.resolve(api, subnet, space)).body());
        return ExitCodes.OK;
    }
}
