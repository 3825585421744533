package io.ipkeeper.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Ipkeeper-Signature} of a delivery: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with the
 * subscription's secret, of the {@code X-Ipkeeper-Timestamp} value, a dot, and the raw body. Signing the timestamp
 * lets receivers refuse replays of old deliveries.
 */
public final class WebhookSignature {
    private WebhookSignature() {}

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
