package io.ipkeeper.gossip.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.GossipConfig;
import io.ipkeeper.gossip.JoinResult;
import io.ipkeeper.gossip.serf.Serf;
import io.ipkeeper.gossip.serf.SerfListener;
import io.ipkeeper.gossip.serf.UserEvent;
import io.ipkeeper.testkit.peers.FreePorts;
import io.ipkeeper.testkit.peers.SerfAgent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A Java node with the Serf layer among two real Serf 0.9.4 agents ({@code local} profile, 127.0.0.1): Serf lists it
 * alive with its tags, user events cross in both directions, and its graceful stop shows as {@code left}.
 */
@Tag("interop")
class SerfAgentInteropTest {
    private static final Duration TIMEOUT = SerfAgent.DEFAULT_TIMEOUT;

    /** User events as the Java node's listener sees them. */
    private static final class Events implements SerfListener {
        final List<UserEvent> received = new CopyOnWriteArrayList<>();

        @Override
        public void onUserEvent(UserEvent event) {
            received.add(event);
        }
    }

    @Test
    void serfAgentsAcceptAJavaNodeExchangeEventsAndSeeItLeave() throws Exception {
        Events events = new Events();
        GossipConfig config = GossipConfig.local().name("java-serf").bindAddress("127.0.0.1")
                .bindPort(FreePorts.allocate()).build();
        try (SerfAgent serf1 = SerfAgent.builder("serf-1").tag("role", "web").start();
                SerfAgent serf2 = SerfAgent.builder("serf-2").tag("role", "db").start();
                Serf java = Serf.builder(config).tag("role", "java").listener(events).start()) {
            serf2.join(serf1.address());
            JoinResult joined = java.join(List.of(new InetSocketAddress("127.0.0.1", serf1.bindPort())));
            assertThat(joined.contacted()).as("join errors: %s", joined.errors()).isEqualTo(1);

            // serf members: alive, with our tags, on our address.
            for (SerfAgent agent : List.of(serf1, serf2)) {
                SerfAgent.Member me = agent.awaitMember("java-serf", SerfAgent.Member::alive, TIMEOUT);
                assertThat(me.tags()).isEqualTo(Map.of("role", "java"));
                assertThat(me.addr()).isEqualTo("127.0.0.1:" + config.bindPort());
            }
            await("the Java node seeing both agents with their tags", () -> java.members().stream()
                    .filter(m -> m.name().startsWith("serf-")).map(m -> m.tags().get("role")).sorted().toList()
                    .equals(List.of("db", "web")));

            // serf event → Java, once, with its payload.
            serf2.event("deploy", "v1");
            await("the Java node receiving serf's event", () -> events.received.stream()
                    .anyMatch(e -> e.name().equals("deploy")));
            UserEvent deploy = events.received.stream().filter(e -> e.name().equals("deploy")).findFirst().orElseThrow();
            assertThat(deploy.payloadText()).isEqualTo("v1");

            // Java → both agents' event handlers.
            java.userEvent("from-java", "hello".getBytes(StandardCharsets.UTF_8), false);
            for (SerfAgent agent : List.of(serf1, serf2)) {
                assertThat(agent.awaitUserEvent("from-java", TIMEOUT).payload()).isEqualTo("hello");
            }
            assertThat(events.received.stream().filter(e -> e.name().equals("deploy"))).as("deduplicated").hasSize(1);

            // New tags at run time: Serf sees the update.
            java.setTags(Map.of("role", "java", "version", "2"));
            for (SerfAgent agent : List.of(serf1, serf2)) {
                agent.awaitMember("java-serf", m -> "2".equals(m.tags().get("version")), TIMEOUT);
            }

            // Graceful stop: left, never failed.
            assertThat(java.leave(Duration.ofSeconds(5))).as("leave gossiped in time").isTrue();
            java.close();
            for (SerfAgent agent : List.of(serf1, serf2)) {
                agent.awaitMemberStatus("java-serf", "left", TIMEOUT);
                assertThat(agent.events()).as("%s's events", agent.node())
                        .noneMatch(e -> e.type().equals("member-failed") && e.payload().contains("java-serf"));
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " did not happen within " + TIMEOUT);
            }
            Thread.sleep(100);
        }
    }
}
