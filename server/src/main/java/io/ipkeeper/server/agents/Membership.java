package io.ipkeeper.server.agents;

import java.util.Optional;

/**
 * What this server's gossip membership says about an agent. Each server answers from its own view of the cluster, so
 * two servers may disagree for the few seconds gossip needs to converge.
 */
@FunctionalInterface
public interface Membership {
    /** No gossip: every agent is judged by its report heartbeat. */
    Membership NONE = (name, hostname) -> Optional.empty();

    /**
     * Whether the agent is alive as a gossip member (alive or suspect → true; failed or left → false), matched by its
     * agent name or its hostname; empty when it was never seen in gossip, so the report heartbeat decides.
     */
    Optional<Boolean> alive(String agentName, String hostname);
}
