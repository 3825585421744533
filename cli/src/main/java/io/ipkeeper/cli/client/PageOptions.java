package io.ipkeeper.cli.client;

import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --offset} of list commands, passed to the API's paging unchanged. */
final class PageOptions {
    @Option(names = "--limit", paramLabel = "N", description = "At most N results (1..1000; default 100)")
    Integer limit;

    @Option(names = "--offset", paramLabel = "N", description = "Skip the first N results")
    Integer offset;

    void addTo(Map<String, Object> query) {
        query.put("limit", limit);
        query.put("offset", offset);
    }
}
