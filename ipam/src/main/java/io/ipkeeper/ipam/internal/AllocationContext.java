package io.ipkeeper.ipam.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * What one allocating request needs besides the locked subnet: who, when, the configured durations, and the request
 * id for its audit events (captured on the caller's thread: a batch may be written by another request's thread).
 */
public record AllocationContext(String principal, Instant now, Duration cooldown, Duration idempotencyRetention,
                                RandomGenerator random, String requestId) {}
