package io.ipkeeper.gossip.internal.wire.json;

import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.WireFormatException;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.util.Map;

/** Raw bytes → decoded JSON text, for tools such as {@code ipkeeper gossip decode}. */
public final class WireDecoder {
    private WireDecoder() {
    }

    /**
     * Decodes one UDP packet ({@code tcp} false) or one direction of a TCP stream ({@code tcp} true).
     *
     * @throws WireFormatException naming the layer and byte offset when the bytes are not a valid frame
     */
    public static Map<String, Object> decode(byte[] bytes, boolean tcp, WireOptions options) {
        return tcp ? WireJson.stream(StreamCodec.decodeStream(bytes, options))
                : WireJson.packet(PacketCodec.decodePacket(bytes, options));
    }

    public static String decodeToJson(byte[] bytes, boolean tcp, WireOptions options) {
        return JsonWriter.write(decode(bytes, tcp, options));
    }
}
