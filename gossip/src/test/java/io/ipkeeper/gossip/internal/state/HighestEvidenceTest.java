package io.ipkeeper.gossip.internal.state;

import static io.ipkeeper.gossip.internal.state.Fixture.alive;
import static io.ipkeeper.gossip.internal.state.Fixture.dead;
import static io.ipkeeper.gossip.internal.state.Fixture.leave;
import static io.ipkeeper.gossip.internal.state.Fixture.suspect;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.internal.state.MembershipEffect.Broadcast;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Departed;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Joined;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Where we differ from memberlist 0.2.2: the stored incarnation is the highest of all accepted evidence
 * (al8n/memberlist#197), and the 2014 replay bug that {@code legacyDeadRemoval} reproduces.
 */
class HighestEvidenceTest {

    @Test
    void issue197_aDeadWithAHigherIncarnationIsRememberedSoALaterLowerAliveCannotResurrect() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.effects.clear();
        f.dead(dead("foo", 10, "n2"));
        // Re-gossiped so the rest of the cluster learns the higher incarnation too; no second departure event.
        assertThat(f.effects).containsExactly(new Broadcast("foo", dead("foo", 10, "n2")));
        assertThat(f.incarnation("foo")).isEqualTo(10);
        f.effects.clear();
        f.alive(alive("foo", 2));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
        assertThat(f.effects).isEmpty();
        f.alive(alive("foo", 11));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
    }

    @Test
    void issue197_withLegacyDeadRemovalTheSameSequenceResurrectsTheNode() {
        Fixture f = Fixture.legacy();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.dead(dead("foo", 10, "n2"));
        f.alive(alive("foo", 2));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
    }

    @Test
    void incident2014_aReplayedAliveAfterDeathIsIgnored() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.effects.clear();
        f.alive(alive("foo", 1));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
        assertThat(f.effects).isEmpty();
        assertThat(f.m.numNodes()).isEqualTo(2);
    }

    @Test
    void incident2014_withLegacyDeadRemovalTheReplayIsANewNodeAndADuplicateInTheProbeList() {
        Fixture f = Fixture.legacy();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.effects.clear();
        f.alive(alive("foo", 1));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
        assertThat(f.effects(Joined.class)).hasSize(1);
        assertThat(f.effects(Broadcast.class)).hasSize(1); // the storm: the stale alive is gossiped again
        assertThat(f.m.numNodes()).isEqualTo(3);
        assertThat(f.m.members()).filteredOn(n -> n.name().equals("foo")).hasSize(2);
    }

    @Test
    void legacyDuplicatesAreReapedWithoutLosingTheLiveCopy() {
        Fixture f = Fixture.legacy();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.alive(alive("foo", 1));
        f.tick(Duration.ofSeconds(31));
        assertThat(f.m.resetNodes(f.now)).isEqualTo(1);
        assertThat(f.m.numNodes()).isEqualTo(2);
        assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
    }

    @Test
    void aSuspectWithAHigherIncarnationAboutADeadNodeRaisesItButDoesNotRevive() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.effects.clear();
        f.suspect(suspect("foo", 7, "n2"));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
        assertThat(f.incarnation("foo")).isEqualTo(7);
        assertThat(f.effects).containsExactly(new Broadcast("foo", suspect("foo", 7, "n2")));
        f.alive(alive("foo", 7));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
    }

    @Test
    void aSuspectWithAHigherIncarnationDuringASuspicionRaisesItAndIsRegossipedEvenFromAKnownAccuser() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.suspect(suspect("foo", 1, "n1"));
        f.effects.clear();
        f.suspect(suspect("foo", 5, "n1"));
        assertThat(f.incarnation("foo")).isEqualTo(5);
        assertThat(f.effects).containsExactly(new Broadcast("foo", suspect("foo", 5, "n1")));
        f.alive(alive("foo", 3));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.SUSPECT);
    }

    @Test
    void theSuspicionTimerDeclaresDeathAtTheRaisedIncarnation() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.suspect(suspect("foo", 1, "n1"));
        f.suspect(suspect("foo", 5, "n2"));
        f.effects.clear();
        f.m.suspicionTimeout("foo", f.m.suspicionDeadline("foo").orElseThrow());
        assertThat(f.broadcasts()).containsExactly(dead("foo", 5, Fixture.SELF));
    }

    @Test
    void leftStaysLeftWhenAHigherDeadArrivesAndDeadStaysDeadWhenAHigherLeaveArrives() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.alive(alive("bar", 1));
        f.dead(leave("foo", 1));
        f.dead(dead("bar", 1, "n1"));
        f.effects.clear();
        f.dead(dead("foo", 4, "n1"));
        f.dead(leave("bar", 4));
        assertThat(f.status("foo")).isEqualTo(NodeStatus.LEFT);
        assertThat(f.status("bar")).isEqualTo(NodeStatus.DEAD);
        assertThat(f.incarnation("foo")).isEqualTo(4);
        assertThat(f.incarnation("bar")).isEqualTo(4);
        assertThat(f.effects(Departed.class)).isEmpty();
        assertThat(f.broadcasts()).containsExactly(dead("foo", 4, "n1"), leave("bar", 4));
    }

    @Test
    void raisingTheIncarnationDoesNotPostponeReaping() {
        Fixture f = new Fixture();
        f.alive(alive("foo", 1));
        f.dead(dead("foo", 1, "n1"));
        f.tick(Duration.ofSeconds(20));
        f.dead(dead("foo", 10, "n1"));
        f.tick(Duration.ofSeconds(11));
        assertThat(f.m.resetNodes(f.now)).isEqualTo(1);
        assertThat(f.m.node("foo")).isNull();
    }
}
