package io.ipkeeper.server.api;

import io.ipkeeper.ipam.model.Allocation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Weak ETags of allocations: a hash of every field a change can touch, so any change (a PATCH, a release, an expiry)
 * gives a new tag and {@code If-Match} with an old one fails with 412.
 */
public final class ETags {
    private ETags() {}

    public static String of(Allocation a) {
        String canonical = String.join("\u001f", String.valueOf(a.id()), a.state().label(), String.valueOf(a.owner()),
                String.valueOf(a.hostname()), String.valueOf(a.mac()), String.valueOf(a.purpose()),
                String.valueOf(a.description()), String.valueOf(a.expiresAt()), String.valueOf(a.releasedAt()),
                String.valueOf(a.quarantineUntil()));
        return hash(canonical);
    }

    /**
     * The tag of a space, subnet or range: a hash of the record's text, which names every component, so any change of
     * any attribute gives a new tag.
     */
    public static String ofRecord(Record r) {
        return hash(r.toString());
    }

    /**
     * Throws 412 (with the current tag) unless {@code ifMatch} is absent or matches {@code current}'s tag; called under
     * the row lock, so comparing and writing are one step and of two clients that read one version only the first wins.
     */
    public static void require(String ifMatch, Record current, String what) {
        String etag = ofRecord(current);
        if (ifMatch != null && !matches(ifMatch, etag)) {
            throw ApiProblem.of(412, "precondition-failed", "Precondition failed", what + " changed since you read it"
                    + " (If-Match " + ifMatch.strip() + ", now " + etag + "); GET it again, reapply your change and retry",
                    java.util.Map.of("currentEtag", etag));
        }
    }

    private static String hash(String canonical) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-Match} header value (one tag, a list, or {@code *}) matches; weak comparison. */
    public static boolean matches(String ifMatch, String etag) {
        if (ifMatch.strip().equals("*")) {
            return true;
        }
        String want = opaque(etag);
        return Arrays.stream(ifMatch.split(",")).map(ETags::opaque).anyMatch(want::equals);
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.startsWith("W/") ? t.substring(2) : t;
    }
}
