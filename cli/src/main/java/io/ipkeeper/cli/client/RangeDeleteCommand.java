package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper range delete ID} (admin). */
@Command(name = "delete", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Delete a range without live allocations (admin).")
public final class RangeDeleteCommand extends ClientCommand {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    protected int execute() {
        api().delete("/api/v1/ranges/" + id);
        output().message("deleted range " + id);
        return ExitCodes.OK;
    }
}
