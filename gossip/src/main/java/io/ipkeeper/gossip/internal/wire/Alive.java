package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * memberlist {@code alive} (type 4): node {@code node} is alive at {@code incarnation}, reachable at addr:port.
 *
 * <p>Byte arrays are never mutated after construction (callers must not mutate them either); equality is by content.
 *
 * @param incarnation uint32 on the wire, held as a non-negative long
 * @param addr 4 (IPv4) or 16 (IPv6) raw address bytes
 * @param meta node metadata (≤ 512 bytes), or null when the node has none (encoded as msgpack nil)
 * @param vsn [PMin, PMax, PCur, DMin, DMax, DCur], usually 6 bytes; may be null/short from old peers
 */
public record Alive(long incarnation, String node, byte[] addr, int port, byte[] meta, byte[] vsn) implements Message {

    @Override
    public MessageType type() {
        return MessageType.ALIVE;
    }

    public Alive {
        Objects.requireNonNull(node, "node");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alive a && incarnation == a.incarnation && port == a.port && node.equals(a.node)
                && Arrays.equals(addr, a.addr) && Arrays.equals(meta, a.meta) && Arrays.equals(vsn, a.vsn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(incarnation, node, port, Arrays.hashCode(addr), Arrays.hashCode(meta), Arrays.hashCode(vsn));
    }

    @Override
    public String toString() {
        return "Alive[node=" + node + ", incarnation=" + incarnation + ", addr=" + hex(addr) + ", port=" + port
                + ", meta=" + hex(meta) + ", vsn=" + hex(vsn) + "]";
    }

    static String hex(byte[] b) {
        return b == null ? "nil" : HexFormat.of().formatHex(b);
    }
}
