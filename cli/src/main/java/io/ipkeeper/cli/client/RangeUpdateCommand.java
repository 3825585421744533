package io.ipkeeper.cli.client;

import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper range update ID --end … --owner …} (admin): moves a range or re-delegates it, guarded by the range's
 * ETag like {@code ip update}.
 */
@Command(name = "update", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Move a range (--start and --end together), change its purpose, owner or description (admin).")
public final class RangeUpdateCommand extends ClientCommand {
    private static final Set<String> CLEARABLE = Set.of("owner", "description");

    @Parameters(paramLabel = "ID")
    long id;

    @Option(names = "--start", paramLabel = "ADDRESS")
    String start;

    @Option(names = "--end", paramLabel = "ADDRESS")
    String end;

    @Option(names = "--purpose", paramLabel = "PURPOSE", description = "static, dynamic or reserved")
    String purpose;

    @Option(names = "--owner", paramLabel = "NAME", description = "Delegate the range to this owner")
    String owner;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--clear", paramLabel = "FIELD", split = ",", description = "Clear fields: owner, description")
    List<String> clear;

    @Option(names = "--if-match", paramLabel = "ETAG",
            description = "Change only if the range still has this ETag (default: the one read just before)")
    String ifMatch;

    @Override
    protected int execute() {
        RequestBody body = PatchOptions.withClears(new RequestBody().set("start", start).set("end", end)
                        .set("purpose", purpose).set("owner", owner).set("description", description),
                clear, CLEARABLE, "--start/--end, --purpose, --owner, --description");
        ApiClient api = api();
        String path = "/api/v1/ranges/" + id;
        output().row(api.patch(path, body.fields(), PatchOptions.ifMatch(api, path, ifMatch)).body(), Columns.RANGE);
        return ExitCodes.OK;
    }
}
