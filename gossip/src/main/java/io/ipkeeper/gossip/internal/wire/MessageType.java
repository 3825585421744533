package io.ipkeeper.gossip.internal.wire;

/** memberlist message type bytes ({@code net.go}); the list may only be appended to. */
public enum MessageType {
    PING(0, "ping"),
    INDIRECT_PING(1, "indirectPing"),
    ACK(2, "ackResp"),
    SUSPECT(3, "suspect"),
    ALIVE(4, "alive"),
    DEAD(5, "dead"),
    PUSH_PULL(6, "pushPull"),
    COMPOUND(7, "compound"),
    USER(8, "user"),
    COMPRESS(9, "compress"),
    ENCRYPT(10, "encrypt"),
    NACK(11, "nackResp"),
    HAS_CRC(12, "hasCrc"),
    ERR(13, "err"),
    /** ipkeeper extensions, sent only to nodes that announce them ({@link Capabilities}); memberlist never uses 96–98. */
    DIGEST_REQUEST(96, "digestRequest"),
    DIGEST_REPLY(97, "digestReply"),
    DIGEST_RECORDS(98, "digestRecords"),
    /** Label prefix of memberlist ≥ 0.3.0; chosen so it cannot be a type or an encryption version. */
    HAS_LABEL(244, "hasLabel");

    private static final MessageType[] BY_CODE = new MessageType[256];

    static {
        for (MessageType t : values()) {
            BY_CODE[t.code] = t;
        }
    }

    private final int code;
    private final String wireName;

    MessageType(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    /** The name used by memberlist's source and by our JSON rendering. */
    public String wireName() {
        return wireName;
    }

    /** The type for a byte, or null when memberlist does not know it. */
    public static MessageType ofCode(int code) {
        return code >= 0 && code < 256 ? BY_CODE[code] : null;
    }
}
