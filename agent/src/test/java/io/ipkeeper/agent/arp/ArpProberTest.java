package io.ipkeeper.agent.arp;

import static io.ipkeeper.agent.arp.ArpCodecTest.A;
import static io.ipkeeper.agent.arp.ArpCodecTest.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArpProberTest {

    static final ProbeTiming TINY = new ProbeTiming(Duration.ofMillis(5), 3, Duration.ofMillis(5), Duration.ofMillis(15), Duration.ofMillis(30));
    static final Inet4Address CANDIDATE = Ipv4.parse("198.18.0.50");
    static final MacAddress C = MacAddress.parse("02:00:00:00:00:0c");

    private final ArpProber prober = new ArpProber(TINY, new Random(42));

    @Test
    void nobodyAnsweringMeansFreeAfterThreeProbes() throws Exception {
        FakeArpSocket socket = new FakeArpSocket("eth0", A);
        ProbeResult result = prober.probe(socket, CANDIDATE);

        assertThat(result.inUse()).isFalse();
        assertThat(result.answeringMacs()).isEmpty();
        assertThat(result.probesSent()).isEqualTo(3);
        assertThat(result.address()).isEqualTo(CANDIDATE);
        assertThat(result.interfaceName()).isEqualTo("eth0");
        assertThat(socket.sent()).hasSize(3).allSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(ArpKind.PROBE);
            assertThat(f.senderIp()).isEqualTo(Ipv4.ANY);
            assertThat(f.targetIp()).isEqualTo(CANDIDATE);
            assertThat(f.senderMac()).isEqualTo(A);
        });
    }

    @Test
    void reportsEveryMacThatAnswersNotJustTheFirst() throws Exception {
        FakeArpSocket socket = new FakeArpSocket("eth0", A).respondingWith(probe -> List.of(
                ArpFrame.reply(B, CANDIDATE, A, Ipv4.ANY),
                ArpFrame.reply(C, CANDIDATE, A, Ipv4.ANY)));
        ProbeResult result = prober.probe(socket, CANDIDATE);

        assertThat(result.inUse()).isTrue();
        assertThat(result.answeringMacs()).containsExactly(B, C);
        assertThat(result.probesSent()).isEqualTo(3);
    }

    @Test
    void anotherHostsProbeOrAnnouncementForTheAddressCountsButUnrelatedTrafficAndOurOwnFramesDoNot() throws Exception {
        FakeArpSocket socket = new FakeArpSocket("eth0", A);
        socket.hear(ArpFrame.request(C, Ipv4.parse("198.18.0.7"), Ipv4.parse("198.18.0.8"))); // unrelated
        socket.hear(ArpFrame.announcement(A, CANDIDATE)); // our own
        socket.hear(ArpFrame.request(C, Ipv4.parse("198.18.0.7"), CANDIDATE)); // C merely asks about it
        socket.hear(ArpFrame.probe(B, CANDIDATE)); // B probes it at the same time
        socket.hear(ArpFrame.announcement(C, CANDIDATE)); // C claims it
        ProbeResult result = prober.probe(socket, CANDIDATE);

        assertThat(result.answeringMacs()).containsExactly(B, C);
    }

    @Test
    void refusesToProbeNonUnicastAddresses() {
        FakeArpSocket socket = new FakeArpSocket("eth0", A);
        assertThatThrownBy(() -> prober.probe(socket, Ipv4.ANY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> prober.probe(socket, Ipv4.parse("224.0.0.1"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(socket.sent()).isEmpty();
    }

    @Test
    void timingRejectsNonsense() {
        assertThatThrownBy(() -> new ProbeTiming(Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbeTiming(Duration.ZERO, 3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ProbeTiming.rfc5227().probeNum()).isEqualTo(3);
    }
}
