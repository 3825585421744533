package io.ipkeeper.cli.client;

import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ipkeeper ip allocate --subnet PREFIX|ID [--space S] | --range ID …}: all requested addresses or none (exit 5
 * when the pool cannot satisfy the whole request).
 */
@Command(name = "allocate", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Allocate addresses from a subnet or a range: all of them or none.",
                "Example: ipkeeper ip allocate --space lab --subnet 198.18.0.0/24 --count 3 --hostname 'web-{n}'"})
public final class IpAllocateCommand extends ClientCommand {

    /** Where to allocate: exactly one of a subnet or a range. */
    static final class Pool {
        @Option(names = "--subnet", required = true, paramLabel = "PREFIX|ID")
        String subnet;

        @Option(names = "--range", required = true, paramLabel = "ID")
        Long range;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Pool pool;

    @Option(names = "--space", paramLabel = "NAME|ID", description = "Required when the prefix exists in several spaces")
    String space;

    @Option(names = "--count", paramLabel = "N", description = "How many addresses (1..1024; default 1)")
    Integer count;

    @Option(names = "--address", paramLabel = "ADDRESS", description = "This specific address")
    String address;

    @Option(names = "--strategy", paramLabel = "STRATEGY", description = "lowest (default) or random")
    String strategy;

    @Option(names = "--hostname", paramLabel = "NAME", description = "{n} becomes 1, 2, … in address order")
    String hostname;

    @Option(names = "--mac", paramLabel = "MAC")
    String mac;

    @Option(names = "--owner", paramLabel = "NAME", description = "On whose behalf (uses ranges delegated to it)")
    String owner;

    @Option(names = "--purpose", paramLabel = "TEXT")
    String purpose;

    @Option(names = "--description", paramLabel = "TEXT")
    String description;

    @Option(names = "--expires-in", paramLabel = "DURATION",
            description = "ISO-8601 duration (PT1H, P7D): a reservation that frees itself")
    String expiresIn;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Repeating the request with the same key returns the same addresses")
    String idempotencyKey;

    @Override
    protected int execute() {
        if (pool.range != null && space != null) {
            throw ClientException.invalid("--space only applies to --subnet PREFIX; a range id is unique");
        }
        ApiClient api = api();
        String path = pool.range != null ? "/api/v1/ranges/" + pool.range + "/allocations"
                : "/api/v1/subnets/" + SubnetRef.resolve(api, pool.subnet, space) + "/allocations";
        var body = new RequestBody().set("count", count).set("address", address).set("strategy", strategy)
                .set("hostname", hostname).set("mac", mac).set("owner", owner).set("purpose", purpose)
                .set("description", description).set("expiresIn", expiresIn);
        Map<String, String> headers = idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
        output().rows(api.post(path, body.fields(), headers).body(), Columns.ALLOCATION);
        return ExitCodes.OK;
    }
}
