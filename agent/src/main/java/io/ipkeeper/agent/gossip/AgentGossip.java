package io.ipkeeper.agent.gossip;

import io.ipkeeper.gossip.GossipProfiles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.serf.MemberStatus;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.gossip.serf.SerfMember;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent as a Serf member with tags {@code role=agent}: servers see it alive or failed through membership, it finds
 * servers by their {@code role=server} and {@code api} tags (only trusted ones get its token, see
 * {@link ServerTrustRule}), and it broadcasts the conflicts it sees as the user event {@value #CONFLICT_EVENT}.
 */
public final class AgentGossip implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentGossip.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String CONFLICT_EVENT = "ipkeeper-conflict";
    /** Serf's limit for name + payload is 512 bytes; 8 MACs with an address and names stay well below it. */
    static final int MAX_MACS = 8;

    private final Serf serf;
    private final String name;
    private final ServerTrustRule trust;
    private final Set<URI> refusedLogged = ConcurrentHashMap.newKeySet();
    private final AtomicReference<URI> current = new AtomicReference<>();

    private AgentGossip(Serf serf, String name, ServerTrustRule trust) {
        this.serf = serf;
        this.name = name;
        this.trust = trust;
    }

    /** Binds, then joins the seeds (when none answers it says so and keeps retrying in the background). */
    public static AgentGossip start(AgentGossipOptions options, ServerTrustRule trust) {
        if (options.keys().isEmpty()) {
            log.warn("gossip is NOT encrypted (no gossip key): anyone on the network can read this agent's conflict"
                    + " broadcasts and join; set gossip.keys (IPKEEPER_GOSSIP_KEYS) in production");
        }
        GossipConfig.Builder config = GossipProfiles.preset(options.profile()).antiEntropy(options.antiEntropy());
        config.name(options.name()).bindAddress(options.bind().getAddress()).bindPort(options.bind().getPort());
        Serf.Builder b = Serf.builder(config.build()).tag("role", "agent");
        options.keys().forEach(b::key);
        Serf serf;
        try {
            serf = b.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind gossip to " + options.bind() + ": " + e.getMessage(), e);
        }
        if (!options.join().isEmpty()) {
            JoinResult r = serf.join(options.join());
            if (!r.succeeded()) {
                log.warn("gossip: no seed of {} answered ({}); retrying in the background", options.join(), r.errors());
            }
        }
        log.info("gossip on {} as {} (role=agent)", options.bind(), options.name());
        return new AgentGossip(serf, options.name(), trust);
    }

    /**
     * A trusted server to report to: the one used before while it stays alive, else the first alive {@code role=server}
     * member (by name) whose {@code api} URL is trusted. Untrusted ones are logged once each, never contacted.
     */
    public Optional<URI> server() {
        List<URI> candidates = serf.members().stream()
                .filter(m -> m.status() == MemberStatus.ALIVE && "server".equals(m.tags().get("role")))
                .map(SerfMember::tags).map(t -> t.get("api")).filter(a -> a != null && !a.isBlank())
                .map(AgentGossip::uri).flatMap(Optional::stream).filter(this::trusted).toList();
        URI before = current.get();
        if (before != null && candidates.contains(before)) {
            return Optional.of(before);
        }
        URI next = candidates.isEmpty() ? null : candidates.getFirst();
        if (next != null && current.compareAndSet(before, next)) {
            log.info("gossip: reporting to the server at {}", next);
        }
        return Optional.ofNullable(next);
    }

    private boolean trusted(URI url) {
        Optional<String> why = trust.refusal(url);
        if (why.isPresent() && refusedLogged.add(url)) {
            log.warn("gossip: a server announces {}, but the agent will not send its token there: {} (add"
                    + " --server-allow {} or --ca-file)", url, why.get(), url);
        }
        return why.isEmpty();
    }

    private static Optional<URI> uri(String text) {
        try {
            URI u = URI.create(text.strip());
            return u.getScheme() == null || u.getHost() == null ? Optional.empty() : Optional.of(u);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Gossips that {@code macs} (at least two: a conflict) claim {@code address} on {@code interfaceName}. */
    public void broadcastConflict(Inet4Address address, List<MacAddress> macs, String interfaceName) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agent", name);
        payload.put("address", address.getHostAddress());
        payload.put("macs", macs.stream().limit(MAX_MACS).map(MacAddress::toString).toList());
        payload.put("interface", interfaceName);
        try {
            serf.userEvent(CONFLICT_EVENT, JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8), false);
        } catch (JsonProcessingException | RuntimeException e) {
            log.warn("gossip: broadcasting the conflict at {} failed: {}", address.getHostAddress(), e.toString());
        }
    }

    /** Every member this agent knows (for tests and diagnostics). */
    public List<SerfMember> members() {
        return serf.members();
    }

    /** Leaves gracefully (servers see the agent as left), then stops. */
    @Override
    public void close() {
        try {
            serf.leave(Duration.ofSeconds(3));
        } finally {
            serf.close();
        }
    }
}
