package io.ipkeeper.cli.client;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ipkeeper space create NAME} (admin). */
@Command(name = "create", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Create an address space (admin).")
public final class SpaceCreateCommand extends ClientCommand {
    @Parameters(paramLabel = "NAME", description = "Unique name, e.g. lab")
    String name;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Override
    protected int execute() {
        var body = new RequestBody().set("name", name).set("description", description);
        output().row(api().post("/api/v1/spaces", body.fields()).body(), Columns.SPACE);
        return ExitCodes.OK;
    }
}
