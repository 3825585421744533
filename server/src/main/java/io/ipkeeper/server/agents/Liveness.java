package io.ipkeeper.server.agents;

import java.time.Instant;

/**
 * Whether an agent is alive. An agent that is a gossip member is judged by membership (failure detection in seconds,
 * and it also works while the agent cannot reach a server). One never seen in gossip is judged by its reports: it
 * reports at least every {@code reportIntervalSeconds}, so three missed reports mean it (or its path to every server)
 * is gone. Either way a dead agent's subnets are no longer covered.
 */
final class Liveness {
    static final int MISSED_REPORTS = 3;

    private Liveness() {}

    static boolean alive(AgentStore.StoredAgent a, Instant now, Membership membership) {
        return membership.alive(a.name(), a.hostname()).orElseGet(() -> heartbeat(a, now));
    }

    static boolean heartbeat(AgentStore.StoredAgent a, Instant now) {
        return a.lastReportAt().plusSeconds((long) MISSED_REPORTS * a.reportIntervalSeconds()).isAfter(now);
    }
}
