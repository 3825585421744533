package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * terraform-provider-netbox cannot be installed here, so this replays its request sequence for
 * {@code netbox_available_ip_address} (resource_netbox_available_ip_address.go, provider.go, go-netbox models):
 * status check, create with a one-element array, PUT of the whole WritableIPAddress, read of {@code status.value},
 * delete; plus the {@code data "netbox_prefix"} lookup that usually comes with it.
 */
@DatabaseTest
class TerraformContractTest {
    private final TestDatabase db;

    TerraformContractTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void availableIpAddressLifecycle() {
        try (IpkeeperServer server = Api.start(db, 4)) {
            Api v1 = Api.admin(server);
            ensureDefaultSpace(v1);
            long vrf = v1.post("/api/v1/spaces", Map.of("name", "tf-vrf")).ok(201).get("id").asLong();
            v1.post("/api/v1/subnets", Map.of("space", "tf-vrf", "prefix", "198.18.30.0/24")).ok(201);
            // Terraform 4.5+ sends Bearer for nbt_ tokens
            Netbox tf = Netbox.authorization(server, "Bearer nbt_terraform." + Api.ADMIN_TOKEN);
            Map<String, String> json = Map.of("Accept", "application/json");

            Api.Res status = tf.send("GET", "/api/status/", null, json);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("Content-Type")).startsWith("application/json");
            assertThat(status.json().get("netbox-version").asText()).matches("^v?\\d+\\.\\d+\\.\\d+.*");

            // data "netbox_prefix": count is dereferenced (must be an int), status.value read
            JsonNode prefixes = tf.send("GET", "/api/ipam/prefixes/?limit=2&prefix=198.18.30.0%2F24", null, json).ok(200);
            assertThat(prefixes.get("count").isInt()).isTrue();
            assertThat(prefixes.get("count").asInt()).isEqualTo(1);
            JsonNode prefix = prefixes.get("results").get(0);
            assertThat(prefix.at("/status/value").asText()).isEqualTo("active");
            long prefixId = prefix.get("id").asLong();

            // create: a one-element array (go-netbox AvailableIP with a nested VRF), answered by a 201 array
            Map<String, Object> nestedVrf = new HashMap<>();
            nestedVrf.put("id", vrf);
            nestedVrf.put("name", null);
            JsonNode created = tf.send("POST", "/api/ipam/prefixes/" + prefixId + "/available-ips/",
                    List.of(Map.of("vrf", nestedVrf)), json).ok(201);
            assertThat(created.isArray()).isTrue();
            assertThat(created).hasSize(1);
            long id = created.get(0).get("id").asLong();
            String address = created.get(0).get("address").asText();
            assertThat(address).isEqualTo("198.18.30.1/24");

            // update: the whole WritableIPAddress
            Map<String, Object> writable = new HashMap<>();
            writable.put("address", address);
            writable.put("status", "active");
            writable.put("role", "");
            writable.put("description", "managed by terraform");
            writable.put("dns_name", "tf.example.org");
            writable.put("vrf", vrf);
            writable.put("tenant", null);
            writable.put("tags", List.of());
            writable.put("nat_inside", null);
            writable.put("assigned_object_type", "");
            writable.put("assigned_object_id", null);
            writable.put("custom_fields", Map.of());
            assertThat(tf.send("PUT", "/api/ipam/ip-addresses/" + id + "/", writable, json).status()).isEqualTo(200);

            // read: status.value is dereferenced, so a missing status would crash the provider
            JsonNode read = tf.send("GET", "/api/ipam/ip-addresses/" + id + "/", null, json).ok(200);
            assertThat(read.at("/status/value").asText()).isEqualTo("active");
            assertThat(read.get("address").asText()).isEqualTo(address);
            assertThat(read.at("/vrf/id").asLong()).isEqualTo(vrf);
            assertThat(read.get("tenant").isNull()).isTrue();
            assertThat(read.get("dns_name").asText()).isEqualTo("tf.example.org");
            assertThat(read.get("description").asText()).isEqualTo("managed by terraform");
            assertThat(read.get("tags").isArray()).isTrue();
            assertThat(read.get("custom_fields").isObject()).isTrue();
            assertThat(read.has("assigned_object_type") && read.has("assigned_object_id")).isTrue();

            // the same PUT again changes nothing and still answers 200 (terraform re-applies unchanged plans)
            assertThat(tf.send("PUT", "/api/ipam/ip-addresses/" + id + "/", writable, json).status()).isEqualTo(200);

            assertThat(tf.send("DELETE", "/api/ipam/ip-addresses/" + id + "/", null, json).status()).isEqualTo(204);
            // a later refresh: 404 drops the resource from state; a second delete is a tolerated 404
            assertThat(tf.send("GET", "/api/ipam/ip-addresses/" + id + "/", null, json).status()).isEqualTo(404);
            assertThat(tf.send("DELETE", "/api/ipam/ip-addresses/" + id + "/", null, json).status()).isEqualTo(404);
        }
    }

    @Test
    void createWithoutVrfIdInTheGlobalTable() {
        try (IpkeeperServer server = Api.start(db, 2)) {
            Api v1 = Api.admin(server);
            ensureDefaultSpace(v1);
            long subnet = v1.post("/api/v1/subnets", Map.of("space", "default", "prefix", "198.18.31.0/24")).ok(201)
                    .get("id").asLong();
            Netbox tf = Netbox.token(server, Api.ADMIN_TOKEN);
            // go-netbox drops a zero id, leaving {"name": null}: the server places the address by its parent
            Map<String, Object> noVrf = new HashMap<>();
            noVrf.put("name", null);
            JsonNode created = tf.post("/api/ipam/prefixes/" + subnet + "/available-ips/", List.of(Map.of("vrf", noVrf)))
                    .ok(201);
            assertThat(created.get(0).get("vrf").isNull()).isTrue();
            assertThat(created.get(0).get("address").asText()).isEqualTo("198.18.31.1/24");
        }
    }

    /** The class shares one database: the global table is created by whichever test runs first. */
    private static void ensureDefaultSpace(Api v1) {
        if (v1.get("/api/v1/spaces/default").status() == 404) {
            v1.post("/api/v1/spaces", Map.of("name", "default")).ok(201);
        }
    }
}
