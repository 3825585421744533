package io.ipkeeper.gossip.internal.state;

import static io.ipkeeper.gossip.internal.state.Fixture.SELF;
import static io.ipkeeper.gossip.internal.state.Fixture.SELF_ADDR;
import static io.ipkeeper.gossip.internal.state.Fixture.VSN;
import static io.ipkeeper.gossip.internal.state.Fixture.alive;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.internal.state.MembershipEffect.ArmSuspicionTimer;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Departed;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec §3.6: applying a remote push/pull. */
class MergeStateTest {

    private static PushNodeState record(String name, long inc, int state) {
        return new PushNodeState(name, Fixture.addrOf(name), 7946, null, inc, state, VSN);
    }

    @Test
    void aliveRecordsAddNodes() {
        Fixture f = new Fixture();
        f.m.mergeState(List.of(record("a", 1, PushNodeState.ALIVE), record("b", 3, PushNodeState.ALIVE)), f.now);
        assertThat(f.status("a")).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.incarnation("b")).isEqualTo(3);
        assertThat(f.m.numNodes()).isEqualTo(3);
    }

    @Test
    void mergedAliveRecordsAreReBroadcastAsInMemberlist() {
        Fixture f = new Fixture();
        f.m.mergeState(List.of(record("a", 1, PushNodeState.ALIVE), record("b", 3, PushNodeState.ALIVE)), f.now);
        assertThat(f.broadcasts()).hasSize(2);
    }

    @Test
    void quietMergeAppliesAliveRecordsWithoutReBroadcastingButGossipedAlivesStillSpread() {
        Fixture f = new Fixture(b -> b.quietMerge(true));
        f.m.mergeState(List.of(record("a", 1, PushNodeState.ALIVE), record("b", 3, PushNodeState.ALIVE)), f.now);
        assertThat(f.status("a")).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.incarnation("b")).isEqualTo(3);
        assertThat(f.broadcasts()).isEmpty();
        // Not merging any more: an alive that arrives by gossip is re-broadcast as usual.
        f.alive(alive("c", 1));
        assertThat(f.broadcasts()).hasSize(1);
        // Suspect records merged still start (and gossip) our own suspicion.
        f.effects.clear();
        f.m.mergeState(List.of(record("a", 1, PushNodeState.SUSPECT)), f.now);
        assertThat(f.broadcasts()).containsExactly(Fixture.suspect("a", 1, SELF));
    }

    @Test
    void deadAndSuspectRecordsOnlyStartASuspicionFromUsNeverAnImmediateDeath() {
        Fixture f = new Fixture();
        f.alive(alive("a", 1));
        f.alive(alive("b", 1));
        f.effects.clear();
        f.m.mergeState(List.of(record("a", 1, PushNodeState.DEAD), record("b", 2, PushNodeState.SUSPECT)), f.now);
        assertThat(f.status("a")).isEqualTo(NodeStatus.SUSPECT);
        assertThat(f.status("b")).isEqualTo(NodeStatus.SUSPECT);
        assertThat(f.incarnation("b")).isEqualTo(2);
        assertThat(f.effects(Departed.class)).isEmpty();
        assertThat(f.effects(ArmSuspicionTimer.class)).hasSize(2);
        assertThat(f.broadcasts()).containsExactly(Fixture.suspect("a", 1, SELF), Fixture.suspect("b", 2, SELF));
    }

    @Test
    void leftRecordsMakeNodesLeft() {
        Fixture f = new Fixture();
        f.alive(alive("a", 1));
        f.effects.clear();
        f.m.mergeState(List.of(record("a", 1, PushNodeState.LEFT)), f.now);
        assertThat(f.status("a")).isEqualTo(NodeStatus.LEFT);
        assertThat(f.effects(Departed.class)).singleElement().satisfies(d -> assertThat(d.graceful()).isTrue());
    }

    @Test
    void unknownStateValuesAreIgnored() {
        Fixture f = new Fixture();
        f.m.mergeState(List.of(record("a", 1, 7)), f.now);
        assertThat(f.m.node("a")).isNull();
        assertThat(f.effects).isEmpty();
    }

    @Test
    void aRestartedNodeLearnsItWasDeadAndRefutesAboveTheClustersIncarnation() {
        // We restarted: fresh incarnation 1. The cluster remembers us as dead at 7.
        Fixture f = new Fixture();
        f.m.mergeState(List.of(record("a", 2, PushNodeState.ALIVE),
                new PushNodeState(SELF, SELF_ADDR, 7946, null, 7, PushNodeState.DEAD, VSN)), f.now);
        assertThat(f.status(SELF)).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.incarnation(SELF)).isEqualTo(8);
        assertThat(f.broadcasts()).contains(new Alive(8, SELF, SELF_ADDR, 7946, null, VSN));
    }

    @Test
    void aRemoteLeftRecordAboutUsIsRefutedToo() {
        Fixture f = new Fixture();
        f.m.mergeState(List.of(new PushNodeState(SELF, SELF_ADDR, 7946, null, 3, PushNodeState.LEFT, VSN)), f.now);
        assertThat(f.status(SELF)).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.incarnation(SELF)).isEqualTo(4);
    }

    @Test
    void localStateListsEveryEntryWithItsStateCode() {
        Fixture f = new Fixture();
        f.alive(alive("a", 2));
        f.dead(Fixture.leave("a", 2));
        List<PushNodeState> state = f.m.localState();
        assertThat(state).hasSize(2);
        assertThat(state).filteredOn(p -> p.name().equals("a")).singleElement()
                .satisfies(p -> {
                    assertThat(p.state()).isEqualTo(PushNodeState.LEFT);
                    assertThat(p.incarnation()).isEqualTo(2);
                });
    }

    @Test
    void mergingOurOwnLocalStateIntoAPeerReproducesOurView() {
        Fixture us = new Fixture();
        us.alive(alive("a", 3));
        us.alive(alive("b", 1));
        us.dead(Fixture.leave("b", 1));
        Fixture peer = new Fixture();
        peer.m.mergeState(us.m.localState(), peer.now);
        assertThat(peer.status("a")).isEqualTo(NodeStatus.ALIVE);
        assertThat(peer.incarnation("a")).isEqualTo(3);
        // b was never alive for the peer: its left record has nothing to act on, like memberlist.
        assertThat(peer.m.node("b")).isNull();
    }

    @Test
    void digestMergesAreQuietAndCountEachPeersDeadRecordAsItsAccusationSoSeveralPeersConfirm() {
        Fixture f = new Fixture().withPeers(6);
        f.m.mergeState(List.of(record("n1", 1, PushNodeState.DEAD), record("new", 1, PushNodeState.ALIVE)), f.now,
                true, "n2");
        assertThat(f.status("new")).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.status("n1")).isEqualTo(NodeStatus.SUSPECT);
        // The peer is the accuser; the alive record was not re-gossiped.
        assertThat(f.broadcasts()).containsExactly(Fixture.suspect("n1", 1, "n2"));
        long alone = f.m.suspicionDeadline("n1").orElseThrow();

        f.effects.clear();
        f.m.mergeState(List.of(record("n1", 1, PushNodeState.DEAD)), f.now, true, "n3");
        long confirmed = f.m.suspicionDeadline("n1").orElseThrow();
        assertThat(confirmed).as("a second peer's dead record shortens the timeout").isLessThan(alone);
        assertThat(f.broadcasts()).containsExactly(Fixture.suspect("n1", 1, "n3"));

        f.effects.clear();
        f.m.mergeState(List.of(record("n1", 1, PushNodeState.DEAD)), f.now, true, "n3");
        assertThat(f.m.suspicionDeadline("n1").orElseThrow()).as("the same peer again is no new confirmation")
                .isEqualTo(confirmed);
        assertThat(f.effects(Departed.class)).isEmpty();
    }

    @Test
    void aPeerEchoingOurRecordWithoutTheCapabilityByteIsNoContradictionToRefute() {
        byte[] ours = {1, 5, 2, 0, 0, 0, 1};
        Fixture f = new Fixture();
        // A node announcing ipkeeper's seventh Vsn byte, seen by a Go node that keeps only six and echoes them.
        Membership m = Membership.builder("self").random(new java.util.SplittableRandom(1)).effects(e -> { }).build();
        m.start(Fixture.SELF_ADDR, 7946, null, ours, f.now);
        long before = m.localIncarnation();
        m.mergeState(List.of(new PushNodeState("self", Fixture.SELF_ADDR, 7946, null, before, PushNodeState.ALIVE,
                Fixture.VSN)), f.now);
        assertThat(m.localIncarnation()).as("no refutation").isEqualTo(before);
        // A genuinely different Vsn is still refuted, as in memberlist.
        m.mergeState(List.of(new PushNodeState("self", Fixture.SELF_ADDR, 7946, null, before, PushNodeState.ALIVE,
                new byte[] {1, 5, 3, 0, 0, 0})), f.now);
        assertThat(m.localIncarnation()).isGreaterThan(before);
    }

    @Test
    void aNodeFirstLearntWithoutTheCapabilityByteGainsItFromItsOwnRecordAtTheSameIncarnation() {
        byte[] capable = {1, 5, 2, 0, 0, 0, 1};
        Fixture f = new Fixture();
        // Learnt through a Go peer's push/pull: six bytes.
        f.m.mergeState(List.of(record("a", 3, PushNodeState.ALIVE)), f.now);
        f.effects.clear();
        f.m.mergeState(List.of(new PushNodeState("a", Fixture.addrOf("a"), 7946, null, 3, PushNodeState.ALIVE,
                capable)), f.now);
        assertThat(f.m.node("a").vsn()).isEqualTo(capable);
        assertThat(f.effects).as("no broadcast, no event").isEmpty();
        // A record with other protocol versions at the same incarnation changes nothing.
        f.m.mergeState(List.of(new PushNodeState("a", Fixture.addrOf("a"), 7946, null, 3, PushNodeState.ALIVE,
                new byte[] {1, 5, 3, 0, 0, 0, 0})), f.now);
        assertThat(f.m.node("a").vsn()).isEqualTo(capable);
    }
}
