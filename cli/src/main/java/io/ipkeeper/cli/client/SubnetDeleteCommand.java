package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper subnet delete ID|PREFIX [--space S]} (admin). */
@Command(name = "delete", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Delete a subnet without children, ranges or live allocations (admin).")
public final class SubnetDeleteCommand extends ClientCommand {
    @Parameters(paramLabel = "ID|PREFIX")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Override
    protected int execute() {
        ApiClient api = api();
        long id = SubnetRef.resolve(api, subnet, space);
        api.delete("/api/v1/subnets/" + id);
        output().message("deleted subnet " + id);
        return ExitCodes.OK;
    }
}
