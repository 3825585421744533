package io.ipkeeper.gossip.serf;

import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;

/**
 * One member as the Serf layer sees it: memberlist's identity plus decoded tags and Serf's status.
 *
 * @param tags the member's tags (meta without Serf's {@code 0xFF} magic reads as the single tag {@code role})
 */
public record SerfMember(String name, InetAddress address, int port, Map<String, String> tags, MemberStatus status) {
    public SerfMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        tags = Map.copyOf(tags);
    }
}
