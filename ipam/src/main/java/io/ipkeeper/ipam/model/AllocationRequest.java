package io.ipkeeper.ipam.model;

import java.time.Duration;

/**
 * One allocation request: N addresses (all or none) or one specific address, from a subnet or from a range.
 *
 * @param subnetId  allocate anywhere the caller may in this leaf subnet (exactly one of subnetId/rangeId is set)
 * @param rangeId   allocate only inside this range
 * @param address   a specific address (then {@code count} is 1), or null for "next free"
 * @param reserve   create reservations instead of allocations
 * @param reservationTtl how long a reservation lives before the sweeper frees it (null: no expiry)
 * @param owner     on whose behalf (decides which delegated ranges are visible)
 * @param idempotencyKey a client token: the same key from the same principal returns the original result
 */
public record AllocationRequest(Long subnetId, Long rangeId, int count, String address, boolean reserve,
                                Duration reservationTtl, String owner, String hostname, String mac, String purpose,
                                String description, Strategy strategy, String idempotencyKey) {

    public static AllocationRequest nextFree(long subnetId) {
        return new AllocationRequest(subnetId, null, 1, null, false, null, null, null, null, null, null, Strategy.LOWEST, null);
    }

    public static AllocationRequest nextFreeInRange(long rangeId) {
        return new AllocationRequest(null, rangeId, 1, null, false, null, null, null, null, null, null, Strategy.LOWEST, null);
    }

    public static AllocationRequest specific(long subnetId, String address) {
        return new AllocationRequest(subnetId, null, 1, address, false, null, null, null, null, null, null, Strategy.LOWEST, null);
    }

    public AllocationRequest count(int n) {
        return new AllocationRequest(subnetId, rangeId, n, address, reserve, reservationTtl, owner, hostname, mac, purpose, description, strategy, idempotencyKey);
    }

    public AllocationRequest reserved(Duration ttl) {
        return new AllocationRequest(subnetId, rangeId, count, address, true, ttl, owner, hostname, mac, purpose, description, strategy, idempotencyKey);
    }

    public AllocationRequest owner(String o) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, o, hostname, mac, purpose, description, strategy, idempotencyKey);
    }

    public AllocationRequest hostname(String h) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, owner, h, mac, purpose, description, strategy, idempotencyKey);
    }

    public AllocationRequest mac(String m) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, owner, hostname, m, purpose, description, strategy, idempotencyKey);
    }

    public AllocationRequest purpose(String p) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, owner, hostname, mac, p, description, strategy, idempotencyKey);
    }

    public AllocationRequest strategy(Strategy s) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, owner, hostname, mac, purpose, description, s, idempotencyKey);
    }

    public AllocationRequest idempotencyKey(String k) {
        return new AllocationRequest(subnetId, rangeId, count, address, reserve, reservationTtl, owner, hostname, mac, purpose, description, strategy, k);
    }

    /** The request body as a canonical string: what "same body" means for idempotency (the key itself excluded). */
    public String canonicalBody() {
        return String.join("\u001f", String.valueOf(subnetId), String.valueOf(rangeId), String.valueOf(count),
                String.valueOf(address), String.valueOf(reserve), String.valueOf(reservationTtl), String.valueOf(owner),
                String.valueOf(hostname), String.valueOf(mac), String.valueOf(purpose), String.valueOf(description),
                String.valueOf(strategy));
    }
}
