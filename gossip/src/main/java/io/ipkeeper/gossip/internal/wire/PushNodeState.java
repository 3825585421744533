package io.ipkeeper.gossip.internal.wire;

import java.util.Arrays;
import java.util.Objects;

/**
 * One node record of a push/pull exchange ({@code pushNodeState}); note the wire key is {@code Name} here.
 *
 * @param state 0 alive, 1 suspect, 2 dead, 3 left (Go int on the wire)
 */
public record PushNodeState(String name, byte[] addr, int port, byte[] meta, long incarnation, int state, byte[] vsn) {

    public static final int ALIVE = 0;
    public static final int SUSPECT = 1;
    public static final int DEAD = 2;
    public static final int LEFT = 3;

    public PushNodeState {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PushNodeState p && incarnation == p.incarnation && port == p.port && state == p.state
                && name.equals(p.name) && Arrays.equals(addr, p.addr) && Arrays.equals(meta, p.meta)
                && Arrays.equals(vsn, p.vsn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, incarnation, port, state, Arrays.hashCode(addr), Arrays.hashCode(meta), Arrays.hashCode(vsn));
    }

    @Override
    public String toString() {
        return "PushNodeState[name=" + name + ", incarnation=" + incarnation + ", state=" + state + ", addr="
                + Alive.hex(addr) + ", port=" + port + ", meta=" + Alive.hex(meta) + ", vsn=" + Alive.hex(vsn) + "]";
    }
}
