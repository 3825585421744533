package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Role × route: every registered route answers 401 without a token, 403 to each role outside the expected set, and
 * neither to the roles inside it. The expected sets are written out here, independently of the server's permission
 * table, and must name exactly the registered routes, so a new route without a decision here fails this test.
 * Every route that changes allocations must also deny engineer and service outside their grants and owners.
 * Authorization does not depend on the database, so H2 suffices; grant scenarios in detail: {@link GrantEnforcementTest}.
 */
class RoleMatrixTest {
    private static final String ALL_READERS = "admin engineer service viewer";
    private static final String ALLOCATORS = "admin engineer service";
    private static final String ADMIN = "admin";
    private static final String EVERYONE = "admin engineer service agent viewer";
    private static final List<String> ROLES = List.of("admin", "engineer", "service", "agent", "viewer");

    /** method + path → roles that may call it. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/v1/tokens", ADMIN);
        EXPECTED.put("POST /api/v1/tokens", ADMIN);
        EXPECTED.put("DELETE /api/v1/tokens/{id}", ADMIN);
        EXPECTED.put("GET /api/v1/spaces", ALL_READERS);
        EXPECTED.put("POST /api/v1/spaces", ADMIN);
        EXPECTED.put("GET /api/v1/spaces/{space}", ALL_READERS);
        EXPECTED.put("PATCH /api/v1/spaces/{space}", ADMIN);
        EXPECTED.put("GET /api/v1/conflicts", ALL_READERS);
        EXPECTED.put("GET /api/v1/conflicts/{id}", ALL_READERS);
        EXPECTED.put("POST /api/v1/conflicts/{id}/acknowledge", ADMIN);
        EXPECTED.put("DELETE /api/v1/spaces/{space}", ADMIN);
        EXPECTED.put("PATCH /api/v1/subnets/{id}", ADMIN);
        EXPECTED.put("PATCH /api/v1/ranges/{id}", ADMIN);
        EXPECTED.put("GET /api/v1/subnets", ALL_READERS);
        EXPECTED.put("POST /api/v1/subnets", ADMIN);
        EXPECTED.put("GET /api/v1/subnets/{id}", ALL_READERS);
        EXPECTED.put("DELETE /api/v1/subnets/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/subnets/{id}/child-prefixes", ADMIN);
        EXPECTED.put("GET /api/v1/subnets/{id}/ranges", ALL_READERS);
        EXPECTED.put("POST /api/v1/subnets/{id}/ranges", ADMIN);
        EXPECTED.put("GET /api/v1/ranges/{id}", ALL_READERS);
        EXPECTED.put("DELETE /api/v1/ranges/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/subnets/{id}/allocations", ALLOCATORS);
        EXPECTED.put("POST /api/v1/ranges/{id}/allocations", ALLOCATORS);
        EXPECTED.put("GET /api/v1/allocations", ALL_READERS);
        EXPECTED.put("GET /api/v1/allocations/{id}", ALL_READERS);
        EXPECTED.put("PATCH /api/v1/allocations/{id}", ALLOCATORS);
        EXPECTED.put("DELETE /api/v1/allocations/{id}", ALLOCATORS);
        EXPECTED.put("GET /api/v1/subnets/{id}/available", ALL_READERS);
        EXPECTED.put("GET /api/v1/ranges/{id}/available", ALL_READERS);
        EXPECTED.put("GET /api/v1/subnets/{id}/free", ALL_READERS);
        EXPECTED.put("GET /api/v1/subnets/{id}/bosh", ALL_READERS);
        EXPECTED.put("POST /api/v1/subnets/{id}/bosh/import", ALLOCATORS);
        EXPECTED.put("GET /api/v1/audit", ALL_READERS);
        EXPECTED.put("GET /api/v1/webhooks", ADMIN);
        EXPECTED.put("POST /api/v1/webhooks", ADMIN);
        EXPECTED.put("DELETE /api/v1/webhooks/{id}", ADMIN);
        EXPECTED.put("GET /metrics", EVERYONE);
        EXPECTED.put("GET /api/v1/session", EVERYONE);
        EXPECTED.put("DELETE /api/v1/session", EVERYONE);
        EXPECTED.put("GET /api/v1/users", ADMIN);
        EXPECTED.put("POST /api/v1/users", ADMIN);
        EXPECTED.put("GET /api/v1/users/{id}", ADMIN);
        EXPECTED.put("PATCH /api/v1/users/{id}", ADMIN);
        EXPECTED.put("DELETE /api/v1/users/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/users/me/password", EVERYONE);
        EXPECTED.put("GET /api/v1/users/me/tokens", EVERYONE);
        EXPECTED.put("POST /api/v1/users/me/tokens", EVERYONE);
        EXPECTED.put("DELETE /api/v1/users/me/tokens/{id}", EVERYONE);
        EXPECTED.put("GET /api/v1/grants", ADMIN);
        EXPECTED.put("POST /api/v1/grants", ADMIN);
        EXPECTED.put("DELETE /api/v1/grants/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/agents/report", "admin agent");
        EXPECTED.put("GET /api/v1/agents", ALL_READERS);
        EXPECTED.put("GET /api/v1/agents/{name}", ALL_READERS);
        EXPECTED.put("GET /api/v1/observations", ALL_READERS);
        EXPECTED.put("GET /api/v1/probes", "admin agent");
        EXPECTED.put("POST /api/v1/probes/{id}", "admin agent");
    }

    private static TestDatabase db;
    private static IpkeeperServer server;
    private static final Map<String, Api> clients = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DatabaseKind.H2, "matrix");
        server = Api.start(db, 2);
        Api admin = Api.admin(server);
        for (String role : ROLES) {
            clients.put(role, admin.withRole("matrix-" + role, role));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    @Test
    void everyRegisteredRouteHasAnExpectation() {
        Set<String> registered = server.routes().stream().filter(r -> r.permission() != null)
                .map(RouteDoc::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    void withoutATokenEveryGuardedRouteIs401() {
        Api anonymous = Api.anonymous(server);
        for (RouteDoc r : server.routes()) {
            Api.Res res = anonymous.send(r.method(), concrete(r.path()), body(r));
            if (r.permission() == null) {
                // open: health and the document answer 200, the login with an empty body 422
                assertThat(res.status()).as(r.toString()).isIn(200, 422);
            } else {
                assertThat(res.status()).as(r.toString()).isEqualTo(401);
            }
        }
    }

    @Test
    void eachRoleGets403OutsideItsRoutesAndIsLetThroughInside() {
        for (RouteDoc r : server.routes()) {
            if (r.permission() == null) {
                continue;
            }
            Set<String> allowed = Set.of(EXPECTED.get(r.toString()).split(" "));
            for (String role : ROLES) {
                Api.Res res = clients.get(role).send(r.method(), concrete(r.path()), body(r));
                if (allowed.contains(role)) {
                    assertThat(res.status()).as("%s as %s: %s", r, role, res.text()).isNotIn(401, 403);
                } else {
                    assertThat(res.problem(403).get("detail").asText()).as("%s as %s", r, role).contains(role);
                }
            }
        }
    }

    /**
     * Every route that changes allocations (permission ALLOCATE) is grant-enforced: an engineer or service without a
     * grant on the space gets 403 grant-missing on a real object, and one with the space but not the owner gets 403
     * naming the owner. A new allocation route without enforcement fails here.
     */
    @Test
    void everyAllocationChangeRouteIsNarrowedByGrantsAndOwners() {
        Api admin = Api.admin(server);
        admin.post("/api/v1/spaces", Map.of("name", "matrix-grants")).ok(201);
        long space = admin.get("/api/v1/spaces/matrix-grants").ok(200).get("id").asLong();
        long subnet = admin.post("/api/v1/subnets", Map.of("space", "matrix-grants", "prefix", "198.19.7.0/24")).ok(201)
                .get("id").asLong();
        long range = admin.post("/api/v1/subnets/" + subnet + "/ranges", Map.of("start", "198.19.7.100",
                "end", "198.19.7.120", "purpose", "static")).ok(201).get("id").asLong();
        long allocation = admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("owner", "matrix-owner"))
                .ok(201).get(0).get("id").asLong();
        List<RouteDoc> changing = server.routes().stream()
                .filter(r -> r.permission() == Permission.ALLOCATE).toList();
        assertThat(changing).hasSizeGreaterThanOrEqualTo(4);
        for (String role : List.of("engineer", "service")) {
            Api none = admin.withRole("matrix-nogrant-" + role, role);
            Api spaceOnly = admin.withRole("matrix-space-" + role, role, "space:" + space);
            for (RouteDoc r : changing) {
                String path = r.path().replace("{id}", String.valueOf(r.path().startsWith("/api/v1/subnets") ? subnet
                        : r.path().startsWith("/api/v1/ranges") ? range : allocation));
                Object plain = r.method().equals("PATCH") ? Map.of("hostname", "x") : r.method().equals("POST") ? "{}" : null;
                Object owned = r.method().equals("POST") ? Map.of("owner", "matrix-owner") : plain;
                assertThat(none.send(r.method(), path, plain).problem(403).get("type").asText())
                        .as("%s as %s without grants", r, role).endsWith("/grant-missing");
                // a BOSH import names its director (the owner) in the query, not the body
                String ownedPath = path.endsWith("/bosh/import") ? path + "?owner=matrix-owner" : path;
                assertThat(spaceOnly.send(r.method(), ownedPath, owned).problem(403).get("missingGrant").asText())
                        .as("%s as %s without the owner grant", r, role).isEqualTo("owner:matrix-owner");
            }
        }
        assertThat(admin.get("/api/v1/allocations/" + allocation).ok(200).get("state").asText()).isEqualTo("allocated");
    }

    /** Ids that exist nowhere: an allowed caller gets 404/422, never a change to shared state. */
    private static String concrete(String path) {
        return path.replace("{id}", "987654").replace("{space}", "no-such-space")
                .replace("{name}", "no-such-name");
    }

    private static Object body(RouteDoc r) {
        return r.method().equals("POST") || r.method().equals("PATCH") ? "{}" : null;
    }
}
