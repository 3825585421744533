package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.internal.wire.Ack;
import io.ipkeeper.gossip.internal.wire.DigestRecords;
import io.ipkeeper.gossip.internal.wire.DigestReply;
import io.ipkeeper.gossip.internal.wire.DigestRequest;
import io.ipkeeper.gossip.internal.wire.Keyring;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import io.ipkeeper.gossip.internal.wire.PushPull;
import io.ipkeeper.gossip.internal.wire.StreamCodec;
import io.ipkeeper.gossip.internal.wire.StreamMessage;
import io.ipkeeper.gossip.internal.wire.UserMessage;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Where a stream message ends, for every envelope memberlist uses; every proper prefix asks for more. */
class StreamFramingTest {
    private final StreamFraming framing = new StreamFraming();

    private static PushPull pushPull(int nodes, int userState) {
        List<PushNodeState> list = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            list.add(new PushNodeState("node-" + i, new byte[] {127, 0, 0, (byte) i}, 7946, i % 2 == 0 ? null
                    : new byte[] {1, 2, 3}, i + 1, i % 4, new byte[] {1, 5, 2, 0, 0, 0}));
        }
        return new PushPull(true, list, new byte[userState]);
    }

    static Stream<Arguments> messages() {
        WireOptions plain = WireOptions.plain();
        WireOptions compressed = plain.withCompression(true);
        WireOptions encrypted = compressed.withKeyring(Keyring.of(new byte[16]));
        WireOptions labelled = plain.withLabel("prod");
        List<StreamMessage> msgs = List.of(new Ping(7, "n", new byte[] {127, 0, 0, 1}, 7946, "me"),
                new Ack(7, null), new UserMessage(new byte[300]), pushPull(0, 0), pushPull(3, 0),
                pushPull(40, 70_000), new DigestRequest(64, 500, -5), new DigestReply(4, 30, new long[] {1, 2, 3, -4}),
                new DigestReply(4, 30, null), new DigestRecords("me", 16, java.util.BitSet.valueOf(new long[] {5}),
                        pushPull(20, 0).nodes()));
        List<Arguments> out = new ArrayList<>();
        for (WireOptions o : List.of(plain, compressed, encrypted, labelled)) {
            for (StreamMessage m : msgs) {
                out.add(Arguments.of(m.type().wireName() + " " + o, StreamCodec.encodeStream(m, o)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void findsTheEndOfEveryMessageAndNeedsMoreForEveryPrefix(String what, byte[] encoded) {
        byte[] withTrailer = java.util.Arrays.copyOf(encoded, encoded.length + 10);

        assertThat(framing.messageLength(withTrailer, withTrailer.length)).isEqualTo(encoded.length);
        int step = Math.max(1, encoded.length / 200);
        for (int len = 1; len < encoded.length; len += step) {
            assertThat(framing.messageLength(withTrailer, len)).as("prefix of %d bytes", len).isEqualTo(-1);
        }
    }

    @Test
    void aByteThatCannotStartAStreamMessageIsRejected() {
        byte[] alive = {4, (byte) 0x80};

        assertThatThrownBy(() -> framing.messageLength(alive, alive.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type 4");
    }

    @Test
    void anEncryptedLengthBeyondTheLimitIsRejected() {
        byte[] huge = {10, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};

        assertThatThrownBy(() -> framing.messageLength(huge, huge.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }
}
