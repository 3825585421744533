package io.ipkeeper.server.gossip;

import io.ipkeeper.gossip.GossipProfiles;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.gossip.serf.SerfListener;
import io.ipkeeper.gossip.serf.SerfMember;
import io.ipkeeper.gossip.serf.UserEvent;
import io.ipkeeper.server.agents.ConflictBroadcast;
import io.ipkeeper.server.agents.Membership;
import io.ipkeeper.server.agents.ObservationListener;
import io.ipkeeper.server.agents.ObservationStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server as a Serf member: tags {@code role=server} and {@code api=<its API URL>} (how agents without
 * {@code --server} find it), this server's view of which agents are alive (the {@link Membership} liveness uses), and
 * the agents' {@value ConflictBroadcast#EVENT_NAME} user events recorded as observations.
 */
public final class ServerGossip implements Membership, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServerGossip.class);
    public static final String ROLE_TAG = "role";
    public static final String API_TAG = "api";

    private final Serf serf;
    /** Agents seen in gossip, by node name: true while alive or suspect, false once failed or left. */
    private final Map<String, Boolean> agents;
    private final ExecutorService events;

    private ServerGossip(Serf serf, Map<String, Boolean> agents, ExecutorService events) {
        this.serf = serf;
        this.agents = agents;
        this.events = events;
    }

    /**
     * Starts the node, joins the seeds (a seed that does not answer is logged; the node retries on its own) and
     * records conflict broadcasts through {@code observations}, then tells {@code listener} so the engine derives at once.
     */
    public static ServerGossip start(GossipOptions options, URI apiUrl, ObservationStore observations,
                                     ObservationListener listener, Clock clock) {
        if (options.keys().isEmpty()) {
            log.warn("gossip is NOT encrypted (no gossip key): anyone on the network can read membership and"
                    + " conflict events, and join; set gossip.keys (IPKEEPER_GOSSIP_KEYS) in production");
        }
        Map<String, Boolean> agents = new ConcurrentHashMap<>();
        ExecutorService events = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("ipkeeper-gossip-events").factory());
        SerfListener l = new SerfListener() {
            @Override
            public void onMemberJoin(SerfMember m) {
                if ("agent".equals(m.tags().get(ROLE_TAG))) {
                    agents.put(m.name(), true);
                    log.info("gossip: agent {} alive", m.name());
                }
            }

            @Override
            public void onMemberLeave(SerfMember m) {
                if ("agent".equals(m.tags().get(ROLE_TAG)) || agents.containsKey(m.name())) {
                    agents.put(m.name(), false);
                    log.info("gossip: agent {} {}", m.name(), m.status().label());
                }
            }

            @Override
            public void onUserEvent(UserEvent e) {
                if (ConflictBroadcast.EVENT_NAME.equals(e.name())) {
                    byte[] payload = e.payload().clone();
                    events.execute(() -> record(payload, observations, listener, clock));
                }
            }
        };
        GossipConfig.Builder config = GossipProfiles.preset(options.profile()).antiEntropy(options.antiEntropy());
        config.name(options.nodeName()).bindAddress(options.bind().getAddress()).bindPort(options.bind().getPort());
        Serf.Builder b = Serf.builder(config.build()).tag(ROLE_TAG, "server").tag(API_TAG, apiUrl.toString()).listener(l);
        options.keys().forEach(b::key);
        Serf serf;
        try {
            serf = b.start();
        } catch (IOException e) {
            events.shutdownNow();
            throw new UncheckedIOException("cannot bind gossip to " + options.bind() + ": " + e.getMessage(), e);
        }
        ServerGossip g = new ServerGossip(serf, agents, events);
        if (!options.join().isEmpty()) {
            JoinResult r = serf.join(options.join());
            if (r.succeeded()) {
                log.info("gossip: joined through {} seed(s) of {}", r.contacted(), options.join());
            } else {
                log.warn("gossip: no seed of {} answered ({}); retrying in the background", options.join(), r.errors());
            }
        }
        log.info("gossip on {} as {} (role=server, api={})", options.bind(), options.nodeName(), apiUrl);
        return g;
    }

    private static void record(byte[] payload, ObservationStore observations, ObservationListener listener, Clock clock) {
        try {
            ConflictBroadcast c = ConflictBroadcast.parse(payload);
            Optional<Long> space = observations.recordBroadcast(c.agent(), c.address(), c.macs(), c.interfaceName(),
                    clock.instant());
            if (space.isEmpty()) {
                log.info("gossip: conflict broadcast from {}, which has never reported to a server: ignored", c.agent());
                return;
            }
            log.info("gossip: {} reports {} claimed by {}", c.agent(), c.address(), c.macs());
            listener.observed(space.get(), List.of(c.address()));
        } catch (IllegalArgumentException e) {
            log.warn("gossip: a malformed conflict broadcast was ignored: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("gossip: recording a conflict broadcast failed: {}", e.toString());
        }
    }

    @Override
    public Optional<Boolean> alive(String agentName, String hostname) {
        Boolean byName = agents.get(agentName);
        if (byName != null) {
            return Optional.of(byName);
        }
        return hostname == null ? Optional.empty() : Optional.ofNullable(agents.get(hostname));
    }

    /** Every member this server knows, with tags and status. */
    public List<SerfMember> members() {
        return serf.members();
    }

    /** Leaves gracefully (others see this server as left, not failed), then stops. */
    @Override
    public void close() {
        try {
            serf.leave(Duration.ofSeconds(3));
        } finally {
            serf.close();
            events.shutdownNow();
        }
    }
}
