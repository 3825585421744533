package io.ipkeeper.agent.gossip;

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
 */
public record AgentGossipOptions(String name, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                                 String profile, List<URI> serverAllow) {
    public AgentGossipOptions {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bind, "bind");
        if (bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()) {
            // The bind address is also the one advertised to the other members: a wildcard would tell them nothing.
            throw new IllegalArgumentException("gossip.bind must be an address the others can reach, such as"
                    + " 198.18.0.5:7946, not " + bind);
        }
        join = List.copyOf(join);
        keys = List.copyOf(keys);
        serverAllow = List.copyOf(serverAllow);
        if (!List.of("lan", "wan", "local").contains(profile)) {
            throw new IllegalArgumentException("profile must be lan, wan or local, not " + profile);
        }
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "AgentGossipOptions[name=" + name + ", bind=" + bind + ", join=" + join + ", keys=" + keys.size()
                + ", profile=" + profile + ", serverAllow=" + serverAllow + "]";
    }
}
