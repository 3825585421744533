package io.ipkeeper.agent.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.agent.MacAddress;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxInventoryReaderTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Path sample() throws Exception {
        return Path.of(LinuxInventoryReaderTest.class.getResource("/sample-host").toURI());
    }

    /** A literal address (never resolved: InetAddress parses literals without DNS). */
    static InterfaceAddress cidr(String address, int prefix) {
        try {
            return new InterfaceAddress(InetAddress.getByName(address), prefix);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void readsLinksAndAddressesFromSampleFiles() throws Exception {
        Path root = sample();
        LinuxInventoryReader reader = LinuxInventoryReader.reading(root.resolve("sys/class/net"), root.resolve("proc/net/if_inet6"),
                () -> Map.of("eth0", List.of(cidr("198.18.0.10", 24), cidr("198.18.0.5", 24)), "lo", List.of(cidr("127.0.0.1", 8))),
                InstantSource.fixed(T0));

        HostInventory inventory = reader.read();

        assertThat(inventory.readAt()).isEqualTo(T0);
        assertThat(inventory.interfaces()).extracting(HostInterface::name).containsExactly("br0", "eth0", "lo", "tun0", "veth7");
        HostInterface eth0 = inventory.find("eth0").orElseThrow();
        assertThat(eth0).isEqualTo(new HostInterface("eth0", 2, Optional.of(MacAddress.parse("52:54:00:12:34:56")), true, 1500,
                InterfaceKind.PHYSICAL, List.of(cidr("198.18.0.5", 24), cidr("198.18.0.10", 24),
                        cidr("2001:db8:0:1::10", 64), cidr("fe80::5054:ff:fe12:3456", 64))));
        assertThat(eth0.ipv4Addresses()).hasSize(2);
        assertThat(eth0.ipv6Addresses()).hasSize(2);

        HostInterface lo = inventory.find("lo").orElseThrow();
        assertThat(lo.kind()).isEqualTo(InterfaceKind.LOOPBACK);
        assertThat(lo.addresses()).containsExactly(cidr("127.0.0.1", 8), cidr("::1", 128));
        assertThat(inventory.find("veth7").orElseThrow()).satisfies(v -> {
            assertThat(v.kind()).isEqualTo(InterfaceKind.VIRTUAL);
            assertThat(v.up()).isFalse();
            assertThat(v.addresses()).isEmpty();
        });
        assertThat(inventory.find("br0").orElseThrow().mtu()).isEqualTo(9000);
        assertThat(inventory.find("tun0").orElseThrow().mac()).isEmpty();
        assertThat(inventory.coveredIpv4Subnets()).containsExactly(cidr("198.18.0.0", 24));
    }

    @Test
    void malformedSysfsContentIsATypedErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path eth0 = Files.createDirectories(dir.resolve("eth0"));
        Files.writeString(eth0.resolve("ifindex"), "two\n");
        Files.writeString(eth0.resolve("flags"), "0x1003\n");
        Files.writeString(eth0.resolve("mtu"), "1500\n");
        Files.writeString(eth0.resolve("type"), "1\n");
        LinuxInventoryReader reader = LinuxInventoryReader.reading(dir, dir.resolve("none"), Map::of, InstantSource.fixed(T0));

        assertThatThrownBy(reader::read).isInstanceOf(InventoryFormatException.class)
                .hasMessageContaining("ifindex").hasMessageContaining("'two'");
    }

    @Test
    void readsThisMachine() throws Exception {
        HostInventory inventory = LinuxInventoryReader.system().read();

        HostInterface lo = inventory.find("lo").orElseThrow();
        assertThat(lo.kind()).isEqualTo(InterfaceKind.LOOPBACK);
        assertThat(lo.index()).isPositive();
        assertThat(lo.up()).isTrue();
        assertThat(lo.ipv4Addresses()).contains(cidr("127.0.0.1", 8));
        assertThat(inventory.coveredIpv4Subnets()).noneMatch(s -> s.address().isLoopbackAddress());
    }
}
