package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.model.Subnet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which leaf subnets live agents cover right now, and since when (for the conflict engine's {@code stale} rule). */
public final class AgentCoverage {
    private final AgentStore agents;
    private final Ipam ipam;
    private final Membership membership;

    public AgentCoverage(AgentStore agents, Ipam ipam) {
        this(agents, ipam, Membership.NONE);
    }

    /** With gossip: agents that are members are alive exactly while membership says so. */
    public AgentCoverage(AgentStore agents, Ipam ipam, Membership membership) {
        this.agents = agents;
        this.ipam = ipam;
        this.membership = membership;
    }

    /** Subnet id → the live agents covering it, the most recently reporting first (who is asked to probe). */
    public Map<Long, List<AgentStore.StoredAgent>> agentsBySubnet(Instant now) {
        Map<Long, List<AgentStore.StoredAgent>> out = new HashMap<>();
        Map<Long, List<Subnet>> subnetsBySpace = new HashMap<>();
        List<AgentStore.StoredAgent> live = agents.list().stream().filter(a -> Liveness.alive(a, now, membership))
                .sorted(java.util.Comparator.comparing(AgentStore.StoredAgent::lastReportAt).reversed()).toList();
        for (AgentStore.StoredAgent a : live) {
            List<Subnet> subnets = subnetsBySpace.computeIfAbsent(a.spaceId(), s -> ipam.subnets().list(s));
            for (Subnet s : Coverage.of(a.arpWatch(), a.interfaces(), subnets)) {
                out.computeIfAbsent(s.id(), x -> new java.util.ArrayList<>()).add(a);
            }
        }
        return out;
    }

    /** Subnet id → the earliest first report among the live agents covering it. */
    public Map<Long, Instant> coveredSince(Instant now) {
        Map<Long, Instant> out = new HashMap<>();
        Map<Long, List<Subnet>> subnetsBySpace = new HashMap<>();
        for (AgentStore.StoredAgent a : agents.list()) {
            if (!Liveness.alive(a, now, membership)) {
                continue;
            }
            List<Subnet> subnets = subnetsBySpace.computeIfAbsent(a.spaceId(), s -> ipam.subnets().list(s));
            for (Subnet s : Coverage.of(a.arpWatch(), a.interfaces(), subnets)) {
                out.merge(s.id(), a.firstReportAt(), (x, y) -> x.isBefore(y) ? x : y);
            }
        }
        return out;
    }
}
