package io.ipkeeper.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;

/**
 * Not a test: {@code scripts/screenshots} runs this main to refresh {@code docs/images/*.png}. It starts a server on
 * 127.0.0.1 with an in-memory H2 database, fills it with demo data (documentation address ranges only) through the API,
 * and photographs the main pages with headless Chromium.
 */
public final class Screenshots {
    static final String PASSWORD = "correct-horse-battery-9";

    private Screenshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        try (TestDatabase db = TestDatabase.create(DatabaseKind.H2, "screenshots")) {
            IpkeeperServer server = Api.start(db, 4);
            try {
                Demo demo = demo(Api.admin(server));
                shoot(server.url(), demo, out);
            } finally {
                server.close();
            }
        }
        System.out.println("screenshots written to " + out.toAbsolutePath());
    }

    record Demo(long web, long k8s, long v6) {}

    static Demo demo(Api api) {
        api.post("/api/v1/users", Map.of("username", "netops", "role", "admin", "password", PASSWORD)).ok(201);
        api.post("/api/v1/users", Map.of("username", "erin", "role", "engineer", "password", PASSWORD)).ok(201);
        api.post("/api/v1/spaces", Map.of("name", "prod", "description", "production, DC1")).ok(201);
        api.post("/api/v1/spaces", Map.of("name", "lab", "description", "test bench")).ok(201);
        api.post("/api/v1/subnets", Map.of("space", "prod", "prefix", "198.18.0.0/16", "description", "DC1 aggregate",
                "container", true)).ok(201);
        long web = subnet(api, "prod", "198.18.10.0/24", "web tier", "198.18.10.1");
        long db = subnet(api, "prod", "198.18.11.0/24", "databases", "198.18.11.1");
        long k8s = subnet(api, "prod", "198.18.12.0/22", "kubernetes nodes", "198.18.12.1");
        subnet(api, "prod", "198.18.16.0/26", "management", "198.18.16.1");
        long v6 = api.post("/api/v1/subnets", Map.of("space", "prod", "prefix", "2001:db8:10::/64",
                "description", "web tier v6")).ok(201).get("id").asLong();
        long lab = subnet(api, "lab", "192.0.2.0/24", "lab bench", "192.0.2.1");
        long bosh = api.post("/api/v1/subnets/" + web + "/ranges", Map.of("start", "198.18.10.100",
                "end", "198.18.10.149", "purpose", "static", "owner", "bosh-west", "description", "BOSH director west"))
                .ok(201).get("id").asLong();
        api.post("/api/v1/subnets/" + web + "/ranges", Map.of("start", "198.18.10.200", "end", "198.18.10.239",
                "purpose", "dynamic", "description", "DHCP pool")).ok(201);
        allocate(api, web, Map.of("count", 24, "hostname", "web-{n}", "purpose", "web"));
        api.post("/api/v1/ranges/" + bosh + "/allocations", Map.of("count", 12, "hostname", "bosh-west-{n}",
                "owner", "bosh-west")).ok(201);
        allocate(api, web, Map.of("count", 4, "hostname", "staging-{n}", "expiresIn", "P1D"));
        JsonNode some = allocate(api, web, Map.of("count", 3, "hostname", "old-{n}"));
        for (JsonNode a : some) {
            api.delete("/api/v1/allocations/" + a.get("id").asLong()).ok(200);
        }
        allocate(api, web, Map.of("address", "198.18.10.60", "hostname", "lb-1", "mac", "02:00:5e:10:00:01",
                "description", "load balancer VIP"));
        allocate(api, db, Map.of("count", 180, "hostname", "db-{n}"));
        allocate(api, k8s, Map.of("count", 700, "hostname", "node-{n}"));
        allocate(api, v6, Map.of("count", 20, "hostname", "web6-{n}"));
        allocate(api, lab, Map.of("count", 9, "hostname", "bench-{n}"));
        api.post("/api/v1/tokens", Map.of("name", "ci-bot", "role", "engineer",
                "grants", List.of(Map.of("scope", "space", "value", "lab")))).ok(201);
        api.post("/api/v1/tokens", Map.of("name", "bosh-west", "role", "service",
                "grants", List.of(Map.of("scope", "owner", "value", "bosh-west")))).ok(201);
        api.post("/api/v1/webhooks", Map.of("url", "https://hooks.example.net/ipkeeper",
                "events", List.of("allocation.created", "subnet.threshold"), "description", "chat-ops")).ok(201);
        return new Demo(web, k8s, v6);
    }

    static long subnet(Api api, String space, String prefix, String description, String gateway) {
        return api.post("/api/v1/subnets", Map.of("space", space, "prefix", prefix, "description", description,
                "gateway", gateway)).ok(201).get("id").asLong();
    }

    static JsonNode allocate(Api api, long subnet, Map<String, Object> body) {
        return api.post("/api/v1/subnets/" + subnet + "/allocations", body).ok(201);
    }

    static void shoot(String url, Demo demo, Path out) throws Exception {
        try (Browser b = Browser.start(1280, 900)) {
            b.open(url + "/ui/#/login");
            b.visible("#login-form");
            page(b, out, "login", 900);
            b.login(url, "netops", PASSWORD);
            b.open(url + "/ui/#/spaces");
            b.visible(".tree .util");
            page(b, out, "subnet-tree", 0);
            b.open(url + "/ui/#/subnets/" + demo.web());
            b.visible("#address-map .cell.allocated");
            page(b, out, "subnet", 0);
            b.open(url + "/ui/#/subnets/" + demo.k8s());
            b.visible("#address-map");
            page(b, out, "subnet-map-22", 0);
            b.open(url + "/ui/#/subnets/" + demo.v6());
            b.visible("#address-map.blocks");
            page(b, out, "subnet-ipv6-blocks", 0);
            b.open(url + "/ui/#/search?q=bosh-west-3");
            b.waitText("main", "198.18.10.");
            page(b, out, "search", 600);
            b.open(url + "/ui/#/bosh/" + demo.web() + "?owner=bosh-west");
            b.visible("#bosh-yaml");
            page(b, out, "bosh", 0);
            b.open(url + "/ui/#/audit");
            b.visible("main table");
            page(b, out, "audit", 900);
            b.open(url + "/ui/#/conflicts");
            b.visible("main .empty");
            page(b, out, "conflicts", 500);
            b.open(url + "/ui/#/agents");
            b.visible("main .empty");
            page(b, out, "agents", 500);
            b.open(url + "/ui/#/admin?tab=tokens");
            b.visible("#token-list table");
            page(b, out, "admin-tokens", 0);
        }
        try (Browser b = Browser.start(400, 860)) {
            b.login(url, "netops", PASSWORD);
            b.open(url + "/ui/#/subnets/" + demo.web());
            b.visible("#address-map .cell.allocated");
            page(b, out, "phone-subnet", 1400);
        }
    }

    /** Resizes the window to the page's height (or {@code height} if given) so the picture shows the whole page. */
    static void page(Browser b, Path out, String name, int height) throws Exception {
        b.script("document.activeElement && document.activeElement.blur()");
        int width = b.driver().manage().window().getSize().getWidth();
        int h = height > 0 ? height
                : Math.min(2400, ((Number) b.script("return document.documentElement.scrollHeight")).intValue() + 20);
        b.driver().manage().window().setSize(new Dimension(width, h));
        b.screenshot(out.resolve(name + ".png"));
    }
}
