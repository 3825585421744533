package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
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
 * Role × route for the NetBox adapter, as {@code RoleMatrixTest} does for /api/v1: every guarded route answers 403
 * with a {@code detail} without a token (NetBox's status for that) and to each role outside the expected set, and
 * neither to the roles inside it. A new /api/ route without a decision here fails. Routes that change addresses also
 * deny engineer and service outside their grants. Authorization does not depend on the database: H2 suffices.
 */
class NetboxRoleTest {
    private static final String READERS = "admin engineer service viewer";
    private static final String ALLOCATORS = "admin engineer service";
    private static final List<String> ROLES = List.of("admin", "engineer", "service", "agent", "viewer");
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /api/status/", READERS);
        EXPECTED.put("GET /api/ipam/", READERS);
        EXPECTED.put("GET /api/ipam/prefixes/", READERS);
        EXPECTED.put("OPTIONS /api/ipam/prefixes/", READERS);
        EXPECTED.put("GET /api/ipam/prefixes/{id}/", READERS);
        EXPECTED.put("GET /api/ipam/ip-ranges/", READERS);
        EXPECTED.put("GET /api/ipam/ip-ranges/{id}/", READERS);
        EXPECTED.put("GET /api/ipam/vrfs/", READERS);
        EXPECTED.put("GET /api/ipam/vrfs/{id}/", READERS);
        EXPECTED.put("GET /api/ipam/prefixes/{id}/available-ips/", READERS);
        EXPECTED.put("POST /api/ipam/prefixes/{id}/available-ips/", ALLOCATORS);
        EXPECTED.put("GET /api/ipam/ip-ranges/{id}/available-ips/", READERS);
        EXPECTED.put("POST /api/ipam/ip-ranges/{id}/available-ips/", ALLOCATORS);
        EXPECTED.put("GET /api/ipam/ip-addresses/", READERS);
        EXPECTED.put("OPTIONS /api/ipam/ip-addresses/", READERS);
        EXPECTED.put("POST /api/ipam/ip-addresses/", ALLOCATORS);
        EXPECTED.put("DELETE /api/ipam/ip-addresses/", ALLOCATORS);
        EXPECTED.put("GET /api/ipam/ip-addresses/{id}/", READERS);
        EXPECTED.put("PUT /api/ipam/ip-addresses/{id}/", ALLOCATORS);
        EXPECTED.put("PATCH /api/ipam/ip-addresses/{id}/", ALLOCATORS);
        EXPECTED.put("DELETE /api/ipam/ip-addresses/{id}/", ALLOCATORS);
    }

    private static TestDatabase db;
    private static IpkeeperServer server;
    private static final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        db = TestDatabase.create(DatabaseKind.H2, "netbox-roles");
        server = Api.start(db, 2);
        for (String role : ROLES) {
            tokens.put(role, token("nb-" + role, role, List.of()));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    private static String token(String name, String role, List<Map<String, String>> grants) {
        return Api.admin(server).post("/api/v1/tokens", Map.of("name", name, "role", role, "grants", grants)).ok(201)
                .get("token").asText();
    }

    @Test
    void everyRouteHasAnExpectationAndOnlyTheRootIsOpen() {
        Set<String> guarded = server.netboxRoutes().stream().filter(r -> r.permission() != null)
                .map(NetboxRoute::toString).collect(Collectors.toCollection(TreeSet::new));
        assertThat(guarded).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
        assertThat(server.netboxRoutes().stream().filter(r -> r.permission() == null).map(NetboxRoute::toString))
                .containsExactly("GET /api/");
    }

    @Test
    void withoutATokenEveryGuardedRouteIs403WithDetail() {
        Netbox anonymous = Netbox.authorization(server, null);
        for (NetboxRoute r : server.netboxRoutes()) {
            Api.Res res = anonymous.send(r.method(), concrete(r.path()), body(r));
            if (r.permission() == null) {
                assertThat(res.status()).as(r.toString()).isEqualTo(200);
            } else {
                assertThat(res.status()).as(r.toString()).isEqualTo(403);
                assertThat(res.json().get("detail").asText()).as(r.toString()).contains("credentials");
            }
        }
    }

    @Test
    void eachRoleGets403OutsideItsRoutesAndIsLetThroughInside() {
        for (NetboxRoute r : server.netboxRoutes()) {
            if (r.permission() == null) {
                continue;
            }
            Set<String> allowed = Set.of(EXPECTED.get(r.toString()).split(" "));
            for (String role : ROLES) {
                Api.Res res = Netbox.token(server, tokens.get(role)).send(r.method(), concrete(r.path()), body(r));
                if (allowed.contains(role)) {
                    assertThat(res.status()).as("%s as %s: %s", r, role, res.text()).isNotIn(401, 403);
                } else {
                    assertThat(res.status()).as("%s as %s", r, role).isEqualTo(403);
                    assertThat(res.json().get("detail").asText()).as("%s as %s", r, role).contains(role);
                }
            }
        }
    }

    /** Engineer and service change addresses only inside their grants, through the adapter as through /api/v1. */
    @Test
    void addressChangesAreNarrowedByGrants() {
        Api admin = Api.admin(server);
        long space = admin.post("/api/v1/spaces", Map.of("name", "nb-grants")).ok(201).get("id").asLong();
        long subnet = admin.post("/api/v1/subnets", Map.of("space", "nb-grants", "prefix", "198.19.8.0/24")).ok(201)
                .get("id").asLong();
        long range = admin.post("/api/v1/subnets/" + subnet + "/ranges", Map.of("start", "198.19.8.100",
                "end", "198.19.8.120", "purpose", "static")).ok(201).get("id").asLong();
        long allocation = admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of()).ok(201).get(0).get("id")
                .asLong();
        List<NetboxRoute> changing = server.netboxRoutes().stream()
                .filter(r -> r.permission() == Permission.ALLOCATE).toList();
        for (String role : List.of("engineer", "service")) {
            Netbox none = Netbox.token(server, token("nb-nogrant-" + role, role, List.of()));
            Netbox granted = Netbox.token(server, token("nb-grant-" + role, role,
                    List.of(Map.of("scope", "space", "value", String.valueOf(space)))));
            for (NetboxRoute r : changing) {
                String path = r.path().replace("prefixes/{id}", "prefixes/" + subnet)
                        .replace("ip-ranges/{id}", "ip-ranges/" + range).replace("{id}", String.valueOf(allocation));
                Object body = r.path().equals("/api/ipam/ip-addresses/") && r.method().equals("POST")
                        ? Map.of("address", "198.19.8.9/24", "vrf", space)
                        : r.method().equals("DELETE") && r.path().endsWith("ip-addresses/") ? List.of(Map.of("id", allocation))
                        : r.method().equals("DELETE") ? null : Map.of("description", "x");
                Api.Res res = none.send(r.method(), path, body);
                assertThat(res.status()).as("%s as %s without grants: %s", r, role, res.text()).isEqualTo(403);
                assertThat(res.json().get("detail").asText()).as(r.toString()).contains("grant");
            }
            // inside its grant the same service allocates
            assertThat(granted.post("/api/ipam/prefixes/" + subnet + "/available-ips/", Map.of()).status()).isEqualTo(201);
        }
        assertThat(Netbox.admin(server).get("/api/ipam/ip-addresses/" + allocation + "/").status()).isEqualTo(200);
    }

    private static String concrete(String path) {
        return path.replace("{id}", "987654");
    }

    private static Object body(NetboxRoute r) {
        return switch (r.method()) {
            case "POST", "PUT", "PATCH" -> "{}";
            case "DELETE" -> r.path().endsWith("{id}/") ? null : "[]";
            default -> null;
        };
    }
}
