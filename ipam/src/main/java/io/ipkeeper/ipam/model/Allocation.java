package io.ipkeeper.ipam.model;

import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;

/** A live allocation row (allocated, reserved or quarantined). */
public record Allocation(long id, long spaceId, long subnetId, Long rangeId, IpAddress address, AllocationState state,
                         String owner, String hostname, String mac, String purpose, String description,
                         Instant expiresAt, Instant releasedAt, Instant quarantineUntil, String idempotencyKey,
                         String createdBy, Instant createdAt) {}
