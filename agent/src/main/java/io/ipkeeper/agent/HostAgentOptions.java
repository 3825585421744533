package io.ipkeeper.agent;

import io.ipkeeper.agent.arp.ArpWatchConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Everything {@link HostAgent#start} needs, validated at once: {@link #problems()} lists every mistake, so the command
 * line can report them all together.
 *
 * @param interfaces the interfaces whose ARP traffic to watch (at least one)
 * @param server the ipkeeper server's base URL ({@code https://ipam.example:8443}); null to find servers through gossip
 * @param token an API token of role {@code agent}; sent only to {@code server}
 * @param trust the CA to verify {@code server} with; empty for the JDK's trust store
 * @param space the address space of this host (id or name); null when the server has only one
 * @param reportInterval the longest time between two reports
 * @param listen where {@code /healthz} and {@code /metrics} are served; null for nowhere
 * @param arp the ARP watch's batching and flood limits
 * @param hostname this host's name as shown on the server
 * @param gossip join gossip (servers learn liveness from it; without {@code server}, servers are found through it), or
 *     null for none
 */
public record HostAgentOptions(List<String> interfaces, URI server, String token, Optional<SSLContext> trust,
                               String space, Duration reportInterval, InetSocketAddress listen, ArpWatchConfig arp,
                               String hostname, io.ipkeeper.agent.gossip.AgentGossipOptions gossip) {

    /** Without gossip. */
    public HostAgentOptions(List<String> interfaces, URI server, String token, Optional<SSLContext> trust, String space,
                            Duration reportInterval, InetSocketAddress listen, ArpWatchConfig arp, String hostname) {
        this(interfaces, server, token, trust, space, reportInterval, listen, arp, hostname, null);
    }

    /** The same options, joining gossip with {@code g}. */
    public HostAgentOptions withGossip(io.ipkeeper.agent.gossip.AgentGossipOptions g) {
        return new HostAgentOptions(interfaces, server, token, trust, space, reportInterval, listen, arp, hostname, g);
    }

    public HostAgentOptions {
        interfaces = List.copyOf(Objects.requireNonNull(interfaces, "interfaces"));
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(arp, "arp");
    }

    /** Every problem with these options, worded for a person at the command line; empty when they are usable. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (interfaces.isEmpty()) {
            p.add("give at least one interface to watch with --interface (e.g. --interface eth0)");
        }
        if (server == null && gossip == null) {
            p.add("give the server's URL with --server or IPKEEPER_SERVER, or join gossip (--gossip-bind, --join) to"
                    + " find servers there");
        } else if (server != null && !"https".equals(server.getScheme()) && !"http".equals(server.getScheme())) {
            p.add("--server must be an http(s) URL such as https://ipam.example:8443, not '" + server + "'");
        }
        if (token == null || token.isBlank()) {
            p.add("give an agent token with --token or IPKEEPER_TOKEN (an admin creates one: ipkeeper token create"
                    + " --role agent --name HOST)");
        }
        if (reportInterval == null || reportInterval.toMillis() < 1000 || reportInterval.toSeconds() > 3600) {
            p.add("--report-interval must be 1s..1h, not " + reportInterval);
        }
        return p;
    }
}
