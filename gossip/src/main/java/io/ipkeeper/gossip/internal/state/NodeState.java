package io.ipkeeper.gossip.internal.state;

import java.util.Arrays;

/**
 * One entry of the node table: what we believe about one node. Mutable, owned by {@link Membership}'s thread.
 *
 * <p>Kept small on purpose (the simulator holds 10^8 of these): byte arrays are <b>shared, never copied</b> (they come
 * from wire records, which are immutable by contract), the incarnation is packed into an int (uint32), and the name is
 * whatever String the caller passed (intern/canonicalise names upstream to share them between tables). With
 * compressed oops this object is 48 bytes; see {@code docs/benchmarks.md} for the measured cost per table entry.
 */
public final class NodeState {
    private final String name;
    private byte[] addr;
    private int port;
    private byte[] meta;
    private byte[] vsn;
    private int incarnation;
    private NodeStatus status;
    private long stateChangeNanos;

    NodeState(String name, byte[] addr, int port, byte[] meta, byte[] vsn, long incarnation, NodeStatus status,
            long stateChangeNanos) {
        this.name = name;
        this.addr = addr;
        this.port = port;
        this.meta = meta;
        this.vsn = vsn;
        this.incarnation = Incarnation.pack(incarnation);
        this.status = status;
        this.stateChangeNanos = stateChangeNanos;
    }

    public String name() {
        return name;
    }

    public byte[] addr() {
        return addr;
    }

    public int port() {
        return port;
    }

    public byte[] meta() {
        return meta;
    }

    /** [PMin, PMax, PCur, DMin, DMax, DCur], or null if never learnt. */
    public byte[] vsn() {
        return vsn;
    }

    public long incarnation() {
        return Incarnation.unpack(incarnation);
    }

    public NodeStatus status() {
        return status;
    }

    public long stateChangeNanos() {
        return stateChangeNanos;
    }

    boolean sameAddress(byte[] otherAddr, int otherPort) {
        return port == otherPort && Arrays.equals(addr, otherAddr);
    }

    void setAddress(byte[] addr, int port) {
        this.addr = addr;
        this.port = port;
    }

    void setMeta(byte[] meta) {
        this.meta = meta;
    }

    void setVsn(byte[] vsn) {
        this.vsn = vsn;
    }

    void setIncarnation(long incarnation) {
        this.incarnation = Incarnation.pack(incarnation);
    }

    void setStatus(NodeStatus status, long nowNanos) {
        this.status = status;
        this.stateChangeNanos = nowNanos;
    }

    NodeSnapshot snapshot() {
        return new NodeSnapshot(name, addr, port, meta, vsn, incarnation(), status, stateChangeNanos);
    }

    @Override
    public String toString() {
        return name + "@" + incarnation() + ":" + status;
    }
}
