package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper ip show ID|ADDRESS [--space S]}. */
@Command(name = "show", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "Show one allocation.")
public final class IpShowCommand extends ClientCommand {
    @Parameters(paramLabel = "ID|ADDRESS")
    String allocation;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the address is live in several spaces")
    String space;

    @Override
    protected int execute() {
        ApiClient api = api();
        output().object(api.get("/api/v1/allocations/" + AllocationRef.resolve(api, allocation, space)).body());
        return ExitCodes.OK;
    }
}
