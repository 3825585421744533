package io.ipkeeper.server;

import io.ipkeeper.server.audit.Retention;
import io.ipkeeper.server.auth.AuthOptions;
import io.ipkeeper.server.metrics.MetricsOptions;
import io.ipkeeper.server.conflicts.ConflictOptions;
import io.ipkeeper.server.tls.TlsOptions;
import io.ipkeeper.server.webhooks.WebhookOptions;
import java.util.Objects;

/**
 * What the server needs to start. Built and validated by the CLI's configuration layer (file, environment, flags);
 * this record only guards against programming errors.
 *
 * @param bind address to listen on (e.g. {@code 127.0.0.1}, {@code 0.0.0.0})
 * @param port TCP port, or 0 for any free port (tests)
 * @param databaseUrl JDBC URL of the database of record (H2 file or PostgreSQL)
 * @param databaseUser may be null when the URL carries it
 * @param databasePassword may be null when the URL carries it
 * @param databasePoolSize maximum pooled connections
 * @param bootstrapToken the secret of the first admin token ({@code IPKEEPER_BOOTSTRAP_TOKEN}), or null to generate
 *     one on first start; ignored once any server has bootstrapped the database
 * @param metrics who may scrape {@code /metrics} and the per-subnet gauge cap
 * @param webhooks webhook delivery timing (defaults: retry after 5 s, doubling to 10 min)
 * @param auditRetention how long audit events are kept
 * @param conflicts the conflict engine's window, stale threshold and observation retention
 * @param tls serve HTTPS with this certificate and key, or null for plain HTTP
 * @param auth session timeouts, the session cookie's Secure flag and login throttling
 * @param gossip join the agents' gossip cluster (membership liveness, conflict broadcasts), or null for no gossip
 */
public record ServerOptions(
        String bind, int port, String databaseUrl, String databaseUser, String databasePassword, int databasePoolSize,
        String bootstrapToken, MetricsOptions metrics, WebhookOptions webhooks, Retention auditRetention,
        ConflictOptions conflicts, TlsOptions tls, AuthOptions auth,
        io.ipkeeper.server.gossip.GossipOptions gossip) {

    public ServerOptions {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(auditRetention, "auditRetention");
        Objects.requireNonNull(conflicts, "conflicts");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        if (databasePoolSize < 1) {
            throw new IllegalArgumentException("databasePoolSize must be at least 1, got " + databasePoolSize);
        }
    }

    /** Without a bootstrap token: the first start generates one. */
    public ServerOptions(String bind, int port, String databaseUrl, String databaseUser, String databasePassword,
                         int databasePoolSize) {
        this(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize, null, MetricsOptions.defaults(),
                WebhookOptions.defaults(), Retention.FOREVER, ConflictOptions.defaults(), null, AuthOptions.defaults(), null);
    }

    public ServerOptions withBootstrapToken(String token) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize, token,
                metrics, webhooks, auditRetention, conflicts, tls, auth, gossip);
    }

    public ServerOptions withMetrics(MetricsOptions m) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, m, webhooks, auditRetention, conflicts, tls, auth, gossip);
    }

    public ServerOptions withWebhooks(WebhookOptions w) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, w, auditRetention, conflicts, tls, auth, gossip);
    }

    /** How long audit events are kept (default {@link Retention#FOREVER}). */
    public ServerOptions withAuditRetention(Retention r) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, webhooks, r, conflicts, tls, auth, gossip);
    }

    /** The conflict engine's settings (default {@link ConflictOptions#defaults()}). */
    public ServerOptions withConflicts(ConflictOptions c) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, webhooks, auditRetention, c, tls, auth, gossip);
    }

    /** With HTTPS on the API port (null: plain HTTP). */
    public ServerOptions withTls(TlsOptions t) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, webhooks, auditRetention, conflicts, t, auth, gossip);
    }

    /** Session and login settings (default {@link AuthOptions#defaults()}). */
    public ServerOptions withAuth(AuthOptions a) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, webhooks, auditRetention, conflicts, tls, a, gossip);
    }

    /** Joins gossip with these options (null: no gossip). */
    public ServerOptions withGossip(io.ipkeeper.server.gossip.GossipOptions g) {
        return new ServerOptions(bind, port, databaseUrl, databaseUser, databasePassword, databasePoolSize,
                bootstrapToken, metrics, webhooks, auditRetention, conflicts, tls, auth, g);
    }

    /** Whether the API is served over HTTPS: then cookies the server sets carry {@code Secure}. */
    public boolean tlsEnabled() {
        return tls != null;
    }

    /** Never prints the bootstrap token. */
    @Override
    public String toString() {
        return "ServerOptions[bind=" + bind + ", port=" + port + ", databaseUrl=" + databaseUrl + ", poolSize="
                + databasePoolSize + ", bootstrapToken=" + (bootstrapToken == null ? "unset" : "set") + ", metrics="
                + metrics + ", webhooks=" + webhooks + ", auditRetention=" + auditRetention + ", conflicts=" + conflicts
                + ", tls=" + (tls == null ? "off" : tls.certificateFile()) + ", auth=" + auth + ", gossip=" + (gossip == null ? "off" : gossip) + "]";
    }
}
