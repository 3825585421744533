package io.ipkeeper.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web UI in a real browser (headless Chromium) against a real server on 127.0.0.1 with H2: NetOps builds a space,
 * a subnet and a delegated range, allocates, edits and releases an address and finds it in the audit log; an admin
 * creates a token and a webhook; a viewer is offered no write action.
 */
@Tag("slow")
class WebUiTest {
    static final String PASSWORD = "correct-horse-battery-9";
    static TestDatabase db;
    static IpkeeperServer server;

    @BeforeAll
    static void start() {
        Browser.require();
        db = TestDatabase.create(DatabaseKind.H2, "webui");
        server = Api.start(db, 4);
        Api admin = Api.admin(server);
        admin.post("/api/v1/users", Map.of("username", "netops", "role", "admin", "password", PASSWORD)).ok(201);
        admin.post("/api/v1/users", Map.of("username", "vera", "role", "viewer", "password", PASSWORD)).ok(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void netopsBuildsAllocatesEditsReleasesAndAudits() {
        try (Browser b = Browser.start(1280, 900)) {
            b.open(server.url() + "/");
            b.visible("#login-form"); // "/" redirects to the UI, which asks for a login
            b.login(server.url(), "netops", PASSWORD);

            b.open(server.url() + "/ui/#/admin?tab=spaces");
            b.type("space-form", "name", "lab").type("space-form", "description", "the lab").submit("space-form");
            b.waitText("main table", "the lab");

            b.click("#tab-subnets");
            b.choose("subnet-form", "space", "lab").type("subnet-form", "prefix", "198.18.10.0/24")
                    .type("subnet-form", "gateway", "198.18.10.1").submit("subnet-form");
            b.waitText("main h1", "198.18.10.0/24");

            b.click("details.edit-subnet > summary");
            b.type("subnet-edit-form", "description", "web tier").type("subnet-edit-form", "utilizationThreshold", "85")
                    .submit("subnet-edit-form");
            b.waitText("#status", "Saved 198.18.10.0/24");
            b.waitText("main dl.details", "web tier");

            b.type("range-form", "start", "198.18.10.100").type("range-form", "end", "198.18.10.149")
                    .type("range-form", "owner", "bosh-west").submit("range-form");
            b.waitText("td.owner", "bosh-west");
            String subnetPage = b.driver().getCurrentUrl();
            b.click("a[href^='#/bosh/']");
            b.waitText("#bosh-yaml", "range: \"198.18.10.0/24\"");
            b.click("#copy-bosh");
            b.waitText("#status", "Copied the cloud-config entry");
            b.open(subnetPage);
            b.waitText("main h1", "198.18.10.0/24");

            b.type("allocate-form", "hostname", "web-1").type("allocate-form", "mac", "02:00:00:00:00:01")
                    .submit("allocate-form");
            b.waitText("#status", "Allocated ");
            String address = b.visible("#status").getText().replace("Allocated ", "").strip();
            assertThat(address).startsWith("198.18.10.");
            b.visible("#address-map .cell.allocated[data-address='" + address + "']");
            b.waitText("tr[data-address='" + address + "'] td.hostname", "web-1");
            // the list shows free gaps inline
            assertThat(b.all("tr.gap").stream().map(WebElement::getText)).anyMatch(t -> t.contains("addresses free"));

            b.click("button[data-edit='" + address + "']");
            b.type("edit-form", "hostname", "web-1b").type("edit-form", "description", "edited in the UI")
                    .submit("edit-form");
            b.waitText("#status", "Saved " + address);
            b.waitText("tr[data-address='" + address + "'] td.description", "edited in the UI");
            assertThat(b.visible("tr[data-address='" + address + "'] td.hostname").getText()).isEqualTo("web-1b");

            b.click("button[data-release='" + address + "']");
            b.click("#confirm-ok");
            b.waitText("#status", "Released " + address);
            b.visible("#address-map .cell.quarantined[data-address='" + address + "']");

            b.click("tr[data-address='" + address + "'] a[href*='objectType=allocation']");
            b.waitText("main h1", "Audit log of allocation");
            b.waitText("main table", "allocation.release");
            assertThat(b.visible("main table").getText()).contains("allocation.create", "allocation.update", "user:");

            b.open(server.url() + "/ui/#/spaces");
            b.await(d -> b.all(".tree a.prefix").stream().anyMatch(e -> e.getText().equals("198.18.10.0/24")));
            assertThat(b.all(".tree .util [role=img]")).isNotEmpty();
            // everything above ran under the strict CSP without a single blocked script or style
            assertThat(b.script("return document.documentElement.dataset.cspViolations || null")).isNull();
        }
    }

    @Test
    void adminCreatesTokenAndWebhook() {
        try (Browser b = Browser.start(1280, 900)) {
            b.login(server.url(), "netops", PASSWORD);
            b.open(server.url() + "/ui/#/admin?tab=tokens");
            b.type("token-form", "name", "ci-bot").choose("token-form", "role", "engineer").submit("token-form");
            b.waitText("#token-secret", "ipk_");
            b.waitText("#token-list", "ci-bot");

            b.click("#tab-webhooks");
            b.type("webhook-form", "url", "http://127.0.0.1:9/hooks/ipkeeper").submit("webhook-form");
            b.waitText("#webhook-list", "http://127.0.0.1:9/hooks/ipkeeper");
            assertThat(b.visible("#webhook-secret code").getText()).isNotBlank();
        }
        assertThat(Api.admin(server).get("/api/v1/webhooks").ok(200).get("results").toString())
                .contains("127.0.0.1:9/hooks/ipkeeper");
    }

    @Test
    void viewerSeesNoWriteActions() {
        Api admin = Api.admin(server);
        long space = admin.post("/api/v1/spaces", Map.of("name", "view-test")).ok(201).get("id").asLong();
        long subnet = admin.post("/api/v1/subnets", Map.of("space", space, "prefix", "198.18.20.0/28")).ok(201)
                .get("id").asLong();
        admin.post("/api/v1/subnets/" + subnet + "/allocations", Map.of("hostname", "db-1")).ok(201);
        try (Browser b = Browser.start(1280, 900)) {
            b.login(server.url(), "vera", PASSWORD);
            b.open(server.url() + "/ui/#/subnets/" + subnet);
            b.waitText("main h1", "198.18.20.0/28");
            b.waitText("main", "db-1");
            assertThat(b.all("#allocate-form, #range-form, button[data-edit], button[data-release], #nav a[href='#/admin']"))
                    .isEmpty();
            assertThat(b.all("#address-map .cell.allocated")).hasSize(1);
            b.open(server.url() + "/ui/#/admin?tab=users");
            b.waitText("main", "Only admins");
            assertThat(b.all("form#user-form")).isEmpty();
        }
    }

    @Test
    void keyboardAloneLogsInAndFoldsTheTree() {
        Api admin = Api.admin(server);
        admin.post("/api/v1/spaces", Map.of("name", "kbd")).ok(201);
        admin.post("/api/v1/subnets", Map.of("space", "kbd", "prefix", "198.18.32.0/22", "container", true)).ok(201);
        admin.post("/api/v1/subnets", Map.of("space", "kbd", "prefix", "198.18.33.0/24")).ok(201);
        try (Browser b = Browser.start(1280, 900)) {
            b.open(server.url() + "/ui/#/login");
            b.visible("#login-form [name=username]").sendKeys("netops", Keys.TAB, PASSWORD, Keys.ENTER);
            b.waitText("#whoami", "netops");
            // after a navigation the focus is on the new page's heading (screen readers announce it)
            b.await(d -> "H1".equals(b.script("return document.activeElement.tagName")));
            WebElement summary = b.await(d -> d.findElements(By.xpath("//summary[.//a[text()='198.18.32.0/22']]"))
                    .stream().findFirst().orElse(null));
            WebElement child = b.driver().findElement(By.xpath("//a[text()='198.18.33.0/24']"));
            assertThat(child.isDisplayed()).isTrue();
            b.script("arguments[0].focus()", summary);
            summary.sendKeys(Keys.ENTER);
            b.await(d -> !child.isDisplayed());
            summary.sendKeys(Keys.SPACE);
            b.await(d -> child.isDisplayed());
        }
    }

    @Test
    void anEndedSessionLeadsBackToTheLoginWithAReason() {
        Api admin = Api.admin(server);
        long id = admin.post("/api/v1/users", Map.of("username", "temp", "role", "engineer", "password", PASSWORD))
                .ok(201).get("id").asLong();
        try (Browser b = Browser.start(1280, 900)) {
            b.login(server.url(), "temp", PASSWORD);
            admin.patch("/api/v1/users/" + id, Map.of("disabled", true), Map.of()).ok(200); // ends her sessions
            b.click("#nav a[href='#/audit']");
            b.visible("#login-form");
            b.waitText("#status", "Your session has ended");
            assertThat(b.all("#whoami")).isEmpty();
        }
    }

    @Test
    void phoneWidthHasNoHorizontalScroll() {
        try (Browser b = Browser.start(400, 800)) {
            b.login(server.url(), "netops", PASSWORD);
            b.open(server.url() + "/ui/#/spaces");
            b.visible("#search-form");
            Object overflow = b.script("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            // the search finds addresses by hostname from there
            b.visible("#search-q").sendKeys("no-such-host");
            b.submit("search-form");
            b.waitText("main", "No allocated, reserved or quarantined address matches.");
            assertThat(b.driver().findElement(By.cssSelector("main h1")).getText()).contains("no-such-host");
        }
    }
}
