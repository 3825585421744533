package io.ipkeeper.gossip.internal.state;

/** memberlist's node states; {@link #wireCode()} is the {@code State} int of a push/pull record. */
public enum NodeStatus {
    ALIVE(0),
    SUSPECT(1),
    DEAD(2),
    LEFT(3);

    private static final NodeStatus[] BY_CODE = values();

    private final int wireCode;

    NodeStatus(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    /** Dead and left are the terminal states: only a strictly newer alive (or an address reclaim) leaves them. */
    public boolean isDeadOrLeft() {
        return this == DEAD || this == LEFT;
    }

    /** The state for a push/pull {@code State} value, or null for a value memberlist does not define (ignored). */
    public static NodeStatus fromWireCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
