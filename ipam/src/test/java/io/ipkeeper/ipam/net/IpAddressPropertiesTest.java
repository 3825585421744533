package io.ipkeeper.ipam.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Parse/format checked against java.net.InetAddress literals (ofLiteral never resolves names). */
class IpAddressPropertiesTest {

    @Provide
    Arbitrary<IpAddress> v6() {
        // Bias towards zero groups so "::" compression and its tie rules are exercised.
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0, 0xFFFF)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(1, 0xFFFF, 0x10)));
        return group.list().ofSize(8).map(g -> {
            long hi = 0;
            long lo = 0;
            for (int k = 0; k < 4; k++) {
                hi = (hi << 16) | g.get(k);
                lo = (lo << 16) | g.get(k + 4);
            }
            return IpAddress.ofV6(hi, lo);
        });
    }

    @Provide
    Arbitrary<IpAddress> v4() {
        return Arbitraries.integers().map(IpAddress::ofV4);
    }

    @Property(tries = 2000)
    void v4TextAndBytesAgreeWithInetAddress(@ForAll("v4") IpAddress a) throws Exception {
        InetAddress inet = InetAddress.ofLiteral(a.toString());
        assertThat(inet.getAddress()).containsExactly(a.toBytes());
        assertThat(IpAddress.parse(inet.getHostAddress())).isEqualTo(a);
        assertThat(IpAddress.fromBytes(a.toBytes())).isEqualTo(a);
    }

    @Property(tries = 3000)
    void v6TextAndBytesAgreeWithInetAddress(@ForAll("v6") IpAddress a) throws Exception {
        InetAddress inet = InetAddress.ofLiteral(a.toString());
        byte[] expected = a.toBytes();
        if (inet instanceof Inet4Address) {
            // The JDK turns ::ffff:a.b.c.d into an IPv4 address; the mapped prefix is implied.
            assertThat(a.hi()).isZero();
            assertThat(a.lo() >>> 32).isEqualTo(0xFFFFL);
            assertThat(inet.getAddress()).containsExactly(java.util.Arrays.copyOfRange(expected, 12, 16));
        } else {
            assertThat(inet.getAddress()).containsExactly(expected);
            // The JDK prints the uncompressed form; we must read it back.
            assertThat(IpAddress.parse(inet.getHostAddress())).isEqualTo(a);
        }
        assertThat(IpAddress.parse(a.toString())).isEqualTo(a);
        assertThat(IpAddress.parse(a.toString().toUpperCase())).isEqualTo(a);
        assertThat(IpAddress.fromBytes(expected)).isEqualTo(a);
        assertThat(a.toString()).isEqualTo(Rfc5952Reference.format(expected));
    }

    @Property(tries = 1000)
    void byteOrderEqualsValueOrder(@ForAll("v6") IpAddress a, @ForAll("v6") IpAddress b) {
        assertThat(Integer.signum(java.util.Arrays.compareUnsigned(a.toBytes(), b.toBytes())))
                .isEqualTo(Integer.signum(a.compareTo(b)));
    }

    @Property(tries = 1000)
    void nextAndPreviousAreInverse(@ForAll("v6") IpAddress a) {
        if (!a.isMax()) {
            assertThat(a.next().previous()).isEqualTo(a);
            assertThat(a.countTo(a.next())).isEqualTo(AddressCount.of(2));
        }
    }

    @Property(tries = 1000)
    void prefixContainsExactlyItsRange(@ForAll("v4") IpAddress a, @ForAll("v4") IpAddress b,
                                       @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 32) int len) {
        Prefix p = Prefix.containing(a, len);
        assertThat(p.contains(a)).isTrue();
        long mask = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
        assertThat(p.contains(b)).isEqualTo((a.lo() & mask) == (b.lo() & mask));
        assertThat(p.first().countTo(p.last())).isEqualTo(p.size());
        assertThat(Prefix.parse(p.toString())).isEqualTo(p);
    }

    @Provide
    Arbitrary<Prefix> v6Prefix() {
        return Combinators.combine(v6(), Arbitraries.integers().between(0, 128)).as(Prefix::containing);
    }

    @Property(tries = 1000)
    void v6PrefixSizeMatchesEnds(@ForAll("v6Prefix") Prefix p) {
        if (p.length() > 0) {
            assertThat(p.first().countTo(p.last())).isEqualTo(p.size());
        }
        assertThat(p.contains(p.last())).isTrue();
        assertThat(Prefix.parse(p.toString())).isEqualTo(p);
    }

    /** An independent, deliberately naive RFC 5952 formatter used as the oracle. */
    static final class Rfc5952Reference {
        static String format(byte[] b) {
            int[] g = new int[8];
            for (int i = 0; i < 8; i++) {
                g[i] = ((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF);
            }
            if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
                return "::ffff:" + (b[12] & 0xFF) + "." + (b[13] & 0xFF) + "." + (b[14] & 0xFF) + "." + (b[15] & 0xFF);
            }
            String[] parts = new String[8];
            for (int i = 0; i < 8; i++) {
                parts[i] = Integer.toHexString(g[i]);
            }
            String full = String.join(":", parts);
            // Try the longest zero run first; the leftmost wins a tie; runs of one are left alone.
            for (int len = 8; len >= 2; len--) {
                for (int start = 0; start + len <= 8; start++) {
                    boolean zeros = true;
                    for (int k = start; k < start + len; k++) {
                        zeros &= g[k] == 0;
                    }
                    if (zeros) {
                        String head = String.join(":", java.util.Arrays.copyOfRange(parts, 0, start));
                        String tail = String.join(":", java.util.Arrays.copyOfRange(parts, start + len, 8));
                        return head + "::" + tail;
                    }
                }
            }
            return full;
        }
    }
}
