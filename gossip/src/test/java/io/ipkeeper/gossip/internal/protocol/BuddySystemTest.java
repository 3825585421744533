package io.ipkeeper.gossip.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.MemberState;
import io.ipkeeper.gossip.Transport;
import io.ipkeeper.gossip.internal.protocol.SimCluster.Node;
import io.ipkeeper.gossip.internal.wire.CompoundFrame;
import io.ipkeeper.gossip.internal.wire.CompressedFrame;
import io.ipkeeper.gossip.internal.wire.CrcFrame;
import io.ipkeeper.gossip.internal.wire.Frame;
import io.ipkeeper.gossip.internal.wire.PacketCodec;
import io.ipkeeper.gossip.internal.wire.Ping;
import io.ipkeeper.gossip.internal.wire.Suspect;
import io.ipkeeper.gossip.internal.wire.WireOptions;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Lifeguard buddy system: a probe to a suspect node carries the suspicion, so the node can refute it at once. */
class BuddySystemTest {

    /** Records every packet a node sends, decoded to its messages. */
    private static final class Tap extends ForwardingTransport {
        final List<List<Frame>> sent = new ArrayList<>();
        final List<InetSocketAddress> to = new ArrayList<>();

        Tap(Transport inner) {
            super(inner);
        }

        @Override
        public void sendPacket(InetSocketAddress dest, byte[] packet) {
            List<Frame> messages = new ArrayList<>();
            flatten(PacketCodec.decodePacket(packet, WireOptions.plain()).frame(), messages);
            sent.add(messages);
            to.add(dest);
            inner.sendPacket(dest, packet);
        }

        private static void flatten(Frame f, List<Frame> out) {
            switch (f) {
                case CompoundFrame c -> c.parts().forEach(p -> flatten(p, out));
                case CrcFrame c -> flatten(c.inner(), out);
                case CompressedFrame c -> flatten(c.inner(), out);
                default -> out.add(f);
            }
        }
    }

    @Test
    void aProbeToASuspectNodeCarriesTheSuspicionInTheSamePacket() {
        SimCluster c = new SimCluster(50);
        Tap[] tap = new Tap[1];
        // suspicionMult 6: with 3 nodes a suspicion lasts 6 s flat, long enough for another probe of the suspect.
        Node prober = c.add("node-0", b -> b.suspicionMult(6), t -> tap[0] = new Tap(t));
        Node target = c.add("node-1", b -> b.suspicionMult(6));
        Node third = c.add("node-2", b -> b.suspicionMult(6));
        c.run(Duration.ofMillis(10));
        target.memberlist.joinAsync(List.of(prober.address()));
        third.memberlist.joinAsync(List.of(prober.address()));
        c.runUntil(() -> c.allSeeAlive(c.all(), Set.of("node-0", "node-1", "node-2")), Duration.ofSeconds(10));

        // node-1 goes silent until node-0 suspects it, then comes back.
        c.network.partition(Set.of(target.address()), Set.of(prober.address(), third.address()));
        c.runUntil(() -> prober.stateOf("node-1") == MemberState.SUSPECT, Duration.ofSeconds(20));
        int from = tap[0].sent.size();
        // Still silent for 3 s: node-0 probes it again meanwhile.
        c.run(Duration.ofSeconds(3));
        c.network.heal();
        c.runUntil(() -> prober.stateOf("node-1") == MemberState.ALIVE, Duration.ofSeconds(20));

        boolean buddy = false;
        for (int i = from; i < tap[0].sent.size(); i++) {
            List<Frame> msgs = tap[0].sent.get(i);
            boolean ping = msgs.stream().anyMatch(m -> m instanceof Ping p && p.node().equals("node-1"));
            boolean suspect = msgs.stream().anyMatch(m -> m instanceof Suspect s && s.node().equals("node-1")
                    && s.from().equals("node-0"));
            buddy |= ping && suspect && tap[0].to.get(i).equals(target.address());
        }
        assertThat(prober.stateOf("node-1")).isEqualTo(MemberState.ALIVE);
        assertThat(buddy).as("a ping to node-1 went out together with a suspect about node-1").isTrue();
    }
}
