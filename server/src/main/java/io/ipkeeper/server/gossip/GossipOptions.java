package io.ipkeeper.server.gossip;

import io.ipkeeper.gossip.AntiEntropy;
import io.ipkeeper.gossip.GossipProfiles;
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
 * @param antiEntropy {@code memberlist} push/pull (default) or ipkeeper's {@code digest} rounds (docs/gossip.md)
 */
public record GossipOptions(String nodeName, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                            URI advertiseApi, String profile, AntiEntropy antiEntropy) {
    public GossipOptions {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(bind, "bind");
        GossipProfiles.requireAdvertisable(bind);
        join = List.copyOf(join);
        keys = GossipProfiles.requireKeys(keys);
        GossipProfiles.requireProfile(profile);
        Objects.requireNonNull(antiEntropy, "antiEntropy");
    }

    /** With memberlist's push/pull anti-entropy. */
    public GossipOptions(String nodeName, InetSocketAddress bind, List<InetSocketAddress> join, List<byte[]> keys,
                         URI advertiseApi, String profile) {
        this(nodeName, bind, join, keys, advertiseApi, profile, AntiEntropy.MEMBERLIST);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "GossipOptions[name=" + nodeName + ", bind=" + bind + ", join=" + join + ", keys=" + keys.size()
                + ", advertiseApi=" + advertiseApi + ", profile=" + profile + ", antiEntropy=" + antiEntropy.label() + "]";
    }
}
