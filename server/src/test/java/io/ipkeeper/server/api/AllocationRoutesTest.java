package io.ipkeeper.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Allocation over HTTP: next free, bulk with {n}, specific, 409 with counts, idempotency, ETag/If-Match, release. */
@DatabaseTest
class AllocationRoutesTest {
    private static final AtomicInteger NEXT_SUBNET = new AtomicInteger(100);
    private final TestDatabase db;
    private IpkeeperServer server;
    private Api admin;
    private Api engineer;

    AllocationRoutesTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        server = Api.start(db, 2);
        admin = Api.admin(server);
        if (admin.get("/api/v1/spaces/alloc").status() == 404) {
            admin.post("/api/v1/spaces", Map.of("name", "alloc")).ok(201);
        }
        engineer = admin.withRole("engineer-" + NEXT_SUBNET.incrementAndGet(), "engineer", "space:alloc",
                "owner:search-owner", "owner:team-a");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A fresh /28 (13 usable addresses after network, broadcast and gateway). */
    private long subnet28() {
        String prefix = "198.18." + NEXT_SUBNET.incrementAndGet() + ".0/28";
        String gw = prefix.replace(".0/28", ".1");
        return admin.post("/api/v1/subnets", Map.of("space", "alloc", "prefix", prefix, "gateway", gw)).ok(201)
                .get("id").asLong();
    }

    private static List<String> addresses(JsonNode allocations) {
        List<String> out = new ArrayList<>();
        allocations.forEach(a -> out.add(a.get("address").asText()));
        return out;
    }

    @Test
    void nextFreeBulkWithNumberedHostnamesAndRelease() {
        long s = subnet28();
        String base = admin.get("/api/v1/subnets/" + s).ok(200).get("prefix").asText().replace(".0/28", ".");
        Api.Res one = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("hostname", "db-1", "owner", "team-a"));
        JsonNode a = one.ok(201).get(0);
        assertThat(a.get("address").asText()).isEqualTo(base + "2");
        assertThat(a.get("state").asText()).isEqualTo("allocated");
        assertThat(a.get("createdBy").asText()).contains(":engineer-");
        assertThat(one.header("Location")).isEqualTo("/api/v1/allocations/" + a.get("id").asLong());

        assertThat(engineer.post("/api/v1/subnets/" + s + "/allocations", "").ok(201).get(0).get("address").asText())
                .isEqualTo(base + "3");

        JsonNode bulk = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("count", 3, "hostname", "web-{n}"))
                .ok(201);
        assertThat(addresses(bulk)).containsExactly(base + "4", base + "5", base + "6");
        assertThat(bulk.findValuesAsText("hostname")).containsExactly("web-1", "web-2", "web-3");
        assertThat(engineer.get("/api/v1/allocations?hostname=WEB-2").ok(200).get("results").get(0).get("address").asText())
                .isEqualTo(base + "5");

        JsonNode specific = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("address", base + "14")).ok(201);
        assertThat(specific.get(0).get("address").asText()).isEqualTo(base + "14");

        JsonNode released = engineer.delete("/api/v1/allocations/" + a.get("id").asLong()).ok(200);
        assertThat(released.get("state").asText()).isEqualTo("quarantined");
        assertThat(released.get("quarantineUntil").isNull()).isFalse();
        assertThat(engineer.get("/api/v1/allocations?subnet=" + s + "&state=quarantined").ok(200).get("count").asInt())
                .isEqualTo(1);
    }

    @Test
    void notEnoughFreeIs409WithRequestedAndAvailableAndAllocatesNothing() {
        long s = subnet28();
        engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("count", 10)).ok(201);
        long before = Api.count(db, "allocation");
        JsonNode p = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("count", 4)).problem(409);
        assertThat(p.get("requested").asInt()).isEqualTo(4);
        assertThat(p.get("available").asInt()).isEqualTo(3);
        assertThat(Api.count(db, "allocation")).isEqualTo(before);
    }

    @Test
    void badAllocationRequestsAreProblemsAndWriteNothing() {
        long s = subnet28();
        String base = admin.get("/api/v1/subnets/" + s).ok(200).get("prefix").asText().replace(".0/28", ".");
        engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("address", base + "9")).ok(201);
        long before = Api.count(db, "allocation");
        String path = "/api/v1/subnets/" + s + "/allocations";
        engineer.post(path, Map.of("count", 0)).problem(422);
        engineer.post(path, Map.of("count", 1025)).problem(422);
        engineer.post(path, Map.of("count", "two")).problem(400);
        engineer.post(path, Map.of("count", "2")).problem(400);
        engineer.post(path, Map.of("count", 1.5)).problem(400);
        engineer.post(path, Map.of("hostname", 42)).problem(400);
        engineer.post(path, Map.of("address", "10.999.0.1")).problem(422);
        engineer.post(path, Map.of("address", "203.0.113.5")).problem(422);
        engineer.post(path, Map.of("address", base + "9")).problem(409);
        engineer.post(path, Map.of("address", base + "1")).problem(409);
        engineer.post(path, Map.of("strategy", "highest")).problem(422);
        engineer.post(path, Map.of("expiresIn", "1 hour")).problem(422);
        engineer.post(path, Map.of("expiresIn", "-PT1H")).problem(422);
        engineer.post(path, Map.of("hostnames", List.of("a"))).problem(400);
        engineer.post(path, "{\"count\": 2,").problem(400);
        engineer.post(path, Map.of("count", 2, "hostname", "h".repeat(254) + "{n}")).problem(422);
        engineer.post(path, Map.of("idempotencyKey", "a"), Map.of("Idempotency-Key", "b")).problem(422);
        engineer.post("/api/v1/subnets/99999/allocations", Map.of()).problem(404);
        engineer.post("/api/v1/ranges/99999/allocations", Map.of()).problem(404);
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        assertThat(engineer.post(path, "{\"hostname\": \"" + new String(big) + "\"}").status()).isEqualTo(413);
        assertThat(Api.count(db, "allocation")).isEqualTo(before);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameAllocationAndADifferentBodyIs422() {
        long s = subnet28();
        String path = "/api/v1/subnets/" + s + "/allocations";
        JsonNode first = engineer.post(path, Map.of("count", 2, "hostname", "vm-{n}"), Map.of("Idempotency-Key", "k-1")).ok(201);
        JsonNode again = engineer.post(path, Map.of("count", 2, "hostname", "vm-{n}", "idempotencyKey", "k-1")).ok(201);
        assertThat(again.findValuesAsText("id")).isEqualTo(first.findValuesAsText("id"));
        assertThat(again.findValuesAsText("hostname")).containsExactly("vm-1", "vm-2");
        long before = Api.count(db, "allocation");
        JsonNode p = engineer.post(path, Map.of("count", 3), Map.of("Idempotency-Key", "k-1")).problem(422);
        assertThat(p.get("detail").asText()).contains("new key");
        assertThat(Api.count(db, "allocation")).isEqualTo(before);
    }

    @Test
    void patchNeedsTheCurrentEtagWhenIfMatchIsSent() {
        long s = subnet28();
        long id = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("hostname", "old")).ok(201).get(0)
                .get("id").asLong();
        Api.Res read = engineer.get("/api/v1/allocations/" + id);
        String etag = read.header("ETag");
        assertThat(etag).startsWith("W/\"");

        Api.Res changed = engineer.patch("/api/v1/allocations/" + id, Map.of("hostname", "new", "mac", "02:00:00:00:00:01"),
                Map.of("If-Match", etag));
        assertThat(changed.ok(200).get("hostname").asText()).isEqualTo("new");
        assertThat(changed.header("ETag")).isNotEqualTo(etag);

        JsonNode lost = engineer.patch("/api/v1/allocations/" + id, Map.of("hostname", "lost"), Map.of("If-Match", etag))
                .problem(412);
        assertThat(lost.get("currentEtag").asText()).isEqualTo(changed.header("ETag"));
        assertThat(engineer.get("/api/v1/allocations/" + id).ok(200).get("hostname").asText()).isEqualTo("new");

        java.util.HashMap<String, Object> clear = new java.util.HashMap<>();
        clear.put("description", null);
        clear.put("mac", null);
        assertThat(engineer.patch("/api/v1/allocations/" + id, clear, Map.of()).ok(200).get("mac").isNull()).isTrue();
        engineer.patch("/api/v1/allocations/" + id, Map.of("address", "198.18.0.1"), Map.of()).problem(400);
        engineer.patch("/api/v1/allocations/" + id, Map.of("hostname", 7), Map.of()).problem(400);
        engineer.patch("/api/v1/allocations/" + id, Map.of(), Map.of()).problem(422);
        engineer.patch("/api/v1/allocations/" + id, Map.of("expiresAt", "2999-01-01T00:00:00Z"), Map.of()).problem(422);
        engineer.patch("/api/v1/allocations/99999", Map.of("hostname", "x"), Map.of()).problem(404);
        engineer.delete("/api/v1/allocations/" + id).ok(200);
        engineer.patch("/api/v1/allocations/" + id, Map.of("hostname", "x"), Map.of()).problem(409);
        engineer.delete("/api/v1/allocations/99999").problem(404);
    }

    @Test
    void reservationsWithExpiresInCanBeExtended() {
        long s = subnet28();
        JsonNode r = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("expiresIn", "PT1H")).ok(201).get(0);
        assertThat(r.get("state").asText()).isEqualTo("reserved");
        assertThat(r.get("expiresAt").isNull()).isFalse();
        JsonNode extended = engineer.patch("/api/v1/allocations/" + r.get("id").asLong(),
                Map.of("expiresAt", "2999-01-01T00:00:00Z"), Map.of()).ok(200);
        assertThat(extended.get("expiresAt").asText()).startsWith("2999-01-01");
        engineer.patch("/api/v1/allocations/" + r.get("id").asLong(), Map.of("expiresAt", "2001-01-01T00:00:00Z"),
                Map.of()).problem(422);
    }

    @Test
    void availableListsWithoutAllocatingAndDelegatedRangesNeedTheirOwner() {
        long s = subnet28();
        String base = admin.get("/api/v1/subnets/" + s).ok(200).get("prefix").asText().replace(".0/28", ".");
        long range = admin.post("/api/v1/subnets/" + s + "/ranges", Map.of("start", base + "8", "end", base + "11",
                "purpose", "static", "owner", "bosh-west")).ok(201).get("id").asLong();
        long before = Api.count(db, "allocation");
        JsonNode avail = engineer.get("/api/v1/subnets/" + s + "/available?limit=3").ok(200);
        assertThat(avail.get("results")).hasSize(3);
        assertThat(avail.get("results").get(0).asText()).isEqualTo(base + "2");
        JsonNode all = engineer.get("/api/v1/subnets/" + s + "/available?limit=1000").ok(200);
        assertThat(all.get("count").asInt()).isEqualTo(9);
        assertThat(engineer.get("/api/v1/subnets/" + s + "/available?limit=1000&owner=bosh-west").ok(200).get("count")
                .asInt()).isEqualTo(13);
        assertThat(engineer.get("/api/v1/ranges/" + range + "/available?owner=bosh-west").ok(200).get("count").asInt())
                .isEqualTo(4);
        engineer.get("/api/v1/subnets/" + s + "/available?limit=0").problem(400);
        assertThat(Api.count(db, "allocation")).isEqualTo(before);

        Api bosh = admin.withRole("bosh-west-" + s, "service", "range:" + range, "owner:bosh-west");
        bosh.post("/api/v1/ranges/" + range + "/allocations", Map.of("count", 2)).problem(403);
        JsonNode got = bosh.post("/api/v1/ranges/" + range + "/allocations", Map.of("count", 2, "owner", "bosh-west"))
                .ok(201);
        assertThat(addresses(got)).containsExactly(base + "8", base + "9");
        assertThat(bosh.get("/api/v1/allocations?owner=bosh-west&subnet=" + s).ok(200).get("count").asInt()).isEqualTo(2);
        JsonNode free = engineer.get("/api/v1/subnets/" + s + "/free").ok(200);
        assertThat(free.get("results").toString()).contains(base + "10");
    }

    @Test
    void searchFindsByAddressMacOwnerAndRejectsBadFilters() {
        long s = subnet28();
        JsonNode a = engineer.post("/api/v1/subnets/" + s + "/allocations", Map.of("mac", "02:AA:00:00:00:01",
                "owner", "search-owner")).ok(201).get(0);
        String address = a.get("address").asText();
        assertThat(engineer.get("/api/v1/allocations?address=" + address).ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(engineer.get("/api/v1/allocations?mac=02:aa:00:00:00:01").ok(200).get("count").asInt()).isEqualTo(1);
        assertThat(engineer.get("/api/v1/allocations?owner=search-owner&space=alloc").ok(200).get("count").asInt())
                .isEqualTo(1);
        assertThat(engineer.get("/api/v1/allocations/" + a.get("id").asLong()).ok(200).get("owner").asText())
                .isEqualTo("search-owner");
        engineer.get("/api/v1/allocations?address=nope").problem(400);
        engineer.get("/api/v1/allocations?state=gone").problem(400);
        engineer.get("/api/v1/allocations?subnet=x").problem(400);
        engineer.get("/api/v1/allocations/99999").problem(404);
    }
}
