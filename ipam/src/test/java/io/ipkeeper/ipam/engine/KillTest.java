package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.FreeIndexCheck;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.testkit.DatabaseKind;
import io.ipkeeper.testkit.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of an allocating JVM on PostgreSQL: every allocation the child acknowledged (printed after commit) must be
 * there afterwards, with no duplicate and a free-space index consistent with the rows.
 */
@Tag("slow")
class KillTest {

    private static final int ACKS_BEFORE_KILL = 400;

    @Test
    void acknowledgedAllocationsSurviveSigkill() throws Exception {
        try (TestDatabase tdb = TestDatabase.create(DatabaseKind.POSTGRESQL, "KillTest")) {
            long subnetId;
            try (Database db = Database.open(tdb.jdbcUrl(), null, null, 2)) {
                Ipam ipam = Ipam.create(db, IpamConfig.defaults(), Clock.systemUTC(), null);
                long space = ipam.spaces().create("test", "kill", null).id();
                Subnet s = ipam.subnets().create("test", SubnetSpec.of(space, "10.9.0.0/16"));
                subnetId = s.id();
            }
            String java = ProcessHandle.current().info().command().orElseThrow();
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    KillTestChild.class.getName(), tdb.jdbcUrl(), Long.toString(subnetId))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Map<Long, String> acked = new HashMap<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while (acked.size() < ACKS_BEFORE_KILL && (line = out.readLine()) != null) {
                    String[] p = line.split(" ");
                    if (p.length == 3 && p[0].equals("ACK")) {
                        acked.put(Long.parseLong(p[1]), p[2]);
                    }
                }
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, transactions in flight die with the socket
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(acked).hasSize(ACKS_BEFORE_KILL);
            // "restart": a fresh process view of the database
            try (Database db = Database.open(tdb.jdbcUrl(), null, null, 2)) {
                Ipam ipam = Ipam.create(db, IpamConfig.defaults(), Clock.systemUTC(), null);
                List<Allocation> rows = ipam.allocator().list(subnetId);
                Map<Long, String> present = new HashMap<>();
                List<String> addresses = new ArrayList<>();
                rows.forEach(a -> {
                    present.put(a.id(), a.address().toString());
                    addresses.add(a.address().toString());
                });
                assertThat(present).containsAllEntriesOf(acked);
                assertThat(addresses).doesNotHaveDuplicates();
                List<String> problems = db.jdbi().inTransaction(h -> FreeIndexCheck.check(h, subnetId));
                assertThat(problems).isEmpty();
                // and the engine carries on where the child stopped
                Allocation next = ipam.allocator().allocate("test", AllocationRequest.nextFree(subnetId)).get(0);
                assertThat(addresses).doesNotContain(next.address().toString());
            }
        }
    }
}
