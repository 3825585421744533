package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ipkeeper range create --subnet X --start A --end B --purpose P [--owner O]} (admin). */
@Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Create a range in a subnet (admin). With --owner only requests naming that owner use it.")
public final class RangeCreateCommand extends ClientCommand {
    @Option(names = "--subnet", required = true, paramLabel = "ID|PREFIX")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Option(names = "--start", required = true, paramLabel = "ADDRESS")
    String start;

    @Option(names = "--end", required = true, paramLabel = "ADDRESS")
    String end;

    @Option(names = "--purpose", required = true, paramLabel = "PURPOSE", description = "static, dynamic or reserved")
    String purpose;

    @Option(names = "--owner", paramLabel = "NAME", description = "Delegate the range to this owner")
    String owner;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Override
    protected int execute() {
        ApiClient api = api();
        long id = SubnetRef.resolve(api, subnet, space);
        var body = new RequestBody().set("start", start).set("end", end).set("purpose", purpose).set("owner", owner)
                .set("description", description);
        output().row(api.post("/api/v1/subnets/" + id + "/ranges", body.fields()).body(), Columns.RANGE);
        return ExitCodes.OK;
    }
}
