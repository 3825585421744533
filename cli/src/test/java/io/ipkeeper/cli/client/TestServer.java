package io.ipkeeper.cli.client;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.server.tls.TlsOptions;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A real ipkeeper server on 127.0.0.1 (any free port) with a known admin token, for client tests. */
final class TestServer implements AutoCloseable {
    static final String ADMIN_TOKEN = "ipk_cli-test-bootstrap-admin-token-0123456789abcdef";

    private final TestDatabase db;
    private final boolean ownsDb;
    private final IpkeeperServer server;

    private TestServer(TestDatabase db, boolean ownsDb) {
        this(db, ownsDb, null);
    }

    private TestServer(TestDatabase db, boolean ownsDb, TlsOptions tls) {
        this.db = db;
        this.ownsDb = ownsDb;
        this.server = IpkeeperServer.start(new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 4)
                .withBootstrapToken(ADMIN_TOKEN).withTls(tls));
    }

    /** Serving HTTPS with {@code tls}, on a fresh in-memory H2 database. */
    static TestServer h2Https(String label, TlsOptions tls) {
        return new TestServer(TestDatabase.create(DatabaseKind.H2, label), true, tls);
    }

    /** On a fresh in-memory H2 database, closed with the server. */
    static TestServer h2(String label) {
        return new TestServer(TestDatabase.create(DatabaseKind.H2, label), true);
    }

    /** On a database a {@code @DatabaseTest} template provides (and closes). */
    static TestServer on(TestDatabase db) {
        return new TestServer(db, false);
    }

    String url() {
        return server.url();
    }

    /** The environment of an admin who has not logged in: server and token from the environment. */
    Map<String, String> adminEnv(Path credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("IPKEEPER_SERVER", url());
        env.put("IPKEEPER_TOKEN", ADMIN_TOKEN);
        env.put("IPKEEPER_CREDENTIALS", credentials.toString());
        return env;
    }

    /** A URL where nothing listens: a port that was free a moment ago. */
    static String deadUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.close();
        if (ownsDb) {
            db.close();
        }
    }
}
