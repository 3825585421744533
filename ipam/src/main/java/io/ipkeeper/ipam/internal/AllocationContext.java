package io.ipkeeper.ipam.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/** What one allocating request needs besides the locked subnet: who, when, and the configured durations. */
public record AllocationContext(String principal, Instant now, Duration cooldown, Duration idempotencyRetention,
                                RandomGenerator random) {}
