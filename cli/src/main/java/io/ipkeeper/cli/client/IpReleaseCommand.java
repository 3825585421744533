package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper ip release ID|ADDRESS [--space S]}: into quarantine, so it is not reused at once. */
@Command(name = "release", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Release an address (it stays in quarantine for a while before it is reused).")
public final class IpReleaseCommand extends ClientCommand {
    @Parameters(paramLabel = "ID|ADDRESS")
    String allocation;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the address is live in several spaces")
    String space;

    @Override
    protected int execute() {
        ApiClient api = api();
        long id = AllocationRef.resolve(api, allocation, space);
        output().row(api.delete("/api/v1/allocations/" + id).body(), Columns.ALLOCATION);
        return ExitCodes.OK;
    }
}
