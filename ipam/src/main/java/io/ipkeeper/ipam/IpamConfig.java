package io.ipkeeper.ipam;

import java.time.Duration;

/**
 * Tunables of the allocation engine.
 *
 * @param quarantineCooldown how long a released address is not reused (default 1 h)
 * @param idempotencyRetention how long an idempotency key is remembered (default 24 h)
 * @param maxBatch most requests one combined transaction serves (default 64)
 * @param vetHold how long a candidate is held (as a reservation) while the vetting hook runs (default 1 min)
 */
public record IpamConfig(Duration quarantineCooldown, Duration idempotencyRetention, int maxBatch, Duration vetHold) {

    public static IpamConfig defaults() {
        return new IpamConfig(Duration.ofHours(1), Duration.ofHours(24), 64, Duration.ofMinutes(1));
    }

    public IpamConfig withQuarantineCooldown(Duration d) {
        return new IpamConfig(d, idempotencyRetention, maxBatch, vetHold);
    }

    public IpamConfig withIdempotencyRetention(Duration d) {
        return new IpamConfig(quarantineCooldown, d, maxBatch, vetHold);
    }

    public IpamConfig withMaxBatch(int n) {
        return new IpamConfig(quarantineCooldown, idempotencyRetention, n, vetHold);
    }
}
