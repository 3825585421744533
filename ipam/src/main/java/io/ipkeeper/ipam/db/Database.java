package io.ipkeeper.ipam.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection to the database of record: an H2 file (the default, embedded) or PostgreSQL (production), pooled
 * by HikariCP and migrated by Flyway from {@code classpath:db/migration} on open. One set of migrations serves both
 * databases (the SQL rules that make that possible are in docs/architecture.md).
 */
public final class Database implements AutoCloseable {

    /** Which database product is behind a {@link Database}. */
    public enum Kind {
        H2("h2"),
        POSTGRESQL("postgresql");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The lower-case name used in the API and logs. */
        public String label() {
            return label;
        }
    }

    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final Kind kind;
    private final HikariDataSource pool;
    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final int migrationsApplied;

    private Database(Kind kind, HikariDataSource pool, DataSource dataSource, int migrationsApplied) {
        this.kind = kind;
        this.pool = pool;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.migrationsApplied = migrationsApplied;
    }

    /** The JDBC URL of the embedded H2 database file {@code ipkeeper} in {@code dataDir}. */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("ipkeeper") + H2_OPTIONS;
    }

    /**
     * Opens (and migrates) the database at {@code jdbcUrl}. H2 URLs get the options that make H2 speak the project's
     * SQL dialect if they lack them; PostgreSQL URLs are used as given.
     *
     * @param poolSize maximum connections in the pool (small: 4-8 serve 2 cores well)
     * @throws DatabaseException with a message that says what to fix when the database cannot be reached or migrated
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize) {
        return open(jdbcUrl, user, password, poolSize, UnaryOperator.identity());
    }

    /**
     * As {@link #open(String, String, String, int)}, with every connection taken through {@code decorate(pool)}
     * (e.g. a benchmark's round-trip counter). Migration runs on the undecorated pool.
     */
    public static Database open(String jdbcUrl, String user, String password, int poolSize,
                                UnaryOperator<DataSource> decorate) {
        Kind kind = kindOf(jdbcUrl);
        String url = kind == Kind.H2 && !jdbcUrl.toUpperCase(Locale.ROOT).contains("MODE=POSTGRESQL")
                ? jdbcUrl + H2_OPTIONS
                : jdbcUrl;
        if (kind == Kind.H2 && !url.toUpperCase(Locale.ROOT).contains("LOCK_TIMEOUT")) {
            // H2 waits only 1 s for a row lock by default; a busy subnet's combined batch can hold one longer.
            url = url + ";LOCK_TIMEOUT=30000";
        }
        if (kind == Kind.POSTGRESQL && !url.toLowerCase(Locale.ROOT).contains("rewritebatchedinserts")) {
            // The allocator JDBC-batches the rows of a combined batch; this sends them as one multi-row INSERT.
            url = url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setPoolName("ipkeeper-db");
        config.setConnectionTimeout(10_000);
        // Fail fast with our own message rather than Hikari's retry loop when the database is unreachable.
        config.setInitializationFailTimeout(1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            String cause = rootMessage(e);
            throw new DatabaseException("cannot connect to " + redact(url) + ": " + cause + hint(kind, cause), e);
        }
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            return new Database(kind, ds, decorate.apply(ds), result.migrationsExecuted);
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseException("cannot migrate " + redact(url) + ": " + rootMessage(e), e);
        }
    }

    /** The product behind a JDBC URL; anything but H2 and PostgreSQL is rejected with a clear message. */
    public static Kind kindOf(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new DatabaseException("the database URL is empty");
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return Kind.H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Kind.POSTGRESQL;
        }
        throw new DatabaseException("unsupported database URL '" + redact(jdbcUrl)
                + "': use jdbc:postgresql://HOST:PORT/DB or leave it unset for the embedded H2 database");
    }

    /** Hides a password in a URL before it reaches a log or an error message. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    /** What the user can do about a connection failure. */
    private static String hint(Kind kind, String cause) {
        if (kind == Kind.POSTGRESQL) {
            return " (check host, port, database, user and password in the database URL)";
        }
        if (cause.contains("locked")) {
            return " (is another ipkeeper server using this data directory? stop it or choose another --data-dir)";
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** How many migrations this open applied (0 when the schema was already current). */
    public int migrationsApplied() {
        return migrationsApplied;
    }

    /** True when a connection can be taken and validated within a second. */
    public boolean isHealthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
