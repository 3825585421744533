package io.ipkeeper.server.gossip;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How a server joins the gossip cluster of agents and servers (docs/agent.md, "Gossip").
 *
 * @param nodeName this server's unique name in the cluster
 * @param bind the UDP+TCP address and port gossip listens on (and advertises)
 * @param join seeds to join through; empty to start a cluster others join
 * @param keys AES keys (16, 24 or 32 bytes), the first encrypts; empty = plaintext gossip (a warning is logged)
 * @param advertiseApi the API URL announced in the {@code api} tag; null = derived from the HTTP bind, port and TLS
 * @param profile timing preset: {@code lan} (production), {@code wan} or {@code local} (tests: failures in seconds)
 */
public record GossipOptions(String nodeName, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                            URI advertiseApi, String profile) {
    public GossipOptions {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bind, "bind");
        if (bind.getAddress() == null || bind.getAddress().isAnyLocalAddress()) {
            // The bind address is also the one advertised to the other members: a wildcard would tell them nothing.
            throw new IllegalArgumentException("gossip.bind must be an address the others can reach, such as"
                    + " 198.18.0.5:7946, not " + bind);
        }
        join = List.copyOf(join);
        keys = List.copyOf(keys);
        if (!List.of("lan", "wan", "local").contains(profile)) {
            throw new IllegalArgumentException("profile must be lan, wan or local, not " + profile);
        }
        for (byte[] k : keys) {
            if (k.length != 16 && k.length != 24 && k.length != 32) {
                throw new IllegalArgumentException("a gossip key must be 16, 24 or 32 bytes, not " + k.length);
            }
        }
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "GossipOptions[name=" + nodeName + ", bind=" + bind + ", join=" + join + ", keys=" + keys.size()
                + ", advertiseApi=" + advertiseApi + ", profile=" + profile + "]";
    }
}
