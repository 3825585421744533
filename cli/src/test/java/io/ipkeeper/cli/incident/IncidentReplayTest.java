package io.ipkeeper.cli.incident;

import static io.ipkeeper.cli.incident.IncidentLab.GENEROUS;
import static io.ipkeeper.cli.incident.IncidentLab.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ipkeeper.testkit.netns.Namespace;
import io.ipkeeper.testkit.netns.NamespaceProcess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 replayed on real links (docs/agent.md, "Incident replay tests"): the real {@code ipkeeper server} and
 * {@code ipkeeper agent} processes on separate hosts (network namespaces on one switch, 198.18.0.0/24), the agent
 * finding the server through gossip, and squatters sending real ARP. Every wait is bounded by 30 s; how fast it
 * goes is a benchmark figure (docs/benchmarks.md), never asserted.
 */
@Tag("netns")
class IncidentReplayTest {
    private IncidentLab lab;
    private long subnetId;

    @BeforeEach
    void lab() {
        lab = new IncidentLab();
        subnetId = lab.api("GET", "/api/v1/subnets?space=lab", null, 200).get("results").get(0).get("id").asLong();
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void aSilentSquatterAnnouncingAsAddressNowAndThenIsCaughtAsADuplicate() {
        // A holds 198.18.0.10, allocated to A's MAC.
        lab.api("POST", "/api/v1/subnets/" + subnetId + "/allocations",
                "{\"address\":\"198.18.0.10\",\"mac\":\"" + lab.macA + "\",\"hostname\":\"host-a\"}", 201);
        lab.startAgent("host-a");
        // B: another MAC, the same address configured by hand, no ping answers, a gratuitous ARP every 3 s.
        Namespace b = lab.host("b");
        b.addAddress("eth0", "198.18.0.10/24").sysctl("net.ipv4.icmp_echo_ignore_all", "1");
        String macB = IncidentLab.mac(b);
        b.startJava(AnnounceMain.class.getName(), "eth0", "198.18.0.10", "3000");

        JsonNode c = await("a duplicate conflict at 198.18.0.10 naming both MACs", () -> lab.conflict("duplicate",
                "198.18.0.10", x -> x.get("macs").toString().contains(lab.macA) && x.get("macs").toString().contains(macB)));
        assertThat(c.get("state").asText()).isEqualTo("open");
        String hook = lab.hooks.awaitLine(l -> l.startsWith("HOOK conflict.opened ") && l.contains("198.18.0.10")
                && l.contains("duplicate"), GENEROUS);
        assertThat(hook).contains(macB);
    }

    @Test
    void aSquatterOnAnUnallocatedAddressIsCaught() {
        lab.startAgent("host-a");
        Namespace b = lab.host("b");
        b.addAddress("eth0", "198.18.0.30/24");
        String macB = IncidentLab.mac(b);
        b.startJava(AnnounceMain.class.getName(), "eth0", "198.18.0.30", "3000");

        JsonNode c = await("unallocated_in_use at 198.18.0.30", () -> lab.conflict("unallocated_in_use", "198.18.0.30",
                x -> x.get("macs").toString().contains(macB)));
        assertThat(c.get("state").asText()).isEqualTo("open");
    }

    @Test
    void probeBeforeAllocateNeverHandsOutAnAddressASilentHostHolds() {
        lab.startAgent("host-a");
        // B holds .50 and says nothing: it only answers ARP (the kernel does), never ping.
        Namespace b = lab.host("b");
        b.addAddress("eth0", "198.18.0.50/24").sysctl("net.ipv4.icmp_echo_ignore_all", "1");
        String macB = IncidentLab.mac(b);
        long range = lab.api("POST", "/api/v1/subnets/" + subnetId + "/ranges",
                "{\"start\":\"198.18.0.50\",\"end\":\"198.18.0.52\",\"purpose\":\"dynamic\"}", 201).get("id").asLong();

        JsonNode made = lab.api("POST", "/api/v1/ranges/" + range + "/allocations", "{\"count\":2}", 201);
        List<String> addresses = new ArrayList<>();
        made.forEach(x -> addresses.add(x.get("address").asText()));
        assertThat(addresses).hasSize(2).doesNotContain("198.18.0.50");
        assertThat(made.get(0).get("probe").get("ran").asBoolean()).as("a covering agent probed").isTrue();
        // the answered probe is evidence: .50 is in use, unallocated, by B
        await("unallocated_in_use at 198.18.0.50", () -> lab.conflict("unallocated_in_use", "198.18.0.50",
                x -> x.get("macs").toString().contains(macB)));
    }

    @Test
    void twoDirectorsAllocatingThroughIpkeeperNeverCollideButByHandTheyAreCaught() {
        lab.startAgent("host-a");
        long range = lab.api("POST", "/api/v1/subnets/" + subnetId + "/ranges",
                "{\"start\":\"198.18.0.100\",\"end\":\"198.18.0.149\",\"purpose\":\"dynamic\"}", 201).get("id").asLong();
        Namespace d1 = lab.host("d1");
        Namespace d2 = lab.host("d2");
        String loop = "for i in 1 2 3 4 5 6 7 8; do curl -s -m 20 -X POST -H 'Authorization: Bearer "
                + IncidentLab.ADMIN + "' -H 'Content-Type: application/json' --data-binary '{}' " + IncidentLab.API
                + "/api/v1/ranges/" + range + "/allocations; echo; done";
        NamespaceProcess p1 = d1.start("sh", "-c", loop);
        NamespaceProcess p2 = d2.start("sh", "-c", loop);
        assertThat(p1.awaitExit(GENEROUS.multipliedBy(2))).isZero();
        assertThat(p2.awaitExit(GENEROUS.multipliedBy(2))).isZero();
        List<String> all = new ArrayList<>();
        for (NamespaceProcess p : List.of(p1, p2)) {
            for (String line : p.stdoutLines()) {
                if (line.startsWith("[")) {
                    all.add(line.replaceAll(".*\"address\":\"([0-9.]+)\".*", "$1"));
                }
            }
        }
        assertThat(all).as("every allocation answered 201 with one address").hasSize(16);
        Set<String> distinct = new HashSet<>(all);
        assertThat(distinct).as("no address handed to both directors").hasSize(16);

        // The same two configure an address by hand on two hosts: the incident.
        d1.addAddress("eth0", "198.18.0.60/24");
        d2.addAddress("eth0", "198.18.0.60/24");
        String mac1 = IncidentLab.mac(d1);
        String mac2 = IncidentLab.mac(d2);
        d1.startJava(AnnounceMain.class.getName(), "eth0", "198.18.0.60", "2000", "5");
        d2.startJava(AnnounceMain.class.getName(), "eth0", "198.18.0.60", "2000", "5");
        await("a duplicate at 198.18.0.60 naming both directors' hosts", () -> lab.conflict("duplicate", "198.18.0.60",
                x -> x.get("macs").toString().contains(mac1) && x.get("macs").toString().contains(mac2)));
    }

    @Test
    void aKilledAgentIsDeadThroughGossipAndCoversNothing() {
        NamespaceProcess agent = lab.startAgent("host-a");
        long range = lab.api("POST", "/api/v1/subnets/" + subnetId + "/ranges",
                "{\"start\":\"198.18.0.70\",\"end\":\"198.18.0.79\",\"purpose\":\"dynamic\"}", 201).get("id").asLong();
        JsonNode before = lab.api("POST", "/api/v1/ranges/" + range + "/allocations", "{}", 201);
        assertThat(before.get(0).get("probe").get("ran").asBoolean()).as("probed while the agent lives").isTrue();

        ProcessHandle.of(agent.pid()).orElseThrow().destroyForcibly(); // kill -9: no leave, no last report
        await("host-a dead", () -> lab.api("GET", "/api/v1/agents/host-a", null, 200).get("alive").asBoolean()
                ? null : Boolean.TRUE);

        JsonNode after = lab.api("POST", "/api/v1/ranges/" + range + "/allocations", "{}", 201);
        assertThat(after.get(0).get("probe").get("ran").asBoolean()).as("no live agent covers the subnet").isFalse();
    }
}
