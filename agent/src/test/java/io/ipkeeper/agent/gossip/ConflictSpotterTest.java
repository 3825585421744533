package io.ipkeeper.agent.gossip;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpKind;
import io.ipkeeper.agent.arp.ArpObservation;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConflictSpotterTest {
    /** A clock the test moves by hand. */
    static final class Clock implements java.time.InstantSource {
        private Instant now = Instant.parse("2026-11-23T20:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private static final MacAddress OWN = MacAddress.parse("02:00:5e:10:00:0a");
    private static final MacAddress B = MacAddress.parse("02:00:5e:10:00:0b");
    private static final MacAddress C = MacAddress.parse("02:00:5e:10:00:0c");

    private final Clock clock = new Clock();
    private final List<String> spotted = new ArrayList<>();
    private final ConflictSpotter spotter = new ConflictSpotter(ConflictSpotterTest::host, clock,
            (address, macs, iface) -> spotted.add(address.getHostAddress() + " " + macs + " " + iface));

    private static HostInventory host() {
        try {
            return new HostInventory(Instant.EPOCH, List.of(new HostInterface("eth0", 2, Optional.of(OWN), true, 1500,
                    InterfaceKind.PHYSICAL, List.of(new InterfaceAddress(InetAddress.getByName("198.18.0.10"), 24)))));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private ArpObservation heard(String address, MacAddress mac, ArpKind kind) throws Exception {
        return new ArpObservation((Inet4Address) InetAddress.getByName(address), mac, "eth0", kind, clock.instant(),
                clock.instant(), 1);
    }

    @Test
    void anotherMacClaimingOurOwnAddressIsAConflictBroadcastOncePerMinute() throws Exception {
        spotter.accept(List.of(heard("198.18.0.10", B, ArpKind.GRATUITOUS_REQUEST)));
        assertThat(spotted).containsExactly("198.18.0.10 [" + OWN + ", " + B + "] eth0");

        clock.advance(Duration.ofSeconds(30));
        spotter.accept(List.of(heard("198.18.0.10", B, ArpKind.GRATUITOUS_REQUEST)));
        assertThat(spotted).as("the same MACs again within a minute").hasSize(1);

        clock.advance(Duration.ofSeconds(31));
        spotter.accept(List.of(heard("198.18.0.10", B, ArpKind.REPLY)));
        assertThat(spotted).hasSize(2);
    }

    @Test
    void twoForeignMacsForOneAddressEvenMinutesApartAreAConflictButOneIsNot() throws Exception {
        spotter.accept(List.of(heard("198.18.0.20", B, ArpKind.REQUEST)));
        assertThat(spotted).isEmpty();
        clock.advance(Duration.ofMinutes(15)); // the incident's NTP cron
        spotter.accept(List.of(heard("198.18.0.20", C, ArpKind.GRATUITOUS_REPLY)));
        assertThat(spotted).containsExactly("198.18.0.20 [" + B + ", " + C + "] eth0");
    }

    @Test
    void evidenceOlderThanTheWindowAndProbesDoNotCount() throws Exception {
        spotter.accept(List.of(heard("198.18.0.20", B, ArpKind.REQUEST)));
        clock.advance(ConflictSpotter.WINDOW.plusSeconds(1));
        spotter.accept(List.of(heard("198.18.0.20", C, ArpKind.REQUEST)));
        spotter.accept(List.of(heard("198.18.0.10", C, ArpKind.PROBE)));
        assertThat(spotted).isEmpty();
    }
}
