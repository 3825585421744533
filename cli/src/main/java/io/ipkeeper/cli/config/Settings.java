package io.ipkeeper.cli.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting ipkeeper knows. Later features add theirs here, so the config file, environment and flags stay one
 * mechanism and unknown keys in a file can be reported.
 */
public final class Settings {
    private Settings() {}

    /** Log output format. */
    public enum LogFormat {
        TEXT,
        JSON
    }

    /** Log verbosity. */
    public enum LogLevel {
        ERROR,
        WARN,
        INFO,
        DEBUG,
        TRACE
    }

    public static final Setting<LogFormat> LOG_FORMAT = new Setting<>("log.format", "--log-format", LogFormat.TEXT,
            Parsers.oneOf(LogFormat.class), "Log format on stderr: text (for people) or json (one object per line)");
    public static final Setting<LogLevel> LOG_LEVEL = new Setting<>("log.level", "--log-level", LogLevel.INFO,
            Parsers.oneOf(LogLevel.class), "Log level: error, warn, info, debug or trace");

    public static final Setting<String> SERVER_BIND = new Setting<>("server.bind", "--bind", "127.0.0.1",
            Parsers.bindAddress(), "Address the HTTP API listens on (0.0.0.0 for all IPv4 interfaces)");
    public static final Setting<Integer> SERVER_PORT = new Setting<>("server.port", "--port", 8080,
            Parsers.port(), "TCP port of the HTTP API (0 picks a free port)");
    public static final Setting<Path> SERVER_DATA_DIR = new Setting<>("server.data-dir", "--data-dir", Path.of("./data"),
            Parsers.path(), "Directory for the embedded H2 database and other local state");
    public static final Setting<Path> SERVER_TLS_CERT = new Setting<>("server.tls-cert", "--tls-cert", null,
            Parsers.file(), "PEM certificate chain (server certificate first, then intermediates): serve the API over"
                    + " HTTPS (TLS 1.2+); needs --tls-key. Unset: plain HTTP");
    public static final Setting<Path> SERVER_TLS_KEY = new Setting<>("server.tls-key", "--tls-key", null,
            Parsers.file(), "PEM private key of --tls-cert: unencrypted PKCS#8 ('BEGIN PRIVATE KEY'), RSA or EC");

    public static final Setting<String> DATABASE_URL = new Setting<>("database.url", "--database-url", null,
            Parsers.jdbcUrl(), "PostgreSQL JDBC URL; unset = embedded H2 database in the data directory");
    public static final Setting<String> DATABASE_USER = new Setting<>("database.user", "--database-user", null,
            Parsers.text(), "Database user, if not in the URL");
    public static final Setting<String> DATABASE_PASSWORD = new Setting<>("database.password", "--database-password", null,
            Parsers.text(), "Database password, if not in the URL (prefer the environment or file over this flag)");
    public static final Setting<Integer> DATABASE_POOL_SIZE = new Setting<>("database.pool-size", "--database-pool-size", 8,
            Parsers.intRange(2, 200), "Maximum pooled database connections (at least 2: migrations hold one connection"
                    + " for their lock and use a second)");

    public static final Setting<String> BOOTSTRAP_TOKEN = new Setting<>("bootstrap-token", "--bootstrap-token", null,
            Parsers.text(), "First admin API token, used only on first start when no token exists yet (at least 32"
                    + " characters; prefer the environment over the flag). Unset: one is generated and printed once");

    /** Output of the client commands ({@code ipkeeper space|subnet|range|ip|token …}). */
    public enum OutputFormat {
        TABLE,
        JSON
    }

    // The client's connection settings are top-level keys so that their environment variables are exactly
    // IPKEEPER_SERVER and IPKEEPER_TOKEN, the names the host agent uses too.
    public static final Setting<java.net.URI> CLIENT_SERVER = new Setting<>("server", "--server", null,
            Parsers.httpUrl(), "URL of the ipkeeper server, e.g. http://127.0.0.1:8080; unset: the one stored by"
                    + " 'ipkeeper login'");
    public static final Setting<String> CLIENT_TOKEN = new Setting<>("token", "--token", null,
            Parsers.text(), "API token (prefer the environment or 'ipkeeper login' over this flag: flags show in ps);"
                    + " unset: the one stored by 'ipkeeper login'");
    public static final Setting<Path> CLIENT_CREDENTIALS = new Setting<>("credentials", "--credentials", null,
            Parsers.file(), "Credentials file written by 'ipkeeper login'; unset: $XDG_CONFIG_HOME/ipkeeper/"
                    + "credentials.toml, else ~/.config/ipkeeper/credentials.toml");
    public static final Setting<Path> CLIENT_CA_FILE = new Setting<>("ca-file", "--ca-file", null,
            Parsers.file(), "PEM file of the CA certificates that sign an https server's certificate; unset: the"
                    + " system trust store");
    public static final Setting<OutputFormat> CLIENT_OUTPUT = new Setting<>("output", "--output", OutputFormat.TABLE,
            Parsers.oneOf(OutputFormat.class), "Output: table (aligned columns for people) or json (the API's JSON,"
                    + " stable for scripts)");

    public static final Setting<Boolean> METRICS_PUBLIC = new Setting<>("metrics.public", "--metrics-public", false,
            Parsers.bool(), "Serve /metrics without a token (default false: any API token, of any role, may scrape)");
    public static final Setting<Integer> METRICS_SUBNET_LIMIT = new Setting<>("metrics.subnet-limit",
            "--metrics-subnet-limit", 500, Parsers.intRange(0, 100_000),
            "Most leaf subnets (lowest ids first) with per-subnet gauges in /metrics; 0 turns them off");

    public static final Setting<List<String>> AGENT_INTERFACES = new Setting<>("agent.interfaces", "--interface", null,
            Parsers.names(), "Interface whose ARP traffic the agent watches; repeat the flag (or separate with commas)"
                    + " for several");
    public static final Setting<String> AGENT_SPACE = new Setting<>("agent.space", "--space", null, Parsers.text(),
            "Address space (name or id) of this host's networks; unset: the server's only space");
    public static final Setting<java.net.InetSocketAddress> AGENT_LISTEN = new Setting<>("agent.listen", "--listen",
            new java.net.InetSocketAddress("127.0.0.1", 9180), Parsers.hostPort(),
            "Where the agent serves /healthz and /metrics (host:port)");
    public static final Setting<java.time.Duration> AGENT_REPORT_INTERVAL = new Setting<>("agent.report-interval",
            "--report-interval", java.time.Duration.ofSeconds(10),
            Parsers.duration(java.time.Duration.ofSeconds(1), java.time.Duration.ofHours(1)),
            "Longest time between two reports (news is sent at once); the server calls the agent dead after three"
                    + " missed ones");

    public static final Setting<Duration> CONFLICTS_WINDOW = new Setting<>("conflicts.window", "--conflicts-window",
            Duration.ofHours(1), Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(7)),
            "Evidence older than this no longer counts: two MACs seen for one address within it are a duplicate");
    public static final Setting<Duration> CONFLICTS_STALE_AFTER = new Setting<>("conflicts.stale-after",
            "--conflicts-stale-after", Duration.ofDays(7), Parsers.duration(Duration.ofHours(1), Duration.ofDays(365)),
            "An allocated address that no covering agent has seen in use for this long is reported stale");
    public static final Setting<Duration> CONFLICTS_OBSERVATION_RETENTION = new Setting<>(
            "conflicts.observation-retention", "--conflicts-observation-retention", Duration.ofDays(30),
            Parsers.duration(Duration.ofHours(1), Duration.ofDays(3650)),
            "Observations older than this are deleted (at least the window and stale-after)");

    public static final Setting<java.net.InetSocketAddress> GOSSIP_BIND = new Setting<>("gossip.bind", "--gossip-bind",
            null, Parsers.hostPort(), "Join the gossip cluster of servers and agents on this address:port (UDP and TCP,"
                    + " e.g. 198.18.0.5:7946); unset: no gossip");
    public static final Setting<List<java.net.InetSocketAddress>> GOSSIP_JOIN = new Setting<>("gossip.join", "--join",
            null, Parsers.hostPorts(), "Gossip seeds to join through (host:port; repeat the flag or separate with commas)");
    public static final Setting<List<byte[]>> GOSSIP_KEYS = new Setting<>("gossip.keys", "--gossip-key", null,
            Parsers.base64Keys(), "Base64 AES key(s) that encrypt gossip (16, 24 or 32 bytes; the first encrypts, all"
                    + " decrypt); prefer the environment (IPKEEPER_GOSSIP_KEYS). Unset: gossip is plaintext (a warning"
                    + " is logged)");
    public static final Setting<String> GOSSIP_NAME = new Setting<>("gossip.name", "--gossip-name", null,
            Parsers.text(), "This node's unique gossip name; unset: the host name (a server: <host name>-server)");
    public static final Setting<String> GOSSIP_PROFILE = new Setting<>("gossip.profile", "--gossip-profile", "lan",
            Parsers.choice("lan", "wan", "local"), "Gossip timing: lan (default), wan, or local (failures seen in"
                    + " seconds; one machine or a lab)");
    public static final Setting<io.ipkeeper.gossip.AntiEntropy> GOSSIP_ANTI_ENTROPY = new Setting<>(
            "gossip.anti-entropy", "--gossip-anti-entropy", io.ipkeeper.gossip.AntiEntropy.MEMBERLIST, Parsers.oneOf(io.ipkeeper.gossip.AntiEntropy.class), "How missed updates"
                    + " are repaired: memberlist (default; full push/pull, works with Go memberlist and Serf) or digest"
                    + " (ipkeeper nodes compare view digests every second and exchange only what differs; Go peers keep"
                    + " getting push/pull)");
    public static final Setting<java.net.URI> GOSSIP_ADVERTISE_API = new Setting<>("gossip.advertise-api",
            "--gossip-advertise-api", null, Parsers.httpUrl(), "The API URL this server announces to agents (tag api);"
                    + " unset: from --bind (or, for a wildcard bind, the gossip address), --port and TLS");
    public static final Setting<List<java.net.URI>> AGENT_SERVER_ALLOW = new Setting<>("agent.server-allow",
            "--server-allow", null, Parsers.httpUrls(), "A server URL found through gossip that the agent may send its"
                    + " token to even without a --ca-file (repeatable); https servers verified by --ca-file need no entry");

    /** Settings whose flag may be repeated; the occurrences are joined with commas before parsing. */
    public static final java.util.Set<Setting<?>> REPEATABLE = java.util.Set.of(AGENT_INTERFACES, GOSSIP_JOIN, GOSSIP_KEYS,
            AGENT_SERVER_ALLOW);

    public static final Setting<io.ipkeeper.server.audit.Retention> AUDIT_RETENTION = new Setting<>("audit.retention",
            "--audit-retention", io.ipkeeper.server.audit.Retention.FOREVER, io.ipkeeper.server.audit.Retention::parse,
            "How long audit events are kept: forever, or an ISO-8601 duration such as P365D; older events are"
                    + " deleted in small batches by every server's maintenance round (every 30 s)");

    public static final Setting<Duration> SESSION_IDLE_TIMEOUT = new Setting<>("session.idle-timeout",
            "--session-idle-timeout", Duration.ofHours(1),
            Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(30)),
            "A browser session unused this long ends (e.g. 30m, 1h)");
    public static final Setting<Duration> SESSION_ABSOLUTE_TIMEOUT = new Setting<>("session.absolute-timeout",
            "--session-absolute-timeout", Duration.ofHours(12),
            Parsers.duration(Duration.ofMinutes(1), Duration.ofDays(30)),
            "A browser session ends this long after login, however busy (e.g. 12h)");
    public static final Setting<Boolean> SESSION_SECURE_COOKIE = new Setting<>("session.secure-cookie",
            "--session-secure-cookie", false, Parsers.bool(),
            "Mark the session cookie Secure (sent over HTTPS only); set it when the server or its proxy serves TLS");
    public static final Setting<Integer> LOGIN_MAX_FAILURES = new Setting<>("login.max-failures",
            "--login-max-failures", 5, Parsers.intRange(1, 1000),
            "Failed logins for one username before it is locked for login.lockout (doubling with each further failure)");
    public static final Setting<Integer> LOGIN_MAX_FAILURES_PER_IP = new Setting<>("login.max-failures-per-ip",
            "--login-max-failures-per-ip", 20, Parsers.intRange(1, 100_000),
            "Failed logins from one client address before it is locked (higher: people may share a NAT address)");
    public static final Setting<Duration> LOGIN_LOCKOUT = new Setting<>("login.lockout", "--login-lockout",
            Duration.ofMinutes(1), Parsers.duration(Duration.ofSeconds(1), Duration.ofHours(1)),
            "The first lock after too many failed logins; doubles per further failure, at most 1h");

    /** All settings, in the order {@code --help} and docs list them. */
    public static final List<Setting<?>> ALL = List.of(
            LOG_FORMAT, LOG_LEVEL,
            SERVER_BIND, SERVER_PORT, SERVER_DATA_DIR, BOOTSTRAP_TOKEN, SERVER_TLS_CERT, SERVER_TLS_KEY,
            DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, METRICS_PUBLIC, METRICS_SUBNET_LIMIT,
            CLIENT_SERVER, CLIENT_TOKEN, CLIENT_CREDENTIALS, CLIENT_CA_FILE, CLIENT_OUTPUT,
            AUDIT_RETENTION, SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_TIMEOUT, SESSION_SECURE_COOKIE, LOGIN_MAX_FAILURES,
            LOGIN_MAX_FAILURES_PER_IP, LOGIN_LOCKOUT, CONFLICTS_WINDOW, CONFLICTS_STALE_AFTER,
            CONFLICTS_OBSERVATION_RETENTION, AGENT_INTERFACES, AGENT_SPACE, AGENT_LISTEN, AGENT_REPORT_INTERVAL,
            GOSSIP_BIND, GOSSIP_JOIN, GOSSIP_KEYS, GOSSIP_NAME, GOSSIP_PROFILE, GOSSIP_ANTI_ENTROPY, GOSSIP_ADVERTISE_API,
            AGENT_SERVER_ALLOW);

    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
