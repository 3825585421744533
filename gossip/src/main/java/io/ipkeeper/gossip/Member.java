package io.ipkeeper.gossip;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One member as this node sees it at one moment: an immutable snapshot.
 *
 * @param name unique node name
 * @param address the address it gossips from (UDP and TCP)
 * @param port its gossip port
 * @param meta node meta data (at most 512 bytes; empty when it has none); do not mutate
 * @param state alive, suspect, dead (failed) or left (graceful)
 * @param incarnation its incarnation number (raised by the node itself to refute suspicion)
 * @param versions the protocol and delegate versions it announces ({@code Vsn}); all zero when unknown
 */
public record Member(String name, InetAddress address, int port, byte[] meta, MemberState state, long incarnation,
        Versions versions) {

    /** memberlist's {@code Vsn}: protocol min/max/current and delegate min/max/current. */
    public record Versions(int protocolMin, int protocolMax, int protocolCurrent, int delegateMin, int delegateMax,
            int delegateCurrent) {
        public static final Versions UNKNOWN = new Versions(0, 0, 0, 0, 0, 0);
    }

    public Member {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        meta = meta == null ? new byte[0] : meta;
        versions = versions == null ? Versions.UNKNOWN : versions;
    }

    /** {@code address:port}. */
    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Member m && name.equals(m.name) && Objects.equals(address, m.address) && port == m.port
                && Arrays.equals(meta, m.meta) && state == m.state && incarnation == m.incarnation
                && versions.equals(m.versions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, address, port, state, incarnation);
    }

    @Override
    public String toString() {
        return "Member[" + name + " " + (address == null ? "?" : address.getHostAddress()) + ":" + port + " " + state
                + " inc=" + incarnation + "]";
    }
}
