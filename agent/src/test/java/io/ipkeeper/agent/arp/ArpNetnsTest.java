package io.ipkeeper.agent.arp;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.testkit.netns.Namespace;
import io.ipkeeper.testkit.netns.NamespaceProcess;
import io.ipkeeper.testkit.netns.NetnsLab;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real ARP on a real link: hosts A (198.18.0.1, and 198.18.0.10 like pgpool's VIP) and B (198.18.0.2) in their own
 * network namespaces, joined by a veth pair. Each side runs {@link ArpToolMain} in a child JVM inside its namespace,
 * as the agent will run on a host.
 */
@Tag("netns")
class ArpNetnsTest {

    static final Duration GENEROUS = Duration.ofSeconds(30);

    private NetnsLab lab;
    private Namespace a;
    private Namespace b;
    private String macB;

    @BeforeEach
    void twoHostsOnOneLink() {
        lab = NetnsLab.create();
        a = lab.namespace("a");
        b = lab.namespace("b");
        lab.connect(a, "eth0", b, "eth0");
        a.addAddress("eth0", "198.18.0.1/24").addAddress("eth0", "198.18.0.10/24");
        b.addAddress("eth0", "198.18.0.2/24");
        macB = b.exec("cat", "/sys/class/net/eth0/address").orThrow().stdout().strip();
    }

    @AfterEach
    void tearDown() {
        lab.close();
    }

    @Test
    void watcherInAHearsBClaimingAsAddressWithGratuitousArp() {
        NamespaceProcess watch = a.startJava(ArpToolMain.class.getName(), "watch", "eth0");
        String ready = watch.awaitLine(l -> l.startsWith("READY "), GENEROUS);
        String macA = ready.substring("READY ".length());
        assertThat(macA).isNotEqualTo(macB);

        // B announces A's address now and then, like the incident's VM with its 15-minute NTP cron.
        b.startJava(ArpToolMain.class.getName(), "announce", "eth0", "198.18.0.10", "100", "200");

        // Each round is a gratuitous request and a gratuitous reply; coalesced per (address, MAC) they are one
        // observation counting both frames, of the kind heard last.
        String seen = watch.awaitLine(l -> l.startsWith("OBS 198.18.0.10 " + macB + " GRATUITOUS_"), GENEROUS);
        assertThat(seen).endsWith(" 2");
        // A's own frames are not observations: it never reports its own MAC from the wire.
        assertThat(watch.stdoutLines()).noneMatch(l -> l.startsWith("OBS ") && l.contains(macA));
    }

    @Test
    void probeFromAFindsBsMacAndNobodyForAnUnusedAddress() {
        List<String> taken = probe("198.18.0.2");
        assertThat(taken).as("answering MACs").containsExactly(macB);

        List<String> free = probe("198.18.0.77");
        assertThat(free).as("answering MACs").isEmpty();
    }

    @Test
    void aHostThatIgnoresPingIsStillFoundByArp() {
        // Before: B answers ping, so the ping check below can tell the difference at all.
        assertThat(ping("198.18.0.2")).isTrue();
        b.sysctl("net.ipv4.icmp_echo_ignore_all", "1");

        assertThat(ping("198.18.0.2")).as("ping after B stopped answering ICMP").isFalse();
        assertThat(probe("198.18.0.2")).containsExactly(macB);
    }

    /** Runs a probe in A and returns the MACs that answered. */
    private List<String> probe(String address) {
        NamespaceProcess probe = a.startJava(ArpToolMain.class.getName(), "probe", "eth0", address);
        String line = probe.awaitLine(l -> l.startsWith("PROBE "), GENEROUS);
        String[] fields = line.split(" ");
        assertThat(fields[1]).isEqualTo(address);
        assertThat(fields[3]).as("probes sent").isEqualTo("3");
        System.out.println("probe of " + address + " took " + fields[2] + " ms");
        return Arrays.asList(fields).subList(4, fields.length);
    }

    private boolean ping(String address) {
        NamespaceProcess ping = a.startJava(ArpToolMain.class.getName(), "ping", address);
        return Boolean.parseBoolean(ping.awaitLine(l -> l.startsWith("REACHABLE "), GENEROUS).split(" ")[1]);
    }
}
