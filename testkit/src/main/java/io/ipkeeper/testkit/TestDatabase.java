package io.ipkeeper.testkit;

import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A fresh, empty database for one test class: an in-memory H2 database in PostgreSQL mode, or a new database created
 * on the test PostgreSQL server (and dropped again by {@link #close()}).
 *
 * <p>The PostgreSQL server is {@code IPKEEPER_TEST_PG_URL} (a JDBC URL of an existing database the test user may create
 * databases from), defaulting to {@value #DEFAULT_PG_URL}, which the project's machines provide.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** The H2 URL options that make H2 accept the project's PostgreSQL-flavoured SQL (docs/stack.md §2.6). */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final DatabaseKind kind;
    private final String name;
    private final String jdbcUrl;
    private final String adminUrl;
    private final Connection keepAlive;

    private TestDatabase(DatabaseKind kind, String name, String jdbcUrl, String adminUrl, Connection keepAlive) {
        this.kind = kind;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.adminUrl = adminUrl;
        this.keepAlive = keepAlive;
    }

    /** Creates a new, empty database of the given kind. */
    public static TestDatabase create(DatabaseKind kind, String label) {
        String name = ("ipk_" + sanitize(label) + "_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36))
                .toLowerCase(Locale.ROOT);
        return switch (kind) {
            case H2 -> createH2(name);
            case POSTGRESQL -> createPostgres(name);
        };
    }

    private static TestDatabase createH2(String name) {
        String url = "jdbc:h2:mem:" + name + H2_OPTIONS;
        try {
            // An in-memory H2 database lives as long as one connection is open; hold one until close().
            Connection keepAlive = DriverManager.getConnection(url, "sa", "");
            return new TestDatabase(DatabaseKind.H2, name, url, null, keepAlive);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open in-memory H2 database " + name + ": " + e.getMessage(), e);
        }
    }

    private static TestDatabase createPostgres(String name) {
        String adminUrl = pgAdminUrl();
        try (Connection admin = DriverManager.getConnection(adminUrl);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            Prerequisites.require(Prerequisite.PG, false, "cannot create a database through " + adminUrl + ": " + e.getMessage(),
                    "Start PostgreSQL on 127.0.0.1:5432 with trust auth for user postgres, or set IPKEEPER_TEST_PG_URL.");
        }
        return new TestDatabase(DatabaseKind.POSTGRESQL, name, replaceDatabase(adminUrl, name), adminUrl, null);
    }

    /** The JDBC URL of the PostgreSQL database tests create their databases from. */
    public static String pgAdminUrl() {
        String url = System.getenv("IPKEEPER_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url.trim();
    }

    /** Replaces the database name in a {@code jdbc:postgresql://host:port/db?params} URL. */
    static String replaceDatabase(String url, String database) {
        int schemeEnd = url.indexOf("//");
        int slash = url.indexOf('/', schemeEnd + 2);
        int query = url.indexOf('?', schemeEnd + 2);
        String head = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String tail = query < 0 ? "" : url.substring(query);
        return head + "/" + database + tail;
    }

    private static String sanitize(String label) {
        String s = label.replaceAll("[^A-Za-z0-9]", "");
        return s.length() > 24 ? s.substring(0, 24) : s;
    }

    public DatabaseKind kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database; user and password are part of it or empty. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return kind == DatabaseKind.H2 ? "sa" : null;
    }

    public String password() {
        return kind == DatabaseKind.H2 ? "" : null;
    }

    /** A new connection to this database. */
    public Connection connect() throws SQLException {
        return kind == DatabaseKind.H2 ? DriverManager.getConnection(jdbcUrl, "sa", "") : DriverManager.getConnection(jdbcUrl);
    }

    /** A simple unpooled {@link DataSource} over {@link #connect()}; production code pools with HikariCP. */
    public DataSource dataSource() {
        return new SimpleDataSource(this);
    }

    @Override
    public void close() {
        try {
            if (keepAlive != null) {
                try (Statement st = keepAlive.createStatement()) {
                    st.execute("SHUTDOWN");
                } finally {
                    keepAlive.close();
                }
            }
            if (adminUrl != null) {
                try (Connection admin = DriverManager.getConnection(adminUrl);
                     Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private record SimpleDataSource(TestDatabase db) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return db.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return db.connect();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
