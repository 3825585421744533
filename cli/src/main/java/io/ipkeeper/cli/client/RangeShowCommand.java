package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper range show ID}. */
@Command(name = "show", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Show one range with its utilization.")
public final class RangeShowCommand extends ClientCommand {
    @Parameters(paramLabel = "ID")
    long id;

    @Override
    protected int execute() {
        output().object(api().get("/api/v1/ranges/" + id).body());
        return ExitCodes.OK;
    }
}
