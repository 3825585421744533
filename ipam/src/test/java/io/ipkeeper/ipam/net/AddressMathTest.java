package io.ipkeeper.ipam.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.MalformedPrefix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressMathTest {

    @Test
    void hostBitsSetNamesTheCanonicalPrefix() {
        assertThatThrownBy(() -> Prefix.parse("198.51.100.7/24"))
                .isInstanceOf(MalformedPrefix.class)
                .hasMessage("198.51.100.7/24 has host bits set; did you mean 198.51.100.0/24?")
                .satisfies(e -> assertThat(((MalformedPrefix) e).suggestion()).contains("198.51.100.0/24"));
        assertThatThrownBy(() -> Prefix.parse("2001:db8::1/64"))
                .hasMessage("2001:db8::1/64 has host bits set; did you mean 2001:db8::/64?");
    }

    @Test
    void malformedInputIsRejectedWithAReason() {
        for (String bad : new String[] {"10.0.0/24", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0", "::/129", "x/8", "10.0.0.0/08"}) {
            assertThatThrownBy(() -> Prefix.parse(bad)).as(bad).isInstanceOf(MalformedPrefix.class);
        }
        for (String bad : new String[] {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1::2::3", ":1::", "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7:8::", "fe80::1%eth0", "12345::", "1.2.3.4:", "::1.2.3", "1:2:3:4:5:6:7", "host.example"}) {
            assertThatThrownBy(() -> IpAddress.parse(bad)).as(bad).isInstanceOf(MalformedAddress.class);
        }
    }

    @Test
    void formatsIpv6CanonicallyAndParsesEmbeddedIpv4() {
        assertThat(IpAddress.parse("2001:0DB8:0:0:1:0:0:1").toString()).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddress.parse("2001:db8:0:1:1:1:1:1").toString()).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpAddress.parse("::").toString()).isEqualTo("::");
        assertThat(IpAddress.parse("::ffff:192.0.2.1").toString()).isEqualTo("::ffff:192.0.2.1");
        assertThat(IpAddress.parse("64:ff9b::192.0.2.1").toString()).isEqualTo("64:ff9b::c000:201");
        assertThat(IpAddress.parse("1:2:3:4:5:6:7::").toString()).isEqualTo("1:2:3:4:5:6:7:0");
    }

    @Test
    void prefixEndsAndSizes() {
        Prefix p = Prefix.parse("10.1.2.0/23");
        assertThat(p.last().toString()).isEqualTo("10.1.3.255");
        assertThat(p.broadcast().toString()).isEqualTo("10.1.3.255");
        assertThat(p.size()).isEqualTo(AddressCount.of(512));
        assertThat(Prefix.parse("2001:db8::/64").size().toString()).isEqualTo("18446744073709551616");
        assertThat(Prefix.parse("::/0").size()).isEqualTo(AddressCount.MAX);
        assertThat(Prefix.parse("2001:db8::/64").last().toString()).isEqualTo("2001:db8::ffff:ffff:ffff:ffff");
        assertThat(Prefix.parse("10.0.0.0/31").hasReservedEnds()).isFalse();
        assertThat(Prefix.parse("10.0.0.0/8").contains(Prefix.parse("10.9.0.0/16"))).isTrue();
        assertThat(Prefix.parse("10.9.0.0/16").contains(Prefix.parse("10.0.0.0/8"))).isFalse();
    }

    @Test
    void arithmeticAcrossTheLongBoundary() {
        IpAddress a = IpAddress.parse("::ffff:ffff:ffff:ffff");
        assertThat(a.next().toString()).isEqualTo("0:0:0:1::");
        assertThat(a.next().previous()).isEqualTo(a);
        assertThatThrownBy(() -> IpAddress.parse("255.255.255.255").next()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> IpAddress.parse("255.255.255.250").plus(6)).isInstanceOf(ArithmeticException.class);
        assertThat(AddressCount.MAX.plus(AddressCount.ONE)).isEqualTo(AddressCount.MAX);
        assertThat(new AddressCount(1, 0).minus(1)).isEqualTo(new AddressCount(0, -1L));
    }

    @Test
    void randomAddressesStayInsideHugeRanges() {
        AddressRange r = Prefix.parse("2001:db8::/32").range();
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(r.contains(r.randomAddress(rnd))).isTrue();
        }
        AddressRange small = new AddressRange(IpAddress.parse("10.0.0.1"), IpAddress.parse("10.0.0.3"));
        for (int i = 0; i < 100; i++) {
            assertThat(small.contains(small.randomAddress(rnd))).isTrue();
        }
    }
}
