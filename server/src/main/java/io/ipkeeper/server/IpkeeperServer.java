package io.ipkeeper.server;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.server.api.ApiErrors;
import io.ipkeeper.server.api.HealthRoutes;
import io.ipkeeper.server.api.Json;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
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

    private final Database database;
    private final Javalin http;
    private final String url;

    private IpkeeperServer(Database database, Javalin http, String url) {
        this.database = database;
        this.http = http;
        this.url = url;
    }

    /** Opens and migrates the database, then starts listening. Fails with a clear message if either is impossible. */
    public static IpkeeperServer start(ServerOptions options) {
        Database database = Database.open(
                options.databaseUrl(), options.databaseUser(), options.databasePassword(), options.databasePoolSize());
        if (database.migrationsApplied() > 0) {
            log.info("database migrated: {} migration(s) applied", database.migrationsApplied());
        }
        Javalin http;
        try {
            http = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.concurrency.useVirtualThreads = true;
                config.jsonMapper(new JavalinJackson(Json.mapper(), true));
                config.http.maxRequestSize = MAX_REQUEST_BYTES;
                config.http.prefer405over404 = true;
                ApiErrors.register(config.routes);
                HealthRoutes.register(config.routes, database);
            });
            http.start(options.bind(), options.port());
        } catch (RuntimeException e) {
            database.close();
            throw new ServerStartException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                    + rootMessage(e) + " (is another process using the port? choose another with --port)", e);
        }
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        String url = "http://" + host + ":" + http.port();
        log.info("ipkeeper {} listening on {} (database: {})", Version.current(), url, database.kind().label());
        return new IpkeeperServer(database, http, url);
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

    /** Stops accepting requests, finishes the ones in flight and closes the database. Idempotent. */
    @Override
    public synchronized void close() {
        http.stop();
        database.close();
        log.info("ipkeeper server stopped");
    }
}
