package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.CandidateVetter;
import io.ipkeeper.ipam.model.Allocation;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe before allocate: when a live ARP-watching agent covers the candidate's subnet, it is asked to ARP-probe the
 * candidate (RFC 5227) while the allocator holds it, outside the subnet lock. Nobody answered: confirmed. Someone
 * answered: the address is in use, so it is recorded as observed (which opens a conflict) and the allocator takes
 * another. No covering agent: no probe at all (the allocator's fast path). No answer in time: confirmed, and logged;
 * allocation never depends on an agent being up. A space whose {@link SpaceProbeSettings switch} is off is never
 * probed, covered or not.
 */
public final class ProbeVetter implements CandidateVetter {
    private static final Logger log = LoggerFactory.getLogger(ProbeVetter.class);
    /** Coverage is re-read at most this often: it changes when agents come and go, not per allocation. */
    private static final Duration COVERAGE_TTL = Duration.ofSeconds(1);

    private record Snapshot(Instant at, long settingsVersion, Map<Long, List<AgentStore.StoredAgent>> bySubnet) {}

    private final ProbeStore probes;
    private final ObservationStore observations;
    private final ObservationListener listener;
    private final Duration timeout;
    private final InstantSource clock;
    private final SpaceProbeSettings settings;
    private final AtomicReference<AgentCoverage> coverage = new AtomicReference<>();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /** @param timeout how long to wait for an agent's answer (keep it below the IPAM vetting timeout) */
    public ProbeVetter(ProbeStore probes, ObservationStore observations, ObservationListener listener, Duration timeout,
                       InstantSource clock, SpaceProbeSettings settings) {
        this.settings = settings;
        this.probes = probes;
        this.observations = observations;
        this.listener = listener;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Coverage needs the IPAM service, which needs this vetter: set once both exist. */
    public void coverage(AgentCoverage c) {
        coverage.set(c);
    }

    @Override
    public boolean vets(long subnetId) {
        return !covering(subnetId).isEmpty();
    }

    @Override
    public boolean accept(Allocation candidate) {
        List<AgentStore.StoredAgent> agents = covering(candidate.subnetId());
        if (agents.isEmpty()) {
            return true;
        }
        AgentStore.StoredAgent agent = agents.getFirst();
        long id = probes.request(agent.id(), candidate.spaceId(), candidate.id(), candidate.address());
        Optional<ProbeStore.Answer> answer;
        try {
            answer = probes.await(id, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        if (answer.isEmpty()) {
            log.warn("agent {} did not answer the probe of {} within {}; allocating without it", agent.name(),
                    candidate.address(), timeout);
            return true;
        }
        if (answer.get().answeringMacs().isEmpty()) {
            return true;
        }
        log.warn("probe of {} by agent {}: in use by {}; choosing another address", candidate.address(), agent.name(),
                answer.get().answeringMacs());
        observations.recordProbe(agent.id(), candidate.spaceId(), candidate.address(), answer.get().answeringMacs(),
                clock.instant());
        listener.observed(candidate.spaceId(), List.of(candidate.address()));
        return false;
    }

    private List<AgentStore.StoredAgent> covering(long subnetId) {
        AgentCoverage c = coverage.get();
        if (c == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Snapshot s = snapshot.get();
        long version = settings.version();
        if (s == null || s.at().plus(COVERAGE_TTL).isBefore(now) || s.settingsVersion() != version) {
            s = new Snapshot(now, version, probing(c.agentsBySubnet(now)));
            snapshot.set(s);
        }
        return s.bySubnet().getOrDefault(subnetId, List.of());
    }

    /** Coverage without the agents of spaces whose probing is switched off. */
    private Map<Long, List<AgentStore.StoredAgent>> probing(Map<Long, List<AgentStore.StoredAgent>> bySubnet) {
        Set<Long> off = settings.disabled();
        if (off.isEmpty()) {
            return bySubnet;
        }
        Map<Long, List<AgentStore.StoredAgent>> out = new HashMap<>();
        bySubnet.forEach((subnet, agents) -> {
            List<AgentStore.StoredAgent> on = agents.stream().filter(a -> !off.contains(a.spaceId())).toList();
            if (!on.isEmpty()) {
                out.put(subnet, on);
            }
        });
        return out;
    }
}
