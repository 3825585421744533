package io.ipkeeper.gossip.internal.state;

import static io.ipkeeper.gossip.internal.state.Fixture.SECOND;
import static io.ipkeeper.gossip.internal.state.Fixture.SELF;
import static io.ipkeeper.gossip.internal.state.Fixture.SELF_ADDR;
import static io.ipkeeper.gossip.internal.state.Fixture.VSN;
import static io.ipkeeper.gossip.internal.state.Fixture.alive;
import static io.ipkeeper.gossip.internal.state.Fixture.dead;
import static io.ipkeeper.gossip.internal.state.Fixture.leave;
import static io.ipkeeper.gossip.internal.state.Fixture.suspect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.internal.state.MembershipEffect.ArmSuspicionTimer;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Broadcast;
import io.ipkeeper.gossip.internal.state.MembershipEffect.CancelSuspicionTimer;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Conflict;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Departed;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Joined;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Updated;
import io.ipkeeper.gossip.internal.wire.Alive;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** White-box tests, one per numbered step of spec §3.2–3.5 and §3.7 (memberlist {@code state_test.go}). */
class MembershipTest {

    @Nested
    class Start {
        @Test
        void startGossipsOurAliveAtIncarnationOneAndJoinsUs() {
            Fixture f = new Fixture(b -> {});
            assertThat(f.m.node(SELF).incarnation()).isEqualTo(1);
            assertThat(f.m.node(SELF).status()).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.m.numNodes()).isEqualTo(1);
            assertThatThrownBy(() -> f.m.start(SELF_ADDR, 7946, null, VSN, f.now))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        }

        @Test
        void updateNodeTakesTheNextIncarnationAndEmitsUpdated() {
            Fixture f = new Fixture();
            f.m.updateNode(new byte[] {7}, f.now);
            assertThat(f.incarnation(SELF)).isEqualTo(2);
            assertThat(f.broadcasts()).containsExactly(new Alive(2, SELF, SELF_ADDR, 7946, new byte[] {7}, VSN));
            assertThat(f.effects(Updated.class)).hasSize(1);
        }
    }

    @Nested
    class AliveNode {
        @Test
        void step1_aliveAboutUsIsIgnoredOnceWeHaveLeft() {
            Fixture f = new Fixture();
            f.m.leave(f.now);
            f.effects.clear();
            f.alive(new Alive(9, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.effects).isEmpty();
            assertThat(f.status(SELF)).isEqualTo(NodeStatus.LEFT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0,5", "1,0", "3,2"})
        void step2_impossibleProtocolRangeIsIgnored(String minMax) {
            Fixture f = new Fixture();
            String[] p = minMax.split(",");
            byte[] vsn = {Byte.parseByte(p[0]), Byte.parseByte(p[1]), 2, 0, 0, 0};
            f.alive(new Alive(1, "foo", Fixture.addrOf("foo"), 7946, null, vsn));
            assertThat(f.m.node("foo")).isNull();
            assertThat(f.effects).isEmpty();
        }

        @Test
        void step2_shortVsnIsNotCheckedAndNotStored() {
            Fixture f = new Fixture();
            f.alive(new Alive(1, "foo", Fixture.addrOf("foo"), 7946, null, new byte[] {1, 5}));
            assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.m.node("foo").vsn()).isNull();
        }

        @Test
        void step3_aliveFilterNeedsSixVsnBytesAndMayVeto() {
            Fixture f = new Fixture(b -> b.aliveFilter(a -> !a.node().startsWith("evil")));
            f.alive(new Alive(1, "short", Fixture.addrOf("short"), 7946, null, new byte[] {1, 5, 2}));
            f.alive(alive("evil-1", 1));
            f.alive(alive("good", 1));
            assertThat(f.m.node("short")).isNull();
            assertThat(f.m.node("evil-1")).isNull();
            assertThat(f.status("good")).isEqualTo(NodeStatus.ALIVE);
        }

        @Test
        void step4_unknownNodeIsAddedAliveGossipedAndJoined() {
            Fixture f = new Fixture();
            Alive a = alive("foo", 1);
            f.alive(a);
            assertThat(f.m.numNodes()).isEqualTo(2);
            assertThat(f.m.node("foo").incarnation()).isEqualTo(1);
            assertThat(f.m.node("foo").stateChangeNanos()).isEqualTo(f.now);
            assertThat(f.effects).containsExactly(new Broadcast("foo", a),
                    new Joined(f.m.node("foo")));
        }

        @Test
        void step4_unknownNodeFromADisallowedAddressIsIgnored() {
            Fixture f = new Fixture(b -> b.addressAllowed(addr -> addr[1] != 1)); // peers live in 10.1/16
            f.alive(alive("foo", 1));
            assertThat(f.m.node("foo")).isNull();
            assertThat(f.m.numNodes()).isEqualTo(1);
        }

        @Test
        void step4_incarnationZeroCreatesADeadEntryButIsNotAccepted() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 0));
            assertThat(f.m.node("foo").status()).isEqualTo(NodeStatus.DEAD);
            assertThat(f.m.numNodes()).isEqualTo(2);
            assertThat(f.effects).isEmpty();
        }

        @Test
        void step4_sameNameFromAnotherAddressIsAConflictAndIgnored() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.effects.clear();
            Alive other = new Alive(5, "foo", new byte[] {10, 9, 9, 9}, 7946, null, VSN);
            f.alive(other);
            assertThat(f.effects).hasSize(1);
            assertThat(f.effects(Conflict.class).getFirst().other()).isEqualTo(other);
            assertThat(f.m.node("foo").incarnation()).isEqualTo(1);
            assertThat(f.m.node("foo").addr()).isEqualTo(Fixture.addrOf("foo"));
        }

        @Test
        void step4_aLeftNodesNameMayMoveToANewAddressEvenAtALowerIncarnation() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 5));
            f.dead(leave("foo", 5));
            f.effects.clear();
            Alive moved = new Alive(1, "foo", new byte[] {10, 9, 9, 9}, 7000, null, VSN);
            f.alive(moved);
            assertThat(f.m.node("foo").addr()).isEqualTo(new byte[] {10, 9, 9, 9});
            assertThat(f.m.node("foo").port()).isEqualTo(7000);
            assertThat(f.m.node("foo").incarnation()).isEqualTo(1);
            assertThat(f.effects(Joined.class)).hasSize(1);
        }

        @Test
        void step4_aDeadNodesNameMayMoveOnlyAfterDeadNodeReclaimTime() {
            Fixture f = new Fixture(b -> b.deadNodeReclaimTime(Duration.ofSeconds(10)));
            f.alive(alive("foo", 5));
            f.dead(dead("foo", 5, "n1"));
            Alive moved = new Alive(1, "foo", new byte[] {10, 9, 9, 9}, 7946, null, VSN);
            f.tick(Duration.ofSeconds(10));
            f.alive(moved);
            assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
            assertThat(f.effects(Conflict.class)).hasSize(1);
            f.tick(Duration.ofMillis(1));
            f.alive(moved);
            assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.m.node("foo").addr()).isEqualTo(new byte[] {10, 9, 9, 9});
        }

        @Test
        void step4_withoutReclaimTimeADeadNodesNameNeverMoves() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 5));
            f.dead(dead("foo", 5, "n1"));
            f.tick(Duration.ofDays(365));
            f.alive(new Alive(9, "foo", new byte[] {10, 9, 9, 9}, 7946, null, VSN));
            assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
        }

        @Test
        void step5_anAliveAboutAnotherNodeNeedsAStrictlyHigherIncarnation() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 3));
            f.effects.clear();
            f.alive(alive("foo", 3, new byte[] {1}));
            f.alive(alive("foo", 2, new byte[] {1}));
            assertThat(f.effects).isEmpty();
            f.alive(alive("foo", 4, new byte[] {1}));
            assertThat(f.incarnation("foo")).isEqualTo(4);
        }

        @Test
        void step5_anOlderAliveAboutUsIsIgnored() {
            Fixture f = new Fixture();
            f.suspect(suspect(SELF, 4, "n1")); // refute: incarnation 5
            f.effects.clear();
            f.alive(new Alive(3, SELF, SELF_ADDR, 7946, new byte[] {9}, VSN));
            assertThat(f.effects).isEmpty();
            assertThat(f.incarnation(SELF)).isEqualTo(5);
        }

        @Test
        void step6_aNewerAliveEndsTheSuspicion() {
            Fixture f = new Fixture().withPeers(3);
            f.alive(alive("foo", 1));
            f.suspect(suspect("foo", 1, "n1"));
            f.effects.clear();
            f.alive(alive("foo", 2));
            assertThat(f.effects.getFirst()).isEqualTo(new CancelSuspicionTimer("foo"));
            assertThat(f.m.suspicionDeadline("foo")).isEmpty();
            assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.effects(Joined.class)).isEmpty();
        }

        @Test
        void step7_anAliveAboutUsThatMatchesOurStateIsIgnored() {
            Fixture f = new Fixture();
            f.alive(new Alive(1, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.effects).isEmpty();
            assertThat(f.m.awareness().score()).isZero();
        }

        @Test
        void step7_aNewerAliveAboutUsIsRefutedAboveIt() {
            Fixture f = new Fixture();
            f.alive(new Alive(7, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.incarnation(SELF)).isEqualTo(8);
            assertThat(f.broadcasts()).containsExactly(new Alive(8, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.m.awareness().score()).isEqualTo(1);
            assertThat(f.effects(Joined.class)).isEmpty();
        }

        @Test
        void step7_anEqualAliveAboutUsWithOtherMetaIsRefutedWithOurOwnMeta() {
            Fixture f = new Fixture();
            f.alive(new Alive(1, SELF, SELF_ADDR, 7946, new byte[] {6, 6}, VSN));
            assertThat(f.broadcasts()).containsExactly(new Alive(2, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.m.node(SELF).meta()).isNull();
        }

        @Test
        void step8_metaChangeEmitsUpdatedAndDeadToAliveEmitsJoined() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.alive(alive("foo", 2, new byte[] {1}));
            assertThat(f.effects(Updated.class)).singleElement()
                    .satisfies(u -> assertThat(u.node().meta()).isEqualTo(new byte[] {1}));
            f.dead(dead("foo", 2, "n1"));
            f.effects.clear();
            f.alive(alive("foo", 3, new byte[] {2}));
            assertThat(f.effects(Joined.class)).hasSize(1);
            assertThat(f.effects(Updated.class)).isEmpty();
        }

        @Test
        void step8_sameMetaNoEvent() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.effects.clear();
            f.alive(alive("foo", 2));
            assertThat(f.effects).containsExactly(new Broadcast("foo", alive("foo", 2)));
        }
    }

    @Nested
    class SuspectNode {
        @Test
        void step1_unknownOrOlderIsIgnored() {
            Fixture f = new Fixture();
            f.suspect(suspect("ghost", 1, "n1"));
            f.alive(alive("foo", 3));
            f.effects.clear();
            f.suspect(suspect("foo", 2, "n1"));
            assertThat(f.effects).isEmpty();
            assertThat(f.m.node("ghost")).isNull();
            assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
        }

        @Test
        void step2_eachNewAccuserConfirmsOnceAndIsRegossiped() {
            Fixture f = new Fixture().withPeers(3);
            f.alive(alive("foo", 1));
            long start = f.now;
            f.suspect(suspect("foo", 1, "n1"));
            f.effects.clear();
            f.suspect(suspect("foo", 1, "n1")); // the original accuser never counts
            assertThat(f.effects).isEmpty();
            f.suspect(suspect("foo", 1, "n2"));
            assertThat(f.effects).containsExactly(new Broadcast("foo", suspect("foo", 1, "n2")),
                    new ArmSuspicionTimer("foo", start + 11_381_000_000L));
            f.effects.clear();
            f.suspect(suspect("foo", 1, "n2")); // counted once
            assertThat(f.effects).isEmpty();
            f.suspect(suspect("foo", 1, "n3"));
            assertThat(f.m.suspicionDeadline("foo")).hasValue(start + 4 * SECOND);
            f.effects.clear();
            f.suspect(suspect("foo", 1, SELF)); // k = 2 reached: no more confirmations
            assertThat(f.effects).isEmpty();
        }

        @Test
        void anInternerSharesTheStoredNameAddressAndVersions() {
            byte[] canonicalAddr = Fixture.addrOf("foo").clone();
            String canonicalName = new String("foo");
            Interner interner = new Interner() {
                @Override
                public String string(String s) {
                    return s.equals("foo") ? canonicalName : s;
                }

                @Override
                public byte[] bytes(byte[] b) {
                    return java.util.Arrays.equals(b, canonicalAddr) ? canonicalAddr : b;
                }

                @Override
                public <T> T value(T v) {
                    return v;
                }
            };
            Fixture f = new Fixture(b -> b.interner(interner));
            f.alive(alive("foo", 1));
            assertThat(f.m.node("foo").addr()).isSameAs(canonicalAddr);
            assertThat(f.m.node("foo").name()).isSameAs(canonicalName);
            f.alive(alive("foo", 2));
            assertThat(f.m.node("foo").addr()).isSameAs(canonicalAddr);
        }

        @Test
        void plainSwimSuspicionHasAFixedTimeoutThatAccusersNeitherShortenNorRegossip() {
            Fixture f = new Fixture(b -> b.fixedSuspicionTimeout(true)).withPeers(3);
            f.alive(alive("foo", 1));
            long start = f.now;
            f.suspect(suspect("foo", 1, "n1"));
            assertThat(f.m.suspicionDeadline("foo")).hasValue(start + 4 * SECOND);
            f.effects.clear();
            f.suspect(suspect("foo", 1, "n2"));
            f.suspect(suspect("foo", 1, "n3"));
            assertThat(f.effects).isEmpty();
            assertThat(f.m.suspicionDeadline("foo")).hasValue(start + 4 * SECOND);
        }

        @Test
        void step3_aSuspectNeverRevivesADeadOrLeftNode() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.alive(alive("bar", 1));
            f.dead(dead("foo", 1, "n1"));
            f.dead(leave("bar", 1));
            f.effects.clear();
            f.suspect(suspect("foo", 1, "n2"));
            f.suspect(suspect("bar", 1, "n2"));
            assertThat(f.effects).isEmpty();
            assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
            assertThat(f.status("bar")).isEqualTo(NodeStatus.LEFT);
        }

        @Test
        void step4_aSuspectAboutUsIsRefutedAndWeStayAlive() {
            Fixture f = new Fixture();
            f.suspect(suspect(SELF, 1, "n1"));
            assertThat(f.status(SELF)).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.incarnation(SELF)).isEqualTo(2);
            assertThat(f.broadcasts()).containsExactly(new Alive(2, SELF, SELF_ADDR, 7946, null, VSN));
            assertThat(f.effects(ArmSuspicionTimer.class)).isEmpty();
        }

        @Test
        void step5_anAliveNodeBecomesSuspectWithATimerAtMaxWhenConfirmationsArePossible() {
            Fixture f = new Fixture().withPeers(3);
            f.alive(alive("foo", 1));
            f.effects.clear();
            f.suspect(suspect("foo", 2, "n1"));
            NodeSnapshot foo = f.m.node("foo");
            assertThat(foo.status()).isEqualTo(NodeStatus.SUSPECT);
            assertThat(foo.incarnation()).isEqualTo(2);
            assertThat(foo.stateChangeNanos()).isEqualTo(f.now);
            // n = 5: min = 4 s, max = 24 s, k = 2
            assertThat(f.effects).containsExactly(new Broadcast("foo", suspect("foo", 2, "n1")),
                    new ArmSuspicionTimer("foo", f.now + 24 * SECOND));
            assertThat(f.effects(Departed.class)).isEmpty();
        }

        @Test
        void step5_inATinyClusterTheTimerStartsAtMin() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.effects.clear();
            f.suspect(suspect("foo", 1, SELF));
            assertThat(f.effects(ArmSuspicionTimer.class)).containsExactly(
                    new ArmSuspicionTimer("foo", f.now + 4 * SECOND));
        }

        @Test
        void timerFiringDeclaresTheSuspectDeadFromUs() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.suspect(suspect("foo", 1, "n1"));
            f.effects.clear();
            f.tick(Duration.ofSeconds(4));
            f.m.suspicionTimeout("foo", f.now);
            assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
            assertThat(f.effects).containsExactly(new CancelSuspicionTimer("foo"),
                    new Broadcast("foo", dead("foo", 1, SELF)), new Departed(f.m.node("foo")));
        }

        @Test
        void timerFiringEarlyIsReArmedAndAfterRefutationDoesNothing() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.suspect(suspect("foo", 1, "n1"));
            long deadline = f.m.suspicionDeadline("foo").orElseThrow();
            f.effects.clear();
            f.m.suspicionTimeout("foo", deadline - 1);
            assertThat(f.effects).containsExactly(new ArmSuspicionTimer("foo", deadline));
            f.alive(alive("foo", 2));
            f.effects.clear();
            f.m.suspicionTimeout("foo", deadline);
            assertThat(f.effects).isEmpty();
            assertThat(f.status("foo")).isEqualTo(NodeStatus.ALIVE);
        }
    }

    @Nested
    class DeadNode {
        @Test
        void step1_unknownOrOlderIsIgnoredButEqualIsAccepted() {
            Fixture f = new Fixture();
            f.dead(dead("ghost", 1, "n1"));
            f.alive(alive("foo", 3));
            f.effects.clear();
            f.dead(dead("foo", 2, "n1"));
            assertThat(f.effects).isEmpty();
            f.dead(dead("foo", 3, "n1"));
            assertThat(f.status("foo")).isEqualTo(NodeStatus.DEAD);
            assertThat(f.m.node("ghost")).isNull();
        }

        @Test
        void step2_deathCancelsTheSuspicionAndARepeatedDeathChangesNothing() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.suspect(suspect("foo", 1, "n1"));
            f.effects.clear();
            f.dead(dead("foo", 1, "n2"));
            assertThat(f.effects.getFirst()).isEqualTo(new CancelSuspicionTimer("foo"));
            long changed = f.m.node("foo").stateChangeNanos();
            f.effects.clear();
            f.tick(Duration.ofSeconds(1));
            f.dead(dead("foo", 1, "n3"));
            assertThat(f.effects).isEmpty();
            assertThat(f.m.node("foo").stateChangeNanos()).isEqualTo(changed);
        }

        @Test
        void step3_aDeathAboutUsIsRefutedUnlessWeAreLeaving() {
            Fixture f = new Fixture();
            f.dead(dead(SELF, 3, "n1"));
            assertThat(f.status(SELF)).isEqualTo(NodeStatus.ALIVE);
            assertThat(f.incarnation(SELF)).isEqualTo(4);
            assertThat(f.effects(Departed.class)).isEmpty();
        }

        @Test
        void step4_aDeathFromTheNodeItselfIsALeave() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            f.alive(alive("bar", 1));
            f.effects.clear();
            f.dead(leave("foo", 1));
            f.dead(dead("bar", 1, "foo"));
            assertThat(f.effects(Departed.class)).extracting(d -> d.node().name(), Departed::graceful)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("foo", true),
                            org.assertj.core.groups.Tuple.tuple("bar", false));
            assertThat(f.broadcasts()).containsExactly(leave("foo", 1), dead("bar", 1, "foo"));
        }
    }

    @Nested
    class Refute {
        @Test
        void refutationJumpsPastTheAccusationAndRaisesAwareness() {
            Fixture f = new Fixture();
            f.suspect(suspect(SELF, 10, "n1"));
            assertThat(f.incarnation(SELF)).isEqualTo(11);
            assertThat(f.m.localIncarnation()).isEqualTo(11);
            f.suspect(suspect(SELF, 11, "n1"));
            assertThat(f.incarnation(SELF)).isEqualTo(12);
            assertThat(f.m.awareness().score()).isEqualTo(2);
        }

        @Test
        void refutationBroadcastReplacesOurOwnQueuedAliveBecauseItIsNamedByNodeName() {
            Fixture f = new Fixture();
            f.suspect(suspect(SELF, 1, "n1"));
            assertThat(f.effects(Broadcast.class)).extracting(Broadcast::node).containsExactly(SELF);
        }
    }

    @Nested
    class Leave {
        @Test
        void leaveMarksUsLeftGossipsItAndReportsWhetherAnyoneIsLeftToTell() {
            Fixture f = new Fixture();
            assertThat(f.m.leave(f.now)).isFalse();
            assertThat(f.status(SELF)).isEqualTo(NodeStatus.LEFT);
            assertThat(f.broadcasts()).containsExactly(leave(SELF, 1));
            assertThat(f.effects(Departed.class)).singleElement().satisfies(d -> assertThat(d.graceful()).isTrue());
            assertThat(f.m.hasLeft()).isTrue();
            f.effects.clear();
            f.m.leave(f.now);
            assertThat(f.effects).isEmpty();
        }

        @Test
        void leaveWithAliveNodesAsksTheCallerToWait() {
            Fixture f = new Fixture();
            f.alive(alive("foo", 1));
            assertThat(f.m.leave(f.now)).isTrue();
        }

        @Test
        void afterLeavingNeitherSuspectNorDeathAboutUsIsRefuted() {
            Fixture f = new Fixture();
            f.m.leave(f.now);
            f.effects.clear();
            f.suspect(suspect(SELF, 5, "n1"));
            f.dead(dead(SELF, 5, "n1"));
            assertThat(f.effects).isEmpty();
            assertThat(f.status(SELF)).isEqualTo(NodeStatus.LEFT);
        }
    }
}
