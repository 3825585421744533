package io.ipkeeper.gossip.internal.wire.serf;

import java.util.List;
import java.util.Objects;

/**
 * Serf key response (type 8): a node's answer to a key-management query.
 *
 * @param keys base64 keys (list-keys), null when Go sent nil
 * @param primaryKey only sent by newer Serf versions; null when absent
 */
public record SerfKeyResponse(boolean result, String message, List<String> keys, String primaryKey)
        implements SerfMessage {
    public SerfKeyResponse {
        message = Objects.requireNonNullElse(message, "");
        keys = keys == null ? null : List.copyOf(keys);
    }

    @Override
    public SerfMessageType type() {
        return SerfMessageType.KEY_RESPONSE;
    }
}
