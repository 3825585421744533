package io.ipkeeper.gossip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The production wiring (NIO transport, stream framing, system scheduler) between two nodes on 127.0.0.1. */
class MemberlistLoopbackTest {

    private static GossipConfig config(String name) {
        return GossipConfig.local().name(name).bindAddress("127.0.0.1").bindPort(0).build();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoNodesOnRealSocketsJoinExchangeMessagesAndLeave() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        Delegate recorder = new Delegate() {
            @Override
            public void notifyMessage(byte[] message) {
                received.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        try (Memberlist a = Memberlist.create(config("a"), MemberlistOptions.builder().delegate(recorder).build());
                Memberlist b = Memberlist.create(config("b"))) {
            JoinResult joined = b.join(List.of(a.localMember().socketAddress()));
            assertThat(joined.contacted()).as("errors: %s", joined.errors()).isEqualTo(1);
            await("a sees b", () -> a.numMembers() == 2);

            Member toA = b.members().stream().filter(m -> m.name().equals("a")).findFirst().orElseThrow();
            b.sendReliable(toA, "over tcp".getBytes(StandardCharsets.UTF_8)).get();
            b.sendBestEffort(toA, "over udp".getBytes(StandardCharsets.UTF_8));
            await("both messages arrive", () -> received.size() == 2);
            assertThat(received).containsExactlyInAnyOrder("over tcp", "over udp");

            assertThat(b.leave(Duration.ofSeconds(5))).isTrue();
            await("a sees b left", () -> a.members().stream()
                    .anyMatch(m -> m.name().equals("b") && m.state() == MemberState.LEFT));
        }
    }

    @Test
    void nodeMetaLargerThan512BytesIsRefusedAtCreateNamingTheProblem() {
        Delegate bigMeta = new Delegate() {
            @Override
            public byte[] nodeMeta(int limit) {
                return new byte[limit + 1];
            }
        };

        assertThatThrownBy(() -> Memberlist.create(config("big"), MemberlistOptions.builder().delegate(bigMeta).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node meta (513 bytes)");
    }

    @Test
    void callsAfterShutdownFailFast() throws Exception {
        Memberlist a = Memberlist.create(config("a"));
        a.shutdown();

        assertThat(a.joinAsync(List.of(new java.net.InetSocketAddress("127.0.0.1", 1)))).isCompletedExceptionally();
    }
}
