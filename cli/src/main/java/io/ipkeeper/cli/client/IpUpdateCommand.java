package io.ipkeeper.cli.client;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper ip update ID|ADDRESS --hostname …}: reads the allocation's ETag and sends it as {@code If-Match}, so a
 * change someone made in between is not overwritten (exit 5; read it again and retry).
 */
@Command(name = "update", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Change an allocation's hostname, MAC, description or a reservation's expiry.")
public final class IpUpdateCommand extends ClientCommand {
    @Parameters(paramLabel = "ID|ADDRESS")
    String allocation;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the address is live in several spaces")
    String space;

    @Option(names = "--hostname", paramLabel = "NAME")
    String hostname;

    @Option(names = "--mac", paramLabel = "MAC")
    String mac;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--expires-at", paramLabel = "TIME", description = "ISO-8601 UTC time, e.g. 2030-01-01T00:00:00Z")
    String expiresAt;

    @Option(names = "--if-match", paramLabel = "ETAG",
            description = "Change only if the allocation still has this ETag (default: the one read just before)")
    String ifMatch;

    @Override
    protected int execute() {
        var body = new RequestBody().set("hostname", hostname).set("mac", mac).set("description", description)
                .set("expiresAt", expiresAt);
        if (body.isEmpty()) {
            throw ClientException.invalid("nothing to change; give --hostname, --mac, --description or --expires-at");
        }
        ApiClient api = api();
        long id = AllocationRef.resolve(api, allocation, space);
        String etag = ifMatch != null ? ifMatch : api.get("/api/v1/allocations/" + id).etag().orElse(null);
        Map<String, String> headers = etag == null ? Map.of() : Map.of("If-Match", etag);
        output().row(api.patch("/api/v1/allocations/" + id, body.fields(), headers).body(), Columns.ALLOCATION);
        return ExitCodes.OK;
    }
}
