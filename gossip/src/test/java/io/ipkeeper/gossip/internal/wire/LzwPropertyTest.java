package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** LZW round trips, including inputs long enough to fill the 12-bit table and force resets. */
class LzwPropertyTest {
    private static final int MAX = 200 * 1024;

    @Provide
    Arbitrary<byte[]> inputs() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
        Arbitrary<byte[]> big = Arbitraries.longs().flatMap(seed -> Arbitraries.integers().between(0, MAX)
                .flatMap(len -> Arbitraries.integers().between(1, 256).map(alphabet -> sample(seed, len, alphabet))));
        return Arbitraries.oneOf(random, big);
    }

    /** Pseudo-random bytes over a small or full alphabet: low entropy compresses well, high entropy resets often. */
    private static byte[] sample(long seed, int len, int alphabet) {
        Random rnd = new Random(seed);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            b[i] = (byte) rnd.nextInt(alphabet);
        }
        return b;
    }

    @Property(tries = 120)
    void roundTrips(@ForAll("inputs") byte[] input) {
        byte[] compressed = Lzw.compress(input);
        assertThat(Lzw.decompress(compressed, 0, compressed.length, MAX, "lzw")).isEqualTo(input);
    }

    @Property(tries = 20)
    void roundTripsThroughManyDictionaryResets(@ForAll @IntRange(min = 50_000, max = MAX) int len, @ForAll long seed) {
        byte[] input = sample(seed, len, 256); // random bytes: ~1 code per byte, a reset every ~3800 codes
        byte[] compressed = Lzw.compress(input);
        assertThat(countClearCodes(compressed)).isGreaterThan(len / 5000);
        assertThat(Lzw.decompress(compressed, 0, compressed.length, MAX, "lzw")).isEqualTo(input);
    }

    @Test
    void emptyInputIsClearThenEnd() {
        byte[] compressed = Lzw.compress(new byte[0]);
        // 256 then 257, 9 bits each, LSB first: 0x00, 0x03, 0x02
        assertThat(compressed).containsExactly(0x00, 0x03, 0x02);
        assertThat(Lzw.decompress(compressed, 0, compressed.length, 10, "lzw")).isEmpty();
    }

    @Test
    void outputBeyondTheLimitIsRefused() {
        byte[] compressed = Lzw.compress(new byte[10_000]);
        assertThatThrownBy(() -> Lzw.decompress(compressed, 0, compressed.length, 9_999, "lzw"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("exceeds the limit");
    }

    @Test
    void missingEndCodeIsRefused() {
        byte[] compressed = Lzw.compress(new byte[] {1, 2, 3, 4});
        assertThatThrownBy(() -> Lzw.decompress(compressed, 0, compressed.length - 2, 100, "lzw"))
                .isInstanceOf(WireFormatException.class).hasMessageContaining("end-of-data");
    }

    /** Decodes the code stream just far enough to count clear codes (widths tracked like the reader). */
    private static int countClearCodes(byte[] data) {
        int clears = 0;
        int width = 9;
        int hi = 257;
        int overflow = 512;
        boolean afterClear = true;
        long bits = 0;
        int nBits = 0;
        int pos = 0;
        while (true) {
            while (nBits < width) {
                if (pos >= data.length) {
                    return clears;
                }
                bits |= (long) (data[pos++] & 0xff) << nBits;
                nBits += 8;
            }
            int code = (int) (bits & ((1 << width) - 1));
            bits >>>= width;
            nBits -= width;
            if (code == 256) {
                clears++;
                width = 9;
                hi = 257;
                overflow = 512;
                afterClear = true;
                continue;
            }
            if (code == 257) {
                return clears;
            }
            hi++;
            if (hi >= overflow) {
                if (width == 12) {
                    hi--;
                } else {
                    width++;
                    overflow <<= 1;
                }
            }
            afterClear = false;
        }
    }
}
