package io.ipkeeper.agent.report;

import java.time.Instant;

/**
 * Counters of a {@link Reporter} (for {@code /metrics} and {@code /healthz}).
 *
 * @param lastSuccess when the server last took a report; null before the first
 * @param lastError the latest failure's message; null after a success
 */
public record ReporterStats(long reportsSent, long reportsFailed, long reportsRejected, long observationsSent,
                            long observationsDropped, int pending, Instant lastSuccess, String lastError) {}
