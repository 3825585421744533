package io.ipkeeper.agent.gossip;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.gossip.GossipProfiles;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How the agent joins gossip.
 *
 * @param name the agent's gossip name (unique; by default its host name, which the server matches against the agent's
 *     name or the hostname it reports)
 * @param bind UDP+TCP address and port to gossip on (advertised to the others)
 * @param join seeds (servers or other agents)
 * @param keys AES keys, the first encrypts; empty = plaintext (a warning is logged)
 * @param profile {@code lan}, {@code wan} or {@code local}
 * @param serverAllow server API URLs found through gossip that may get the token even without a configured CA
 * @param antiEntropy {@code memberlist} push/pull (default) or ipkeeper's {@code digest} rounds (docs/gossip.md)
 */
public record AgentGossipOptions(String name, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                                 String profile, List<URI> serverAllow, AntiEntropy antiEntropy) {
    public AgentGossipOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bind, "bind");
        GossipProfiles.requireAdvertisable(bind);
        join = List.copyOf(join);
        keys = GossipProfiles.requireKeys(keys);
        serverAllow = List.copyOf(serverAllow);
        GossipProfiles.requireProfile(profile);
        Objects.requireNonNull(antiEntropy, "antiEntropy");
    }

    /** With memberlist's push/pull anti-entropy. */
    public AgentGossipOptions(String name, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                              String profile, List<URI> serverAllow) {
        this(name, bind, join, keys, profile, serverAllow, AntiEntropy.MEMBERLIST);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "AgentGossipOptions[name=" + name + ", bind=" + bind + ", join=" + join + ", keys=" + keys.size()
                + ", profile=" + profile + ", serverAllow=" + serverAllow + ", antiEntropy=" + antiEntropy.label()
                + "]";
    }
}
