package io.ipkeeper.cli.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper space show NAME|ID}. */
@Command(name = "show", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER, description = "Show one address space.")
public final class SpaceShowCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME|ID")
    String space;

    @Override
    protected int execute() {
        output().object(api().get("/api/v1/spaces/" + URLEncoder.encode(space, StandardCharsets.UTF_8)).body());
        return ExitCodes.OK;
    }
}
