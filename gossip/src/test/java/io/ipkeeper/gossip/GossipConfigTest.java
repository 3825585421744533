package io.ipkeeper.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GossipConfigTest {

    @Test
    void lanPresetHasMemberlistDefaults() {
        GossipConfig c = GossipConfig.lan().name("n1").build();
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("0.0.0.0");
        assertThat(c.bindPort()).isEqualTo(7946);
        assertThat(c.advertisePort()).isEqualTo(7946);
        assertThat(c.protocolVersion()).isEqualTo(2);
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.indirectChecks()).isEqualTo(3);
        assertThat(c.retransmitMult()).isEqualTo(4);
        assertThat(c.suspicionMult()).isEqualTo(4);
        assertThat(c.suspicionMaxTimeoutMult()).isEqualTo(6);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.disableTcpPings()).isFalse();
        assertThat(c.awarenessMaxMultiplier()).isEqualTo(8);
        assertThat(c.gossipNodes()).isEqualTo(3);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.gossipVerifyIncoming()).isTrue();
        assertThat(c.gossipVerifyOutgoing()).isTrue();
        assertThat(c.enableCompression()).isTrue();
        assertThat(c.handoffQueueDepth()).isEqualTo(1024);
        assertThat(c.udpBufferSize()).isEqualTo(1400);
        assertThat(c.deadNodeReclaimTime()).isEqualTo(Duration.ZERO);
        assertThat(c.maxBroadcastQueueDepth()).isEqualTo(4096);
        assertThat(c.rejoinInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.label()).isEmpty();
        assertThat(c.vsn()).containsExactly(1, 5, 2, 0, 0, 0);
    }

    @Test
    void wanPresetOverridesLan() {
        GossipConfig c = GossipConfig.wan().name("n1").build();
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.suspicionMult()).isEqualTo(6);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.gossipNodes()).isEqualTo(4);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.indirectChecks()).isEqualTo(3);
        assertThat(c.retransmitMult()).isEqualTo(4);
    }

    @Test
    void localPresetOverridesLan() {
        GossipConfig c = GossipConfig.local().name("n1").build();
        assertThat(c.tcpTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.indirectChecks()).isEqualTo(1);
        assertThat(c.retransmitMult()).isEqualTo(2);
        assertThat(c.suspicionMult()).isEqualTo(3);
        assertThat(c.pushPullInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.probeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.probeTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.gossipNodes()).isEqualTo(3);
        assertThat(c.gossipInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(c.gossipToTheDeadTime()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void toBuilderCopiesEveryFieldAndLeavesTheOriginalAlone() {
        GossipConfig a = GossipConfig.wan().name("a").delegateProtocol(2, 5, 5).label("x").build();
        GossipConfig b = a.toBuilder().name("b").build();
        assertThat(b.name()).isEqualTo("b");
        assertThat(a.name()).isEqualTo("a");
        assertThat(b).usingRecursiveComparison().ignoringFields("name").isEqualTo(a);
        assertThat(b.vsn()).containsExactly(1, 5, 2, 2, 5, 5);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                bad(b -> b.name(null), "name (null) must be a non-blank node name"),
                bad(b -> b.name("  "), "name (\"  \") must be a non-blank"),
                bad(b -> b.probeTimeout(Duration.ofSeconds(2)), "probeTimeout (PT2S) must be less than probeInterval (PT1S)"),
                bad(b -> b.probeTimeout(Duration.ofSeconds(1)), "probeTimeout (PT1S) must be less than probeInterval (PT1S)"),
                bad(b -> b.probeInterval(Duration.ZERO), "probeInterval (PT0S) must be positive"),
                bad(b -> b.bindPort(70000), "bindPort (70000) must be in [0, 65535]"),
                bad(b -> b.advertisePort(-1), "advertisePort (-1) must be in [0, 65535]"),
                bad(b -> b.protocolVersion(6), "protocolVersion (6) must be in [1, 5]"),
                bad(b -> b.delegateProtocol(3, 2, 2), "delegateProtocolMin (3) must not be greater than delegateProtocolMax (2)"),
                bad(b -> b.delegateProtocol(2, 5, 1), "delegateProtocolVersion (1) must be in [delegateProtocolMin, delegateProtocolMax] = [2, 5]"),
                bad(b -> b.tcpTimeout(Duration.ofSeconds(-1)), "tcpTimeout (PT-1S) must be positive"),
                bad(b -> b.indirectChecks(-1), "indirectChecks (-1) must be at least 0"),
                bad(b -> b.retransmitMult(0), "retransmitMult (0) must be at least 1"),
                bad(b -> b.suspicionMult(0), "suspicionMult (0) must be at least 1"),
                bad(b -> b.suspicionMaxTimeoutMult(0), "suspicionMaxTimeoutMult (0) must be at least 1"),
                bad(b -> b.pushPullInterval(Duration.ofMillis(-1)), "pushPullInterval (PT-0.001S) must not be negative"),
                bad(b -> b.awarenessMaxMultiplier(0), "awarenessMaxMultiplier (0) must be at least 1"),
                bad(b -> b.gossipNodes(-1), "gossipNodes (-1) must be at least 0"),
                bad(b -> b.gossipInterval(Duration.ZERO), "gossipInterval (PT0S) must be positive"),
                bad(b -> b.gossipToTheDeadTime(Duration.ofSeconds(-1)), "gossipToTheDeadTime (PT-1S) must not be negative"),
                bad(b -> b.handoffQueueDepth(0), "handoffQueueDepth (0) must be at least 1"),
                bad(b -> b.udpBufferSize(100), "udpBufferSize (100) must be in [512, 65507]"),
                bad(b -> b.deadNodeReclaimTime(Duration.ofSeconds(-5)), "deadNodeReclaimTime (PT-5S) must not be negative"),
                bad(b -> b.maxBroadcastQueueDepth(0), "maxBroadcastQueueDepth (0) must be at least 1"),
                bad(b -> b.rejoinInterval(Duration.ZERO), "rejoinInterval (PT0S) must be positive"),
                bad(b -> b.label("x".repeat(256)), "label (256 bytes) must be at most 255 bytes"),
                bad(b -> b.tcpTimeout(null), "tcpTimeout must not be null"),
                bad(b -> b.bindAddress((java.net.InetAddress) null), "bindAddress must not be null"));
    }

    private static Arguments bad(UnaryOperator<GossipConfig.Builder> change, String message) {
        return Arguments.of(change, message);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void invalidValuesFailAtBuildNamingTheField(UnaryOperator<GossipConfig.Builder> change, String message) {
        GossipConfig.Builder b = change.apply(GossipConfig.lan().name("n1"));
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void addressLiteralsAreParsedWithoutResolving() {
        GossipConfig c = GossipConfig.lan().name("n1").bindAddress("::1").advertiseAddress("192.0.2.7").build();
        assertThat(c.bindAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(c.advertiseAddress().getHostAddress()).isEqualTo("192.0.2.7");
        assertThatThrownBy(() -> GossipConfig.lan().bindAddress("example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bindAddress (example.com) must be an IPv4 or IPv6 literal");
    }
}
