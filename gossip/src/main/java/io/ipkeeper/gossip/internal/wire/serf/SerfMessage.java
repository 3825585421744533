package io.ipkeeper.gossip.internal.wire.serf;

/** A Serf message carried in a memberlist user message: {@code serfType | msgpack}. */
public sealed interface SerfMessage permits SerfLeave, SerfJoin, SerfPushPull, SerfUserEvent, SerfQuery,
        SerfQueryResponse, SerfConflictResponse, SerfKeyRequest, SerfKeyResponse, SerfRelay {
    SerfMessageType type();
}
