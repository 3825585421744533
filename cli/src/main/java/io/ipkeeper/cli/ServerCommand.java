package io.ipkeeper.cli;

import static io.ipkeeper.cli.config.Settings.AUDIT_RETENTION;
import static io.ipkeeper.cli.config.Settings.CONFLICTS_OBSERVATION_RETENTION;
import static io.ipkeeper.cli.config.Settings.CONFLICTS_STALE_AFTER;
import static io.ipkeeper.cli.config.Settings.CONFLICTS_WINDOW;
import static io.ipkeeper.cli.config.Settings.BOOTSTRAP_TOKEN;
import static io.ipkeeper.cli.config.Settings.DATABASE_PASSWORD;
import static io.ipkeeper.cli.config.Settings.DATABASE_POOL_SIZE;
import static io.ipkeeper.cli.config.Settings.DATABASE_URL;
import static io.ipkeeper.cli.config.Settings.DATABASE_USER;
import static io.ipkeeper.cli.config.Settings.GOSSIP_ADVERTISE_API;
import static io.ipkeeper.cli.config.Settings.GOSSIP_BIND;
import static io.ipkeeper.cli.config.Settings.GOSSIP_JOIN;
import static io.ipkeeper.cli.config.Settings.GOSSIP_KEYS;
import static io.ipkeeper.cli.config.Settings.GOSSIP_NAME;
import static io.ipkeeper.cli.config.Settings.GOSSIP_PROFILE;
import static io.ipkeeper.cli.config.Settings.GOSSIP_ANTI_ENTROPY;
import static io.ipkeeper.cli.config.Settings.LOGIN_LOCKOUT;
import static io.ipkeeper.cli.config.Settings.LOGIN_MAX_FAILURES;
import static io.ipkeeper.cli.config.Settings.LOGIN_MAX_FAILURES_PER_IP;
import static io.ipkeeper.cli.config.Settings.METRICS_PUBLIC;
import static io.ipkeeper.cli.config.Settings.METRICS_SUBNET_LIMIT;
import static io.ipkeeper.cli.config.Settings.SERVER_BIND;
import static io.ipkeeper.cli.config.Settings.SERVER_DATA_DIR;
import static io.ipkeeper.cli.config.Settings.SERVER_PORT;
import static io.ipkeeper.cli.config.Settings.SERVER_TLS_CERT;
import static io.ipkeeper.cli.config.Settings.SERVER_TLS_KEY;
import static io.ipkeeper.cli.config.Settings.SESSION_ABSOLUTE_TIMEOUT;
import static io.ipkeeper.cli.config.Settings.SESSION_IDLE_TIMEOUT;
import static io.ipkeeper.cli.config.Settings.SESSION_SECURE_COOKIE;

import io.ipkeeper.cli.config.Config;
import io.ipkeeper.cli.config.Setting;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.db.DatabaseException;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.server.ServerStartException;
import io.ipkeeper.server.conflicts.ConflictOptions;
import io.ipkeeper.server.auth.AuthOptions;
import io.ipkeeper.server.metrics.MetricsOptions;
import io.ipkeeper.server.tls.TlsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

/** {@code ipkeeper server}: runs the server until Ctrl-C (SIGINT) or SIGTERM, then shuts down cleanly. */
@Command(name = "server", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the ipkeeper server: REST API on the embedded H2 database (default) or PostgreSQL.",
                "Prints the URL it listens on; Ctrl-C stops it cleanly."})
public final class ServerCommand extends ConfiguredCommand {

    @Override
    protected List<Setting<?>> settings() {
        return List.of(SERVER_BIND, SERVER_PORT, SERVER_DATA_DIR, BOOTSTRAP_TOKEN,
                DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, DATABASE_POOL_SIZE, METRICS_PUBLIC, METRICS_SUBNET_LIMIT,
                AUDIT_RETENTION, SERVER_TLS_CERT, SERVER_TLS_KEY, SESSION_IDLE_TIMEOUT, SESSION_ABSOLUTE_TIMEOUT,
                SESSION_SECURE_COOKIE, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_IP, LOGIN_LOCKOUT, CONFLICTS_WINDOW,
                CONFLICTS_STALE_AFTER, CONFLICTS_OBSERVATION_RETENTION, GOSSIP_BIND, GOSSIP_JOIN, GOSSIP_KEYS, GOSSIP_NAME,
                GOSSIP_PROFILE, GOSSIP_ANTI_ENTROPY, GOSSIP_ADVERTISE_API);
    }

    @Override
    protected int run(Config config) throws InterruptedException {
        var err = spec.commandLine().getErr();
        if (config.find(SERVER_TLS_CERT).isPresent() != config.find(SERVER_TLS_KEY).isPresent()) {
            err.println("ipkeeper server: --tls-cert and --tls-key go together: give both (HTTPS) or neither (HTTP)");
            return 1;
        }
        TlsOptions tls = config.find(SERVER_TLS_CERT)
                .map(cert -> new TlsOptions(cert, config.get(SERVER_TLS_KEY))).orElse(null);
        String url;
        Path dataDir = config.get(SERVER_DATA_DIR).toAbsolutePath().normalize();
        if (config.find(DATABASE_URL).isPresent()) {
            url = config.get(DATABASE_URL);
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                err.println("ipkeeper server: cannot create data directory " + dataDir + ": " + e.getMessage()
                        + " (choose another with --data-dir)");
                return 1;
            }
            url = Database.h2FileUrl(dataDir);
        }
        ConflictOptions conflicts;
        try {
            conflicts = new ConflictOptions(config.get(CONFLICTS_WINDOW), config.get(CONFLICTS_STALE_AFTER),
                    config.get(CONFLICTS_OBSERVATION_RETENTION), ConflictOptions.defaults().sweepInterval());
        } catch (IllegalArgumentException e) {
            err.println("ipkeeper server: invalid conflict settings: " + e.getMessage());
            return 2;
        }
        if (config.find(GOSSIP_BIND).isEmpty() && config.find(GOSSIP_JOIN).isPresent()) {
            err.println("ipkeeper server: --join needs --gossip-bind (the address this server gossips on)");
            return 2;
        }
        io.ipkeeper.server.gossip.GossipOptions gossip;
        try {
            gossip = gossip(config);
        } catch (IllegalArgumentException e) {
            err.println("ipkeeper server: " + e.getMessage());
            return 2;
        }
        IpkeeperServer server;
        try {
            server = IpkeeperServer.start(new ServerOptions(config.get(SERVER_BIND), config.get(SERVER_PORT), url,
                    config.get(DATABASE_USER), config.get(DATABASE_PASSWORD), config.get(DATABASE_POOL_SIZE))
                    .withBootstrapToken(config.get(BOOTSTRAP_TOKEN))
                    .withMetrics(new MetricsOptions(config.get(METRICS_PUBLIC), config.get(METRICS_SUBNET_LIMIT)))
                    .withAuditRetention(config.get(AUDIT_RETENTION))
                    .withTls(tls)
                    .withConflicts(conflicts)
                    .withAuth(new AuthOptions(config.get(SESSION_IDLE_TIMEOUT), config.get(SESSION_ABSOLUTE_TIMEOUT),
                            config.get(SESSION_SECURE_COOKIE), config.get(LOGIN_MAX_FAILURES),
                            config.get(LOGIN_MAX_FAILURES_PER_IP), config.get(LOGIN_LOCKOUT)))
                    .withGossip(gossip));
        } catch (DatabaseException | ServerStartException e) {
            err.println("ipkeeper server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "ipkeeper-shutdown"));
        spec.commandLine().getOut().println("ipkeeper server listening on " + server.url()
                + " (database: " + server.database().kind().label()
                + (config.find(DATABASE_URL).isPresent() ? "" : ", data dir " + dataDir) + ")");
        // Shown once, only on the first start without IPKEEPER_BOOTSTRAP_TOKEN; only its hash is stored.
        server.generatedBootstrapToken().ifPresent(token -> spec.commandLine().getOut().println(
                "ipkeeper server: bootstrap admin token (shown only this once; store it now): " + token));
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }

    /** Gossip options when {@code --gossip-bind} is set, else null (no gossip). */
    static io.ipkeeper.server.gossip.GossipOptions gossip(Config config) {
        return config.find(GOSSIP_BIND).map(bind -> new io.ipkeeper.server.gossip.GossipOptions(
                config.find(GOSSIP_NAME).orElseGet(() -> AgentCommand.hostname() + "-server"), bind,
                config.find(GOSSIP_JOIN).orElse(List.of()), config.find(GOSSIP_KEYS).orElse(List.of()),
                config.find(GOSSIP_ADVERTISE_API).orElse(null), config.get(GOSSIP_PROFILE),
                config.get(GOSSIP_ANTI_ENTROPY))).orElse(null);
    }
}
