package io.ipkeeper.server.agents;

import java.time.Instant;

/**
 * Whether an agent is alive, judged by its reports: it reports at least every {@code reportIntervalSeconds}, so three
 * missed reports mean it (or its path to every server) is gone, and its subnets are no longer covered.
 */
final class Liveness {
    static final int MISSED_REPORTS = 3;

    private Liveness() {}

    static boolean alive(AgentStore.StoredAgent a, Instant now) {
        return a.lastReportAt().plusSeconds((long) MISSED_REPORTS * a.reportIntervalSeconds()).isAfter(now);
    }
}
