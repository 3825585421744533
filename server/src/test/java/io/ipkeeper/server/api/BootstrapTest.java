package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.ServerOptions;
import io.ipkeeper.server.ServerStartException;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** First start: exactly one admin token, from IPKEEPER_BOOTSTRAP_TOKEN or generated and handed out once. */
@DatabaseTest
class BootstrapTest {
    private final DatabaseKind kind;
    /** Each test needs a database that has never been bootstrapped, so it makes its own. */
    private TestDatabase db;

    BootstrapTest(DatabaseKind kind) {
        this.kind = kind;
    }

    @BeforeEach
    void freshDatabase() {
        db = TestDatabase.create(kind, "bootstrap");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private ServerOptions options(String token) {
        return new ServerOptions("127.0.0.1", 0, db.jdbcUrl(), db.user(), db.password(), 2).withBootstrapToken(token);
    }

    @Test
    void theSuppliedTokenBecomesTheAdminTokenAndLaterStartsIgnoreIt() {
        try (IpkeeperServer s = IpkeeperServer.start(options(Api.ADMIN_TOKEN))) {
            assertThat(s.generatedBootstrapToken()).isEmpty();
            assertThat(Api.admin(s).get("/api/v1/tokens").ok(200).get("results").get(0).get("role").asText())
                    .isEqualTo("admin");
        }
        String other = "ipk_another-token-that-is-long-enough-0123456789";
        try (IpkeeperServer s = IpkeeperServer.start(options(other))) {
            assertThat(Api.anonymous(s).as(other).get("/api/v1/spaces").status()).isEqualTo(401);
            assertThat(Api.admin(s).get("/api/v1/spaces").status()).isEqualTo(200);
        }
        assertThat(Api.count(db, "api_token")).isEqualTo(1);
    }

    @Test
    void withoutASuppliedTokenOneIsGeneratedAndHandedOutOnlyOnce() {
        String generated;
        try (IpkeeperServer s = IpkeeperServer.start(options(null))) {
            generated = s.generatedBootstrapToken().orElseThrow();
            assertThat(generated).startsWith("ipk_");
            assertThat(Api.anonymous(s).as(generated).get("/api/v1/tokens").status()).isEqualTo(200);
        }
        try (IpkeeperServer s = IpkeeperServer.start(options(null))) {
            assertThat(s.generatedBootstrapToken()).isEmpty();
            assertThat(Api.anonymous(s).as(generated).get("/api/v1/tokens").status()).isEqualTo(200);
        }
        assertThat(Api.count(db, "api_token")).isEqualTo(1);
    }

    @Test
    void aShortSuppliedTokenStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> IpkeeperServer.start(options("secret")))
                .isInstanceOf(ServerStartException.class).hasMessageContaining("IPKEEPER_BOOTSTRAP_TOKEN")
                .hasMessageContaining("at least 32");
    }

    @Test
    void twoServersStartingAtOnceCreateExactlyOneToken() throws Exception {
        int servers = 2;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IpkeeperServer>> started = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(servers)) {
            for (int i = 0; i < servers; i++) {
                started.add(pool.submit(() -> {
                    go.await();
                    return IpkeeperServer.start(options(null));
                }));
            }
            go.countDown();
            List<Optional<String>> handedOut = new ArrayList<>();
            for (Future<IpkeeperServer> f : started) {
                try (IpkeeperServer s = f.get()) {
                    handedOut.add(s.generatedBootstrapToken());
                }
            }
            assertThat(handedOut.stream().filter(Optional::isPresent).count()).isEqualTo(1);
        }
        assertThat(Api.count(db, "api_token")).isEqualTo(1);
        assertThat(Api.count(db, "bootstrap_step")).isEqualTo(1);
    }
}
