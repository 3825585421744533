package io.ipkeeper.server;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.server.agents.AgentCoverage;
import io.ipkeeper.server.agents.AgentRoutes;
import io.ipkeeper.server.agents.AgentStore;
import io.ipkeeper.server.agents.Membership;
import io.ipkeeper.server.gossip.ServerGossip;
import io.ipkeeper.server.agents.ProbeRoutes;
import io.ipkeeper.server.agents.ProbeStore;
import io.ipkeeper.server.agents.ProbeVetter;
import io.ipkeeper.server.agents.SpaceProbeSettings;
import io.ipkeeper.server.agents.ObservationStore;
import io.ipkeeper.server.api.AllocationGrants;
import io.ipkeeper.server.api.AllocationRoutes;
import io.ipkeeper.server.api.AllocationStore;
import io.ipkeeper.server.api.ApiErrors;
import io.ipkeeper.server.api.ApiExceptions;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.AuditRoutes;
import io.ipkeeper.server.api.FreeSpaceRoutes;
import io.ipkeeper.server.api.GrantRoutes;
import io.ipkeeper.server.api.HealthRoutes;
import io.ipkeeper.server.api.Json;
import io.ipkeeper.server.api.MyTokenRoutes;
import io.ipkeeper.server.api.OpenApiDocument;
import io.ipkeeper.server.api.RangeRoutes;
import io.ipkeeper.server.api.RequestIds;
import io.ipkeeper.server.api.RouteDoc;
import io.ipkeeper.server.api.SessionRoutes;
import io.ipkeeper.server.api.SpaceRoutes;
import io.ipkeeper.server.api.SubnetRoutes;
import io.ipkeeper.server.api.TokenRoutes;
import io.ipkeeper.server.audit.AuditSweeper;
import io.ipkeeper.server.api.UserRoutes;
import io.ipkeeper.server.auth.AuthOptions;
import io.ipkeeper.server.auth.AuthenticatorChain;
import io.ipkeeper.server.bosh.BoshRoutes;
import io.ipkeeper.server.auth.BearerTokenAuthenticator;
import io.ipkeeper.server.auth.Bootstrap;
import io.ipkeeper.server.auth.GrantStore;
import io.ipkeeper.server.auth.LocalPasswordVerifier;
import io.ipkeeper.server.auth.Login;
import io.ipkeeper.server.auth.LoginThrottle;
import io.ipkeeper.server.auth.Principals;
import io.ipkeeper.server.auth.SessionAuthenticator;
import io.ipkeeper.server.auth.SessionStore;
import io.ipkeeper.server.auth.TokenStore;
import io.ipkeeper.server.conflicts.ConflictEngine;
import io.ipkeeper.server.conflicts.ConflictRoutes;
import io.ipkeeper.server.conflicts.ConflictStore;
import io.ipkeeper.server.auth.UserStore;
import io.ipkeeper.server.metrics.Metrics;
import io.ipkeeper.server.netbox.NetboxRoute;
import io.ipkeeper.server.netbox.NetboxRoutes;
import io.ipkeeper.server.netbox.internal.NetboxAuth;
import io.ipkeeper.server.tls.internal.ServerCertificate;
import io.ipkeeper.server.tls.internal.TlsConnector;
import io.ipkeeper.server.webhooks.WebhookRoutes;
import io.ipkeeper.server.webhooks.Webhooks;
import io.ipkeeper.server.ui.UiAssets;
import io.ipkeeper.server.ui.UiRoutes;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running ipkeeper server: the database of record plus the HTTP API. Stateless apart from the database, so several
 * servers may run against one PostgreSQL.
 */
public final class IpkeeperServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IpkeeperServer.class);

    /** Request bodies beyond this are refused (413) before they are read into memory. */
    static final long MAX_REQUEST_BYTES = 1024 * 1024;
    /** How long a vetting server waits for an agent's probe answer (an RFC 5227 probe with fast timing takes ~2 s). */
    static final java.time.Duration PROBE_TIMEOUT = java.time.Duration.ofSeconds(5);
    /** How often expired reservations are freed and old idempotency keys forgotten. */
    private static final long MAINTENANCE_SECONDS = 30;

    private final Database database;
    private final Javalin http;
    private final String url;
    private final List<RouteDoc> routes;
    private final String generatedBootstrapToken;
    private final ScheduledExecutorService maintenance;
    private final Webhooks webhooks;
    private final List<NetboxRoute> netboxRoutes;
    private final ServerGossip gossip;

    private IpkeeperServer(Database database, Javalin http, String url, List<RouteDoc> routes,
                           String generatedBootstrapToken, ScheduledExecutorService maintenance, Webhooks webhooks,
                           List<NetboxRoute> netboxRoutes, ServerGossip gossip) {
        this.gossip = gossip;
        this.database = database;
        this.http = http;
        this.url = url;
        this.routes = routes;
        this.generatedBootstrapToken = generatedBootstrapToken;
        this.maintenance = maintenance;
        this.webhooks = webhooks;
        this.netboxRoutes = netboxRoutes;
    }

    /** Opens and migrates the database, then starts listening. Fails with a clear message if either is impossible. */
    public static IpkeeperServer start(ServerOptions options) {
        String badToken = Bootstrap.problemWith(options.bootstrapToken());
        if (badToken != null) {
            throw new ServerStartException(badToken, null);
        }
        // Before the database: a bad certificate or key must stop the start with nothing opened.
        ServerCertificate certificate = options.tlsEnabled()
                ? ServerCertificate.load(options.tls(), Instant.now()) : null;
        Database database = Database.open(
                options.databaseUrl(), options.databaseUser(), options.databasePassword(), options.databasePoolSize());
        if (database.migrationsApplied() > 0) {
            log.info("database migrated: {} migration(s) applied", database.migrationsApplied());
        }
        Clock clock = Clock.systemUTC();
        AgentStore agentStore = new AgentStore(database);
        ObservationStore observationStore = new ObservationStore(database, agentStore, options.conflicts().window());
        ProbeStore probeStore = new ProbeStore(database, clock);
        // the engine needs ipam, ipam needs the vetter, the vetter needs the engine: tied up below
        AtomicReference<ConflictEngine> engineRef = new AtomicReference<>();
        SpaceProbeSettings probeSettings = new SpaceProbeSettings(database.jdbi(), clock);
        ProbeVetter probeVetter = new ProbeVetter(probeStore, observationStore,
                (space, addresses) -> engineRef.get().evaluate(space, addresses), PROBE_TIMEOUT, clock, probeSettings);
        Ipam ipam = Ipam.create(database, IpamConfig.defaults(), clock, probeVetter);
        TokenStore tokens = new TokenStore(database.jdbi(), clock);
        UserStore users = new UserStore(database.jdbi(), clock);
        GrantStore grants = new GrantStore(database.jdbi(), clock);
        // Over HTTPS the session cookie is always Secure; session.secure-cookie is for TLS ended at a proxy.
        AuthOptions auth = options.tlsEnabled() && !options.auth().secureCookie()
                ? new AuthOptions(options.auth().sessionIdle(), options.auth().sessionAbsolute(), true,
                        options.auth().maxFailuresPerUser(), options.auth().maxFailuresPerIp(), options.auth().lockout())
                : options.auth();
        SessionStore sessions = new SessionStore(database.jdbi(), clock, auth);
        Principals principals = new Principals(users, grants);
        LoginThrottle throttle = new LoginThrottle(database.jdbi(), clock, auth);
        Login login = new Login(List.of(new LocalPasswordVerifier(users)), throttle, sessions);
        Webhooks webhooks = Webhooks.start(ipam, database, clock, options.webhooks());
        Metrics metrics = new Metrics(options.metrics(), database, webhooks, clock);
        ConflictStore conflicts = new ConflictStore(database.jdbi(), clock);
        // Gossip starts once the API URL is known (below); until then, and without gossip, reports decide liveness.
        AtomicReference<Membership> gossipView = new AtomicReference<>(Membership.NONE);
        Membership membership = (name, hostname) -> gossipView.get().alive(name, hostname);
        AgentCoverage coverage = new AgentCoverage(agentStore, ipam, membership);
        ConflictEngine engine = new ConflictEngine(database, ipam, conflicts, coverage, options.conflicts(), clock);
        engineRef.set(engine);
        probeVetter.coverage(coverage);
        AllocationGrants allocationGrants = new AllocationGrants(ipam);
        AtomicReference<List<RouteDoc>> docs = new AtomicReference<>();
        AtomicReference<List<NetboxRoute>> netboxDocs = new AtomicReference<>();
        AllocationStore allocationStore = new AllocationStore(database, clock);
        UiAssets uiAssets = UiAssets.load();
        Javalin http;
        try {
            http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.concurrency.useVirtualThreads = true;
                config.jsonMapper(new JavalinJackson(Json.mapper(), true));
                config.http.maxRequestSize = MAX_REQUEST_BYTES;
                config.http.prefer405over404 = true;
                if (certificate != null) {
                    // Javalin adds its plain HTTP connector only when none is configured: this one replaces it.
                    config.jetty.addConnector((server, httpConfig) -> TlsConnector.create(
                            server, httpConfig, certificate, options.bind(), options.port()));
                }
                metrics.instrument(config);
                RequestIds.register(config.routes);
                ApiErrors.register(config.routes);
                ApiExceptions.register(config.routes);
                HealthRoutes.register(config.routes, database);
                UiRoutes.register(config.routes, uiAssets);
                // Bearer first: a request with a token is judged by the token alone (and needs no CSRF token).
                ApiRoutes api = new ApiRoutes(config.routes, new AuthenticatorChain(List.of(
                        new BearerTokenAuthenticator(tokens, principals, clock),
                        new SessionAuthenticator(sessions, users, principals))));
                api.open("GET", "/api/v1/health").summary("health", "Liveness and database status (no token needed)")
                        .returns(200, "Health");
                api.open("GET", "/api/v1/openapi.json").summary("health", "This OpenAPI document (no token needed)")
                        .returns(200, "OpenApi");
                TokenRoutes.register(api, tokens, users, grants, clock);
                SessionRoutes.register(api, login, sessions, auth);
                UserRoutes.register(api, users);
                MyTokenRoutes.register(api, tokens, users, clock);
                GrantRoutes.register(api, grants, users, tokens);
                SpaceRoutes.register(api, ipam, probeSettings);
                SubnetRoutes.register(api, ipam);
                RangeRoutes.register(api, ipam);
                AllocationRoutes.register(api, ipam, allocationStore, metrics.allocations(),
                        allocationGrants, ids -> probeNotes(probeStore, ids));
                FreeSpaceRoutes.register(api, ipam, database);
                BoshRoutes.register(api, ipam, allocationGrants);
                AuditRoutes.register(api, database);
                ConflictRoutes.register(api, ipam, conflicts);
                WebhookRoutes.register(api, webhooks.subscriptions());
                AgentRoutes.register(api, ipam, agentStore, observationStore, engine::evaluate, membership, clock);
                ProbeRoutes.register(api, agentStore, probeStore);
                metrics.register(api, config);
                docs.set(api.docs());
                netboxDocs.set(NetboxRoutes.register(config.routes, new NetboxAuth(tokens, principals, clock), ipam,
                        allocationStore, allocationGrants, metrics.allocations()));
                Map<String, Object> openApi = OpenApiDocument.build(api.docs());
                config.routes.get("/api/v1/openapi.json", ctx -> ctx.json(openApi));
            });
            http.start(options.bind(), options.port());
        } catch (RuntimeException e) {
            webhooks.close();
            database.close();
            throw new ServerStartException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                    + rootMessage(e) + " (is another process using the port? choose another with --port)", e);
        }
        // After listening succeeded: a generated token must reach the caller, so nothing may fail after it is stored.
        String generated;
        try {
            generated = Bootstrap.ensureAdminToken(tokens, options.bootstrapToken()).orElse(null);
        } catch (RuntimeException e) {
            http.stop();
            webhooks.close();
            database.close();
            throw new ServerStartException("cannot create the bootstrap admin token: " + rootMessage(e), e);
        }
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        String url = (certificate != null ? "https://" : "http://") + host + ":" + http.port();
        log.info("ipkeeper {} listening on {} (database: {})", Version.current(), url, database.kind().label());
        ServerGossip gossip = null;
        if (options.gossip() != null) {
            try {
                gossip = ServerGossip.start(options.gossip(), advertisedApi(options, certificate != null, http.port()),
                        observationStore, engine::evaluate, clock);
            } catch (RuntimeException e) {
                http.stop();
                webhooks.close();
                database.close();
                throw new ServerStartException("cannot start gossip: " + rootMessage(e), e);
            }
            gossipView.set(gossip);
        }
        ScheduledExecutorService maintenance = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("ipkeeper-maintenance").factory());
        AuditSweeper auditSweeper = new AuditSweeper(database.jdbi(), clock, options.auditRetention());
        maintenance.scheduleWithFixedDelay(() -> maintain(ipam, auditSweeper, sessions, throttle), MAINTENANCE_SECONDS,
                MAINTENANCE_SECONDS, TimeUnit.SECONDS);
        long sweepMillis = options.conflicts().sweepInterval().toMillis();
        maintenance.scheduleWithFixedDelay(() -> sweepConflicts(engine), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        return new IpkeeperServer(database, http, url, docs.get(), generated, maintenance, webhooks,
                netboxDocs.get(), gossip);
    }

    /**
     * Frees expired reservations, forgets expired idempotency keys, deletes audit events past their retention, drops
     * expired sessions and stale login-failure counts; a failure is logged and retried next round.
     */
    private static void maintain(Ipam ipam, AuditSweeper auditSweeper, SessionStore sessions, LoginThrottle throttle) {
        try {
            int freed = ipam.allocator().sweepExpiredReservations();
            int purged = ipam.allocator().purgeIdempotencyKeys();
            int expired = auditSweeper.sweep();
            sessions.purgeExpired();
            throttle.purgeStale();
            if (freed > 0 || purged > 0 || expired > 0) {
                log.info("maintenance: freed {} expired reservation(s), forgot {} idempotency key(s), deleted {} audit"
                        + " event(s) past retention", freed, purged, expired);
            }
        } catch (RuntimeException e) {
            log.warn("maintenance failed (retried in {} s): {}", MAINTENANCE_SECONDS, rootMessage(e));
        }
    }

    /** For the 201 response: which allocations an agent probed first, and who answered. */
    private static Map<Long, Map<String, Object>> probeNotes(ProbeStore probes, List<Long> ids) {
        Map<Long, Map<String, Object>> out = new java.util.HashMap<>();
        probes.outcomes(ids).forEach((id, o) -> out.put(id, Map.of("ran", true, "agent", o.agent(), "state", o.state(),
                "answeringMacs", o.answeringMacs())));
        return out;
    }

    /** One conflict sweep; a failure is logged and the next sweep tries again. */
    private static void sweepConflicts(ConflictEngine engine) {
        try {
            engine.sweep();
        } catch (RuntimeException e) {
            log.warn("conflict sweep failed (retried at the next sweep): {}", rootMessage(e));
        }
    }

    /**
     * The API URL announced to agents: {@code gossip.advertiseApi}, else the HTTP bind address (or, when that is a
     * wildcard, the gossip address agents reach us on), the port and the scheme.
     */
    static java.net.URI advertisedApi(ServerOptions options, boolean tls, int port) {
        if (options.gossip().advertiseApi() != null) {
            return options.gossip().advertiseApi();
        }
        String host = options.bind();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = options.gossip().bind().getAddress().getHostAddress();
        }
        host = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return java.net.URI.create((tls ? "https://" : "http://") + host + ":" + port);
    }

    /** This server's gossip node, when it joined gossip. */
    public Optional<ServerGossip> gossip() {
        return Optional.ofNullable(gossip);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        return url;
    }

    public int port() {
        return http.port();
    }

    public Database database() {
        return database;
    }

    /** Every API route with the permission it needs (for the OpenAPI document and the role matrix test). */
    public List<RouteDoc> routes() {
        return routes;
    }

    /** The NetBox-compatible adapter's routes under /api/ (docs/netbox-compat.md), with their permissions. */
    public List<NetboxRoute> netboxRoutes() {
        return netboxRoutes;
    }

    /**
     * The admin token this start generated (first start without {@code IPKEEPER_BOOTSTRAP_TOKEN}); the caller prints
     * it once. Empty on every later start, and when the token came from the environment.
     */
    public Optional<String> generatedBootstrapToken() {
        return Optional.ofNullable(generatedBootstrapToken);
    }

    /** Stops accepting requests, finishes the ones in flight and closes the database. Idempotent. */
    @Override
    public synchronized void close() {
        if (gossip != null) {
            gossip.close();
        }
        maintenance.shutdownNow();
        http.stop();
        webhooks.close();
        database.close();
        log.info("ipkeeper server stopped");
    }
}
