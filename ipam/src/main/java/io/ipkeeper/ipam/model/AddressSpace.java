package io.ipkeeper.ipam.model;

import java.time.Instant;

/** The uniqueness boundary for addresses: one routing/L2 domain, like a VRF. */
public record AddressSpace(long id, String name, String description, String createdBy, Instant createdAt) {}
