package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.Rows;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Webhook subscriptions: create (with a supplied or generated secret), list, delete. Changes are audited. */
public final class Subscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, url, event_types, description, created_by, created_at,"
            + " (SELECT COUNT(*) FROM webhook_delivery d WHERE d.subscription_id = webhook_subscription.id) AS pending";

    private final Jdbi jdbi;
    private final InstantSource clock;

    Subscriptions(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A new subscription and its secret (shown to the caller this once). */
    public record Created(Subscription subscription, String secret) {}

    /**
     * Validates everything before writing anything.
     *
     * @param secret the signing secret, or null to generate one
     */
    public Created create(String actor, String url, List<String> events, String secret, String description) {
        String target = validUrl(url);
        Set<EventType> types = validEvents(events);
        if (secret != null && (secret.length() < 16 || secret.length() > 200 || secret.isBlank())) {
            throw new InvalidRequest("'secret' must be 16..200 characters (or left out to have one generated)");
        }
        if (description != null && description.length() > 500) {
            throw new InvalidRequest("'description' must be at most 500 characters");
        }
        String key = secret != null ? secret : generateSecret();
        String joined = "," + String.join(",", types.stream().map(EventType::label).toList()) + ",";
        Instant now = clock.instant();
        Subscription s = jdbi.inTransaction(h -> {
            long id = h.createUpdate("INSERT INTO webhook_subscription (url, event_types, secret, description, created_by,"
                            + " created_at) VALUES (:u, :e, :s, :d, :by, :at)")
                    .bind("u", target).bind("e", joined).bind("s", key).bind("d", description).bind("by", actor)
                    .bind("at", Rows.ts(now)).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            Subscription created = find(h, id);
            AuditLog.record(h, now, actor, "webhook.create", "webhook_subscription", id, null, null, created.view());
            return created;
        });
        return new Created(s, key);
    }

    public List<Subscription> list() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY id")
                .map((rs, ctx) -> map(rs)).list());
    }

    /** Deletes the subscription and its undelivered events. */
    public Subscription delete(String actor, long id) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subscription s = find(h, id);
            h.createUpdate("DELETE FROM webhook_delivery WHERE subscription_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM webhook_subscription WHERE id = :id").bind("id", id).execute();
            AuditLog.record(h, now, actor, "webhook.delete", "webhook_subscription", id, null, s.view(), null);
            return s;
        });
    }

    private static Subscription find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne()
                .orElseThrow(() -> new NotFound("webhook subscription " + id + " does not exist"));
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        List<EventType> events = Arrays.stream(rs.getString("event_types").split(",")).filter(s -> !s.isEmpty())
                .map(s -> EventType.ofLabel(s).orElseThrow()).toList();
        return new Subscription(rs.getLong("id"), rs.getString("url"), events, rs.getString("description"),
                rs.getLong("pending"), rs.getString("created_by"), Rows.instant(rs, "created_at"));
    }

    private static String validUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequest("'url' is required: the http(s) URL the events are POSTed to");
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || url.strip().length() > 2000) {
                throw new InvalidRequest("'url' must be an absolute http or https URL of at most 2000 characters, not '"
                        + url + "'");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw new InvalidRequest("'url' is not a valid URL: " + e.getMessage());
        }
    }

    private static Set<EventType> validEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidRequest("'events' must list at least one event type: " + EventType.labels());
        }
        Set<EventType> out = new LinkedHashSet<>();
        for (String e : events) {
            out.add(EventType.ofLabel(e == null ? "" : e.strip()).orElseThrow(() -> new InvalidRequest(
                    "unknown event type '" + e + "' in 'events'; known: " + EventType.labels())));
        }
        return out;
    }

    private static String generateSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
