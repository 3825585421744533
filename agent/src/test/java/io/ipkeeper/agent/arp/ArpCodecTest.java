package io.ipkeeper.agent.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.MalformedArpFrameException.Reason;
import java.net.Inet4Address;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ArpCodecTest {

    static final MacAddress A = MacAddress.parse("02:00:00:00:00:0a");
    static final MacAddress B = MacAddress.parse("02:00:00:00:00:0b");
    static final Inet4Address IP_A = Ipv4.parse("198.18.0.1");
    static final Inet4Address IP_B = Ipv4.parse("198.18.0.2");

    @Test
    void probeHasTheExactRfc5227WireForm() {
        byte[] wire = ArpCodec.encode(ArpFrame.probe(A, IP_B));
        assertThat(HexFormat.of().formatHex(wire)).isEqualTo(
                "ffffffffffff" + "02000000000a" + "0806" // Ethernet: broadcast, from A, ARP
                        + "0001" + "0800" + "06" + "04" + "0001" // Ethernet/IPv4, 6/4, request
                        + "02000000000a" + "00000000" // sender A, 0.0.0.0
                        + "000000000000" + "c6120002"); // target MAC zero, 198.18.0.2
    }

    @Test
    void eachShapeRoundTripsAndIsClassified() throws Exception {
        assertKind(ArpFrame.request(A, IP_A, IP_B), ArpKind.REQUEST);
        assertKind(ArpFrame.reply(B, IP_B, A, IP_A), ArpKind.REPLY);
        assertKind(ArpFrame.probe(A, IP_B), ArpKind.PROBE);
        assertKind(ArpFrame.announcement(B, IP_B), ArpKind.GRATUITOUS_REQUEST);
        assertKind(ArpFrame.gratuitousReply(B, IP_B), ArpKind.GRATUITOUS_REPLY);
        assertThat(ArpFrame.probe(A, IP_B).claimsSenderIp()).isFalse();
        assertThat(ArpFrame.announcement(B, IP_B).claimsSenderIp()).isTrue();
    }

    private static void assertKind(ArpFrame frame, ArpKind kind) throws Exception {
        ArpFrame parsed = ArpCodec.decode(ArpCodec.encode(frame));
        assertThat(parsed).isEqualTo(frame);
        assertThat(parsed.kind()).isEqualTo(kind);
        assertThat(parsed.ethernetMismatch()).isFalse();
    }

    @Test
    void acceptsEthernetPadding() throws Exception {
        byte[] padded = new byte[60];
        System.arraycopy(ArpCodec.encode(ArpFrame.announcement(B, IP_B)), 0, padded, 0, 42);
        assertThat(ArpCodec.decode(padded).kind()).isEqualTo(ArpKind.GRATUITOUS_REQUEST);
    }

    @Test
    void eachRuleHasItsOwnTypedError() {
        byte[] good = ArpCodec.encode(ArpFrame.request(A, IP_A, IP_B));
        assertReason(new byte[41], Reason.TOO_SHORT);
        assertReason(with(good, 12, 0x08, 0x00), Reason.NOT_ARP_ETHERTYPE);
        assertReason(with(good, 14, 0x00, 0x06), Reason.NOT_ETHERNET_HARDWARE);
        assertReason(with(good, 16, 0x86, 0xdd), Reason.NOT_IPV4_PROTOCOL);
        assertReason(with(good, 18, 6, 16), Reason.BAD_ADDRESS_LENGTHS);
        assertReason(with(good, 20, 0x00, 0x03), Reason.UNKNOWN_OPERATION);
        assertReason(with(good, 22, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), Reason.BAD_SENDER_MAC);
        assertReason(with(good, 22, 0, 0, 0, 0, 0, 0), Reason.BAD_SENDER_MAC);
        assertThatThrownBy(() -> ArpCodec.decode(null)).isInstanceOf(MalformedArpFrameException.class);
        assertThatThrownBy(() -> ArpCodec.decode(good, 100)).isInstanceOf(MalformedArpFrameException.class);
    }

    @Test
    void flagsEthernetSourceThatDiffersFromTheArpSender() throws Exception {
        byte[] wire = with(ArpCodec.encode(ArpFrame.announcement(B, IP_B)), 6, 2, 0, 0, 0, 0, 0x0c);
        assertThat(ArpCodec.decode(wire).ethernetMismatch()).isTrue();
    }

    private static void assertReason(byte[] frame, Reason reason) {
        Throwable thrown = catchThrowable(() -> ArpCodec.decode(frame));
        assertThat(thrown).isInstanceOf(MalformedArpFrameException.class);
        assertThat(((MalformedArpFrameException) thrown).reason()).isEqualTo(reason);
        assertThat(thrown.getMessage()).isNotBlank();
    }

    private static byte[] with(byte[] frame, int offset, int... values) {
        byte[] copy = frame.clone();
        for (int i = 0; i < values.length; i++) {
            copy[offset + i] = (byte) values[i];
        }
        return copy;
    }

    // --- properties ---

    @Property
    void everyFrameRoundTrips(@ForAll("frames") ArpFrame frame) throws Exception {
        assertThat(ArpCodec.decode(ArpCodec.encode(frame))).isEqualTo(frame);
    }

    @Property
    void garbageEitherParsesOrRaisesTheTypedError(@ForAll @Size(max = 80) byte[] bytes) {
        Throwable thrown = catchThrowable(() -> ArpCodec.decode(bytes));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(MalformedArpFrameException.class));
    }

    @Property
    void corruptingAValidFrameNeverThrowsAnythingElse(@ForAll("frames") ArpFrame frame,
            @ForAll @IntRange(min = 0, max = 41) int position, @ForAll byte value, @ForAll @IntRange(min = 0, max = 60) int length) {
        byte[] wire = ArpCodec.encode(frame);
        wire[position] = value;
        Throwable thrown = catchThrowable(() -> ArpCodec.decode(wire, Math.min(length, wire.length)));
        assertThat(thrown).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(MalformedArpFrameException.class));
    }

    @Provide
    Arbitrary<ArpFrame> frames() {
        Arbitrary<MacAddress> anyMac = Arbitraries.bytes().array(byte[].class).ofSize(6).map(MacAddress::of);
        Arbitrary<MacAddress> stationMac = anyMac.filter(m -> !m.isMulticast() && !m.isZero());
        Arbitrary<Inet4Address> ip = Arbitraries.bytes().array(byte[].class).ofSize(4).map(b -> Ipv4.of(b, 0));
        return Combinators.combine(anyMac, anyMac, Arbitraries.of(ArpOperation.class), stationMac, ip, anyMac, ip)
                .as(ArpFrame::new);
    }
}
