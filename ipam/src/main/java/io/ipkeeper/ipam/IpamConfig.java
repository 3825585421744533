package io.ipkeeper.ipam;

import java.time.Duration;

/**
 * Tunables of the allocation engine.
 *
 * @param quarantineCooldown how long a released address is not reused (default 1 h)
 * @param idempotencyRetention how long an idempotency key is remembered (default 24 h)
 * @param maxBatch most requests one combined transaction serves (default 64)
 * @param maxConcurrentBatches most combined transactions in flight at once (default 2); each serves one or more
 *     subnets, never a subnet another one is serving. Fewer, fuller batches cost fewer round trips and row writes per
 *     request; more hide more latency. 2 measured best on the 2-core benchmark machine (docs/benchmarks.md); about
 *     the database server's core count is a reasonable start elsewhere. Keep it below the connection pool size.
 * @param vetHold how long a candidate is held (as a reservation) while the vetting hook runs (default 1 min)
 * @param vetTimeout how long one call of the vetting hook may take before the request fails (default 10 s; keep it
 *     well below {@code vetHold}, or the sweeper may free a hold that is still being vetted)
 */
public record IpamConfig(Duration quarantineCooldown, Duration idempotencyRetention, int maxBatch, int maxConcurrentBatches,
                         Duration vetHold, Duration vetTimeout) {

    public IpamConfig {
        if (maxBatch < 1 || maxConcurrentBatches < 1) {
            throw new IllegalArgumentException("maxBatch and maxConcurrentBatches must be at least 1");
        }
    }

    public static IpamConfig defaults() {
        return new IpamConfig(Duration.ofHours(1), Duration.ofHours(24), 64, 2, Duration.ofMinutes(1), Duration.ofSeconds(10));
    }

    public IpamConfig withQuarantineCooldown(Duration d) {
        return new IpamConfig(d, idempotencyRetention, maxBatch, maxConcurrentBatches, vetHold, vetTimeout);
    }

    public IpamConfig withIdempotencyRetention(Duration d) {
        return new IpamConfig(quarantineCooldown, d, maxBatch, maxConcurrentBatches, vetHold, vetTimeout);
    }

    public IpamConfig withMaxBatch(int n) {
        return new IpamConfig(quarantineCooldown, idempotencyRetention, n, maxConcurrentBatches, vetHold, vetTimeout);
    }

    public IpamConfig withMaxConcurrentBatches(int n) {
        return new IpamConfig(quarantineCooldown, idempotencyRetention, maxBatch, n, vetHold, vetTimeout);
    }

    public IpamConfig withVetTimeout(Duration d) {
        return new IpamConfig(quarantineCooldown, idempotencyRetention, maxBatch, maxConcurrentBatches, vetHold, d);
    }
}
