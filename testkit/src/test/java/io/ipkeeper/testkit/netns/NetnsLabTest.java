package io.ipkeeper.testkit.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("netns")
class NetnsLabTest {

    /** bash's /dev/tcp: "Connection refused" proves the peer's kernel answered, i.e. ARP and IP work between them. */
    private static CommandResult connect(Namespace from, String address) {
        return from.exec("timeout", "10", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/9");
    }

    @Test
    void vethPairJoinsTwoNamespacesAndCloseRemovesThem() {
        List<String> names;
        try (NetnsLab lab = NetnsLab.create()) {
            Namespace a = lab.namespace("a");
            Namespace b = lab.namespace("b");
            lab.connect(a, "eth0", b, "eth0");
            a.addAddress("eth0", "198.18.0.1/24");
            b.addAddress("eth0", "198.18.0.2/24");
            names = lab.namespaceNames();

            assertThat(names).allSatisfy(n -> assertThat(n).startsWith("ipk-" + ProcessHandle.current().pid() + "-"));
            assertThat(listNamespaces()).containsAll(names);
            assertThat(connect(a, "198.18.0.2").stderr()).contains("Connection refused");
            assertThat(a.exec("ip", "-4", "addr", "show", "eth0").stdout()).contains("198.18.0.1/24");
        }
        assertThat(listNamespaces()).doesNotContainAnyElementsOf(names);
    }

    @Test
    void bridgePutsSeveralHostsOnOneSegment() {
        try (NetnsLab lab = NetnsLab.create()) {
            Bridge sw = lab.bridge("sw");
            Namespace a = lab.namespace("a");
            Namespace b = lab.namespace("b");
            Namespace c = lab.namespace("c");
            sw.attach(a, "eth0").attach(b, "eth0").attach(c, "eth0");
            a.addAddress("eth0", "198.18.1.1/24");
            b.addAddress("eth0", "198.18.1.2/24");
            c.addAddress("eth0", "198.18.1.3/24");

            assertThat(connect(a, "198.18.1.3").stderr()).contains("Connection refused");
            assertThat(connect(c, "198.18.1.2").stderr()).contains("Connection refused");
        }
    }

    @Test
    void refusesAddressesOutsideTheTestRangeBeforeTouchingAnything() {
        try (NetnsLab lab = NetnsLab.create()) {
            Namespace a = lab.namespace("a");
            assertThatThrownBy(() -> a.addAddress("lo", "10.1.2.3/24"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("outside 198.18.0.0/15");
            assertThat(a.exec("ip", "-4", "addr").stdout()).doesNotContain("10.1.2.3");
        }
    }

    @Test
    void javaProcessRunsInsideTheNamespace() {
        try (NetnsLab lab = NetnsLab.create()) {
            Namespace a = lab.namespace("a");
            Namespace b = lab.namespace("b");
            lab.connect(a, "left0", b, "right0");
            NamespaceProcess java = a.startJava(PrintInterfacesMain.class.getName());

            assertThat(java.awaitExit(Duration.ofSeconds(60))).as(java.output()).isZero();
            assertThat(java.stdoutLines()).contains("interface left0", "done").doesNotContain("interface right0");
        }
    }

    @Test
    void removesNamespacesLeftByADeadRun() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String stale = "ipk-" + finished.pid() + "-beef-left";
        NetnsLab.create().close(); // ensures the prerequisites and the one-time startup ran
        Commands.run(List.of(NetnsLab.ip(), "netns", "add", stale)).orThrow();
        try {
            assertThat(NetnsLab.removeStale()).contains(stale);
            assertThat(listNamespaces()).doesNotContain(stale);
        } finally {
            Commands.run(List.of(NetnsLab.ip(), "netns", "del", stale));
        }
    }

    @Test
    void keepsNamespacesOfLiveRuns() {
        try (NetnsLab lab = NetnsLab.create()) {
            Namespace mine = lab.namespace("live");
            assertThat(NetnsLab.removeStale()).doesNotContain(mine.name());
            assertThat(listNamespaces()).contains(mine.name());
        }
    }

    private static List<String> listNamespaces() {
        return Commands.run(List.of(NetnsLab.ip(), "netns", "list")).orThrow().stdout().lines()
                .map(line -> line.split("\\s+")[0])
                .toList();
    }
}
