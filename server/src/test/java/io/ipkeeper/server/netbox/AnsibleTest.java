package io.ipkeeper.server.netbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.server.IpkeeperServer;
import io.ipkeeper.server.api.Api;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's Ansible with its netbox.netbox 3.13 collection runs a playbook against ipkeeper on 127.0.0.1:
 * {@code netbox_ip_address} with {@code state: new} and a prefix (a new address each time), then {@code present}
 * and {@code absent}, asserting {@code changed} and idempotence inside the playbook. Offline and quiet: local
 * connection, a throwaway HOME, no retry files or fact gathering. The storage paths are those of NetboxApiTest, so
 * PostgreSQL is enough here.
 */
@Tag("slow")
class AnsibleTest {
    private static final Pattern RESULT = Pattern.compile("IPK-RESULT first=(\\S+) second=(\\S+?)\"");

    @BeforeAll
    static void requireClient() {
        Clients.requireAnsible();
    }

    @Test
    void ipAddressNewPresentAbsent(@TempDir Path home) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.POSTGRESQL, "ansible");
             IpkeeperServer server = Api.start(db, 4)) {
            Api v1 = Api.admin(server);
            v1.post("/api/v1/spaces", Map.of("name", "default")).ok(201);
            long subnet = v1.post("/api/v1/subnets", Map.of("space", "default", "prefix", "198.18.50.0/24")).ok(201)
                    .get("id").asLong();
            String token = v1.post("/api/v1/tokens", Map.of("name", "ansible", "role", "service",
                    "grants", List.of(Map.of("scope", "space", "value", "default")))).ok(201).get("token").asText();
            Path tmp = Files.createDirectories(home.resolve("tmp"));
            Map<String, String> env = Map.of("HOME", home.toString(), "ANSIBLE_LOCAL_TEMP", tmp.toString(),
                    "ANSIBLE_REMOTE_TEMP", tmp.toString(), "ANSIBLE_NOCOLOR", "1", "ANSIBLE_RETRY_FILES_ENABLED", "0",
                    "ANSIBLE_GATHERING", "explicit", "ANSIBLE_HOST_KEY_CHECKING", "0",
                    "ANSIBLE_PYTHON_INTERPRETER", "/usr/bin/python3", "ANSIBLE_DEPRECATION_WARNINGS", "0");
            Clients.Run run = Clients.run(List.of(Clients.ANSIBLE_PLAYBOOK.toString(),
                    "-i", Clients.resource("inventory.ini").toString(),
                    "-e", "netbox_url=" + server.url(), "-e", "netbox_token=" + token, "-e", "prefix=198.18.50.0/24",
                    Clients.resource("ip_address_playbook.yml").toString()), env, home).ok();
            assertThat(run.out()).contains("failed=0");
            Matcher m = RESULT.matcher(run.out());
            assertThat(m.find()).as(run.out()).isTrue();
            assertThat(m.group(1)).isEqualTo("198.18.50.1/24");
            assertThat(m.group(2)).isEqualTo("198.18.50.2/24");
            // server side: the first was released (quarantined), the second is live with Ansible's description
            assertThat(v1.get("/api/v1/allocations?subnet=" + subnet + "&state=allocated").ok(200).get("results")
                    .findValuesAsText("address")).containsExactly("198.18.50.2");
            assertThat(v1.get("/api/v1/allocations?address=198.18.50.2").ok(200).get("results").get(0)
                    .get("description").asText()).isEqualTo("from ansible");
        }
    }
}
