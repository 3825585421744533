package io.ipkeeper.gossip.internal.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The captured memberlist/Serf frames under {@code src/test/resources/vectors}. */
public final class Vectors {
    /** The key the encrypted vectors were captured with: bytes 00..0f. */
    public static final String TEST_KEY_BASE64 = "AAECAwQFBgcICQoLDA0ODw==";
    public static final byte[] TEST_KEY = Base64.getDecoder().decode(TEST_KEY_BASE64);

    public static final List<String> NAMES = List.of(
            "go-tcp-ack-response-to-tcp-ping", "go-tcp-encrypted-pushpull-join-request",
            "go-tcp-pushpull-join-request", "go-tcp-pushpull-join-response", "go-udp-ack",
            "go-udp-compound-ping-suspect", "go-udp-crc-compound-ping-suspect-to-suspect",
            "go-udp-crc-compress-compound-alive", "go-udp-crc-dead", "go-udp-crc-suspect",
            "go-udp-encrypted-crc-compress-compound-alive", "go-udp-encrypted-ping", "go-udp-indirect-ping",
            "go-udp-nack", "go-udp-ping", "serf-tcp-pushpull-join-response", "serf-udp-compound-ping-leave-intent",
            "serf-udp-compressed-ack-with-coordinate", "serf-udp-crc-alive-with-tags", "serf-udp-crc-join-intent",
            "serf-udp-crc-leave-intent", "serf-udp-crc-user-event", "synthetic-tcp-ping-request");

    private Vectors() {
    }

    public static byte[] bytes(String name) {
        return HexFormat.of().parseHex(text(name + ".hex").strip());
    }

    public static String json(String name) {
        return text(name + ".json");
    }

    public static boolean isTcp(String name) {
        return name.contains("-tcp-");
    }

    public static boolean isEncrypted(String name) {
        return name.contains("-encrypted-");
    }

    public static WireOptions options(String name) {
        return isEncrypted(name) ? WireOptions.plain().withKeyring(Keyring.of(TEST_KEY)) : WireOptions.plain();
    }

    public static List<byte[]> all() {
        List<byte[]> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(bytes(n));
        }
        return out;
    }

    private static String text(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /vectors/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
