package io.ipkeeper.agent.internal.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpFrame;
import io.ipkeeper.agent.arp.ArpKind;
import io.ipkeeper.agent.arp.Ipv4;
import io.ipkeeper.agent.arp.RawSocketException;
import io.ipkeeper.testkit.Prerequisites;
import io.ipkeeper.testkit.Prerequisites.Prerequisite;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The real AF_PACKET socket on this host's loopback (root only; loopback is the one host interface tests may use). A
 * frame sent on lo comes back in as if from another station, and the outgoing copy must be skipped.
 */
@Tag("netns")
class PacketArpSocketTest {

    static final MacAddress OTHER = MacAddress.parse("02:00:00:00:aa:01");

    @BeforeEach
    void needsRoot() {
        Prerequisites.require(Prerequisite.NETNS, "root".equals(System.getProperty("user.name")),
                "raw sockets need CAP_NET_RAW", "Run the tests as root.");
    }

    @Test
    void sendsAndHearsAnArpFrameOnLoopback() throws Exception {
        try (PacketArpSocket socket = PacketArpSocket.open("lo")) {
            assertThat(socket.interfaceName()).isEqualTo("lo");
            assertThat(socket.interfaceIndex()).isPositive();
            assertThat(socket.mac()).isEqualTo(MacAddress.ZERO); // loopback's hardware address

            ArpFrame sent = ArpFrame.announcement(OTHER, Ipv4.parse("198.18.200.1"));
            socket.send(sent);
            Optional<ArpFrame> heard = socket.receive(Duration.ofSeconds(10));

            assertThat(heard).contains(sent);
            assertThat(heard.orElseThrow().kind()).isEqualTo(ArpKind.GRATUITOUS_REQUEST);
            // exactly one copy: the looped-back PACKET_OUTGOING one was skipped
            assertThat(socket.receive(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void receiveTimesOutEmptyAndCloseIsIdempotent() throws Exception {
        PacketArpSocket socket = PacketArpSocket.open("lo");
        assertThat(socket.receive(Duration.ofMillis(50))).isEmpty();
        socket.close();
        socket.close();
        assertThat(socket.receive(Duration.ofSeconds(5))).isEmpty();
        assertThatThrownBy(() -> socket.send(ArpFrame.probe(OTHER, Ipv4.parse("198.18.200.2"))))
                .isInstanceOf(RawSocketException.class).hasMessageContaining("closed");
    }

    @Test
    void closeFromAnotherThreadEndsAPendingReceive() throws Exception {
        PacketArpSocket socket = PacketArpSocket.open("lo");
        Thread closer = Thread.ofVirtual().start(() -> {
            sleep(200);
            socket.close();
        });
        // The receive would wait 30 s; the close must end it well before, so wait for it with a shorter bound.
        var pending = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> socket.receive(Duration.ofSeconds(30)));
        assertThat(pending.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        closer.join();
    }

    @Test
    void unknownInterfaceIsAClearError() {
        assertThatThrownBy(() -> PacketArpSocket.open("ipk-nosuch0"))
                .isInstanceOf(RawSocketException.class)
                .hasMessageContaining("ipk-nosuch0")
                .hasMessageContaining("no such network interface");
        assertThatThrownBy(() -> PacketArpSocket.open("../etc"))
                .isInstanceOf(RawSocketException.class).hasMessageContaining("not a network interface name");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
