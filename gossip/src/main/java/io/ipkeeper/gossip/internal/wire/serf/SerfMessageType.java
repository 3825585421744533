package io.ipkeeper.gossip.internal.wire.serf;

/** Serf's message types: the first byte of a memberlist user message ({@code serf/messages.go}). */
public enum SerfMessageType {
    LEAVE(0, "leave"),
    JOIN(1, "join"),
    PUSH_PULL(2, "pushPull"),
    USER_EVENT(3, "userEvent"),
    QUERY(4, "query"),
    QUERY_RESPONSE(5, "queryResponse"),
    CONFLICT_RESPONSE(6, "conflictResponse"),
    KEY_REQUEST(7, "keyRequest"),
    KEY_RESPONSE(8, "keyResponse"),
    RELAY(9, "relay");

    private final int code;
    private final String wireName;

    SerfMessageType(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    public static SerfMessageType ofCode(int code) {
        SerfMessageType[] all = values();
        return code >= 0 && code < all.length ? all[code] : null;
    }
}
