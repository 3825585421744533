package io.ipkeeper.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ipkeeper bosh import --subnet PREFIX|ID [--space S] --owner NAME FILE}: records a director's addresses from
 * {@code bosh instances --details --json}; exits 5 when any conflict was reported.
 */
@Command(name = "import", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Record the IPs a director already uses (from 'bosh instances --details --json') as allocations"
                + " owned by it. Conflicts (taken by someone else, outside its block or the subnet) are listed and"
                + " never overwritten; then the exit code is 5. Importing again changes nothing.",
                "Example: bosh -e a instances --details --json | ipkeeper bosh import --subnet 198.18.7.0/24"
                        + " --owner bosh-a -"})
public final class BoshImportCommand extends ClientCommand {
    private static final List<Column> COLUMNS = List.of(Column.of("RESULT", "result"), Column.of("ADDRESS", "address"),
            Column.of("INSTANCE", "instance"), Column.of("REASON", "reason"));

    @Option(names = "--subnet", required = true, paramLabel = "PREFIX|ID", description = "The director's subnet")
    String subnet;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Option(names = "--owner", required = true, paramLabel = "NAME", description = "The director")
    String owner;

    @Parameters(paramLabel = "FILE", description = "The JSON output of 'bosh instances --details --json'; - for stdin")
    String file;

    @Override
    protected int execute() {
        JsonNode instances = read();
        ApiClient api = api();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("owner", owner);
        JsonNode result = api.post(ApiClient.query("/api/v1/subnets/" + SubnetRef.resolve(api, subnet, space)
                + "/bosh/import", q), instances).body();
        if (output().json()) {
            output().object(result);
        } else {
            var rows = ApiClient.JSON.createArrayNode();
            for (String kind : List.of("imported", "unchanged", "conflicts")) {
                for (JsonNode e : result.path(kind)) {
                    rows.add(((ObjectNode) e.deepCopy())
                            .put("result", kind.equals("conflicts") ? "conflict" : kind));
                }
            }
            output().rows(rows, COLUMNS);
            output().note(result.path("imported").size() + " imported, " + result.path("unchanged").size()
                    + " unchanged, " + result.path("conflicts").size() + " conflict(s)");
        }
        return result.path("conflicts").isEmpty() ? ExitCodes.OK : ExitCodes.CONFLICT;
    }

    private JsonNode read() {
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            return ApiClient.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw ClientException.invalid(file + " is not JSON (expected the output of 'bosh instances --details"
                    + " --json'): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ClientException.invalid("cannot read " + file + ": " + e.getMessage());
        }
    }
}
