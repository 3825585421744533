package io.ipkeeper.gossip.internal.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.internal.wire.json.WireDecoder;
import io.ipkeeper.gossip.internal.wire.serf.SerfCodec;
import io.ipkeeper.gossip.internal.wire.serf.SerfJoin;
import io.ipkeeper.gossip.internal.wire.serf.SerfKeyResponse;
import io.ipkeeper.gossip.internal.wire.serf.SerfPushPull;
import io.ipkeeper.gossip.internal.wire.serf.SerfQuery;
import io.ipkeeper.gossip.internal.wire.serf.SerfRelay;
import io.ipkeeper.gossip.internal.wire.serf.SerfTags;
import io.ipkeeper.gossip.internal.wire.serf.SerfUserEvent;
import io.ipkeeper.gossip.internal.wire.serf.UserEventEntry;
import io.ipkeeper.gossip.internal.wire.serf.UserEventsSlot;
import io.ipkeeper.gossip.internal.wire.serf.VivaldiCoordinate;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Robustness: a million random and mutated frames (bit flips, truncations, length lies, deep nesting, huge declared
 * sizes) through every decoder. Only {@link WireFormatException} may escape, and no single decode may allocate more
 * than a bounded amount (declared sizes are checked against the bytes that remain before anything is allocated).
 */
@Tag("slow")
class DecoderFuzzTest {
    private static final int FRAMES = 1_000_000;
    private static final int MAX_DECOMPRESSED = 1 << 20;
    /** Generous: a 1 MiB decompression limit plus buffer growth and bookkeeping. */
    private static final long MAX_ALLOCATION_PER_FRAME = 16L << 20;
    private static final byte[] INTERESTING = {0x00, (byte) 0xff, (byte) 0xc0, (byte) 0xdb, (byte) 0xdd,
            (byte) 0xdf, (byte) 0xde, (byte) 0xdc, (byte) 0xda, 0x7f, (byte) 0x80, (byte) 0x90, (byte) 0xcf,
            (byte) 0xd3, (byte) 0xc4, (byte) 0xc6, (byte) 0xd9, 0x07, 0x09, 0x0a, 0x0c, (byte) 0xf4};

    private final Random random = new Random(0x5eedL ^ System.nanoTime());
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void onlyTypedErrorsEscapeAndAllocationStaysBounded() {
        List<byte[]> seeds = seeds();
        WireOptions plain = WireOptions.plain().withMaxDecompressedBytes(MAX_DECOMPRESSED);
        WireOptions keyed = plain.withKeyring(Keyring.of(Vectors.TEST_KEY, new byte[24]));
        List<String> unexpected = new ArrayList<>();
        long typedErrors = 0;
        long decoded = 0;
        long maxAllocated = 0;
        long started = System.nanoTime();

        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = next(seeds);
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                switch (i % 8) {
                    case 0, 1, 2 -> WireDecoder.decode(frame, false, plain);
                    case 3, 4 -> WireDecoder.decode(frame, true, plain);
                    case 5 -> WireDecoder.decode(frame, (i & 16) != 0, keyed);
                    case 6 -> SerfCodec.decode(frame, "fuzz");
                    default -> {
                        if ((i & 8) != 0) {
                            SerfTags.decode(frame);
                        } else {
                            VivaldiCoordinate.fromAckPayload(frame);
                        }
                    }
                }
                decoded++;
            } catch (WireFormatException e) {
                typedErrors++;
                assertThat(e.layer()).isNotBlank();
            } catch (Throwable t) {
                if (unexpected.size() < 10) {
                    unexpected.add(t + " mode " + (i % 8) + " on " + HexFormat.of().formatHex(frame));
                }
            }
            maxAllocated = Math.max(maxAllocated, threads.getCurrentThreadAllocatedBytes() - before);
        }

        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("decoder fuzz: %,d frames in %,d ms (%,d decoded, %,d typed errors, max %,d bytes allocated"
                + " by one decode)%n", FRAMES, elapsedMs, decoded, typedErrors, maxAllocated);
        assertThat(unexpected).isEmpty();
        assertThat(maxAllocated).isLessThan(MAX_ALLOCATION_PER_FRAME);
        assertThat(decoded).isPositive();
        assertThat(typedErrors).isPositive();
    }

    @Test
    void hostileDeclaredSizesAreRefusedBeforeAllocating() {
        for (byte[] hostile : hostileFrames()) {
            for (boolean tcp : new boolean[] {false, true}) {
                long before = threads.getCurrentThreadAllocatedBytes();
                try {
                    WireDecoder.decode(hostile, tcp, WireOptions.plain().withMaxDecompressedBytes(MAX_DECOMPRESSED));
                } catch (WireFormatException expected) {
                    assertThat(expected.getMessage()).contains(" at byte offset ");
                }
                assertThat(threads.getCurrentThreadAllocatedBytes() - before)
                        .as("allocation for %s", HexFormat.of().formatHex(hostile))
                        .isLessThan(MAX_ALLOCATION_PER_FRAME);
            }
        }
    }

    private byte[] next(List<byte[]> seeds) {
        int mode = random.nextInt(10);
        if (mode == 0) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            if (b.length > 0 && random.nextBoolean()) {
                b[0] = (byte) random.nextInt(14); // a valid type byte makes the random body reach the msgpack layer
            }
            return b;
        }
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && b.length > 0; m++) {
            b = mutate(b, seeds);
        }
        return b;
    }

    private byte[] mutate(byte[] b, List<byte[]> seeds) {
        int at = random.nextInt(b.length);
        switch (random.nextInt(8)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = INTERESTING[random.nextInt(INTERESTING.length)];
            case 2 -> b = Arrays.copyOf(b, at); // truncation
            case 3 -> { // length lie: a big value over whatever is here
                for (int k = at; k < Math.min(b.length, at + 1 + random.nextInt(4)); k++) {
                    b[k] = (byte) 0xff;
                }
            }
            case 4 -> { // insertion
                byte[] ins = new byte[1 + random.nextInt(8)];
                random.nextBytes(ins);
                byte[] out = new byte[b.length + ins.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(ins, 0, out, at, ins.length);
                System.arraycopy(b, at, out, at + ins.length, b.length - at);
                b = out;
            }
            case 5 -> { // deletion
                int len = Math.min(b.length - at, 1 + random.nextInt(8));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            case 6 -> { // splice with another seed
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, at + other.length - from);
                System.arraycopy(other, from, out, at, other.length - from);
                b = out;
            }
            default -> b[at] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>(Vectors.all());
        byte[] ip = {127, 0, 0, 1};
        byte[] vsn = {1, 5, 2, 2, 5, 5};
        WireOptions crcCompress = WireOptions.plain().withCrc(true).withCompression(true);
        seeds.add(PacketCodec.encodePacket(List.of(new Alive(3, "n1", ip, 7946, SerfTags.encode(Map.of("a", "b")), vsn),
                new Suspect(2, "n2", "n1"), new Dead(4, "n3", "n3"), new IndirectPing(9, ip, 1, "n4", true, ip, 2, "x")),
                crcCompress));
        seeds.add(PacketCodec.encodePacket(List.of(new Ack(5, new VivaldiCoordinate(new double[8], 1.5, 0, 1e-5)
                .toAckPayload())), WireOptions.plain()));
        seeds.add(PacketCodec.encodePacket(List.of(new Ping(1, "n", ip, 5, "m")), WireOptions.plain().withLabel("lab")));
        seeds.add(PacketCodec.encodePacket(List.of(new Nack(1), new ErrorResponse("x")).subList(0, 1),
                WireOptions.plain().withEncryptionVersion(0).withKeyring(Keyring.of(Vectors.TEST_KEY))));
        List<UserEventsSlot> slots = new ArrayList<>(SerfPushPull.emptyEventBuffer(8));
        slots.set(3, new UserEventsSlot(7, List.of(new UserEventEntry("deploy", new byte[] {1}))));
        byte[] serfState = SerfCodec.encode(new SerfPushPull(4, Map.of("a", 1L, "b", 2L), List.of("c"), 7, slots, 2));
        seeds.add(serfState);
        seeds.add(StreamCodec.encodeStream(new PushPull(false, List.of(new PushNodeState("n", ip, 1, null, 1, 0, vsn)),
                serfState), WireOptions.plain()));
        seeds.add(StreamCodec.encodeStream(new UserMessage(SerfCodec.encode(new SerfJoin(3, "j"))), WireOptions.plain()));
        seeds.add(StreamCodec.encodeStream(new ErrorResponse("boom"), WireOptions.plain().withCompression(true)
                .withKeyring(Keyring.of(Vectors.TEST_KEY))));
        seeds.add(SerfCodec.encode(new SerfQuery(1, 2, ip, 3, "s", List.of(new byte[] {0, (byte) 0x91}), 1, 2, 5_000_000,
                "q", new byte[] {9})));
        seeds.add(SerfCodec.encode(new SerfKeyResponse(true, "ok", List.of("k1"), "k1")));
        seeds.add(SerfCodec.encode(new SerfRelay(ip, 1, "", "d", new SerfUserEvent(1, "e", null, false))));
        seeds.add(PacketCodec.compressedFrame(new byte[200_000])); // an LZW bomb beyond the limit after mutation
        seeds.addAll(hostileFrames());
        return seeds;
    }

    private static List<byte[]> hostileFrames() {
        HexFormat hex = HexFormat.of();
        List<byte[]> out = new ArrayList<>();
        byte[] deep = new byte[20_004];
        deep[0] = 0x00;
        deep[1] = (byte) 0x81;
        deep[2] = (byte) 0xa1;
        deep[3] = 'X';
        Arrays.fill(deep, 4, deep.length, (byte) 0x91); // one-element arrays nested 20,000 deep
        out.add(deep);
        out.add(hex.parseHex("0081a44e6f6465dbffffffff"));                  // string of 4 GiB
        out.add(hex.parseHex("0081a158ddffffffff"));                        // array of 4G elements
        out.add(hex.parseHex("0081a158dfffffffff"));                        // map of 4G entries
        out.add(hex.parseHex("0683a44a6f696ec3a54e6f646573ce7fffffffac557365725374617465" + "4c656e00"));
        out.add(hex.parseHex("0681ac5573657253746174654c656ece7fffffff"));  // user state of 2 GiB
        out.add(hex.parseHex("0881aa557365724d73674c656ecefffffff0"));      // TCP user message of 4 GiB
        out.add(hex.parseHex("0affffffff00"));                              // encrypted stream of 4 GiB
        out.add(hex.parseHex("07ff0001"));                                  // compound: 255 parts, table truncated
        out.add(hex.parseHex("0702ffffffff0b"));                            // compound lengths past the end
        out.add(hex.parseHex("f4ff6c"));                                    // label longer than the packet
        out.add(hex.parseHex("0982a4416c676f00a3427566db7fffffff"));        // compressed buffer of 2 GiB
        out.add(hex.parseHex("0cffffffff"));                                // CRC of nothing
        return out;
    }
}
