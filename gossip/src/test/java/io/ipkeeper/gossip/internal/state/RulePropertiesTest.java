package io.ipkeeper.gossip.internal.state;

import static io.ipkeeper.gossip.internal.state.Fixture.SELF;
import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.internal.state.MembershipEffect.ArmSuspicionTimer;
import io.ipkeeper.gossip.internal.state.MembershipEffect.CancelSuspicionTimer;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Departed;
import io.ipkeeper.gossip.internal.state.MembershipEffect.Joined;
import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.PushNodeState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * State-machine properties, one per rule of spec §3.2–3.6: random action sequences (gossip about us and three peers,
 * push/pull records, timer firings, time passing, reaping, leaving) run against {@link Membership}, and each rule is an
 * invariant checked after every action against what the action was.
 *
 * <p>The rules the 2014 bug breaks (table consistency, monotone incarnation, alive only if newer) are also shown to
 * fail with {@code legacyDeadRemoval}. The others (suspect never revives, death only on evidence, refutation, events,
 * timers) do not depend on how dead nodes are stored, so legacy mode cannot break them.
 */
class RulePropertiesTest {
    static final List<String> NODES = List.of(SELF, "a", "b", "c");

    enum Rule { TABLE_CONSISTENT, INCARNATION_MONOTONE, ALIVE_NEEDS_NEWER, SUSPECT_NEVER_REVIVES,
        DEATH_NEEDS_EVIDENCE, WE_REFUTE, EVENTS_MATCH_TRANSITIONS, TIMER_IFF_SUSPECT }

    enum Kind { ALIVE, SUSPECT, DEAD, LEAVE }

    sealed interface Action {}

    record Gossip(Kind kind, String node, long inc, String from, boolean newMeta) implements Action {}

    record Merge(String node, long inc, int state) implements Action {}

    record FireTimer(String node) implements Action {}

    record Pass(int seconds) implements Action {}

    record Reap() implements Action {}

    record Leave() implements Action {}

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<List<Action>> runs() {
        Arbitrary<String> node = Arbitraries.of(NODES);
        Arbitrary<Long> inc = Arbitraries.longs().between(0, 6);
        Arbitrary<Action> gossip = Combinators.combine(Arbitraries.of(Kind.class), node, inc,
                        Arbitraries.of("a", "b", "c", SELF), Arbitraries.of(false, true))
                .as(Gossip::new);
        Arbitrary<Action> merge = Combinators.combine(node, inc, Arbitraries.integers().between(0, 3)).as(Merge::new);
        Arbitrary<Action> fire = node.map(FireTimer::new);
        Arbitrary<Action> pass = Arbitraries.integers().between(1, 40).map(Pass::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(12, gossip), Tuple.of(3, merge), Tuple.of(2, fire), Tuple.of(2, pass),
                Tuple.of(1, Arbitraries.just(new Reap())), Tuple.of(1, Arbitraries.just(new Leave())));
        return action.list().ofMaxSize(40);
    }

    // ------------------------------------------------------------------ the harness

    /** Runs {@code actions}; returns the first violation of {@code rule}. */
    static Optional<String> check(List<Action> actions, boolean legacy, Rule rule) {
        Fixture f = new Fixture(b -> b.legacyDeadRemoval(legacy));
        for (String n : List.of("a", "b", "c")) {
            f.alive(Fixture.alive(n, 1));
        }
        Map<String, Long> lastKnownInc = new HashMap<>();
        Set<String> armed = new HashSet<>();
        long maxAccusationAboutUs = 0;
        long maxAliveAboutUs = 0;
        List<Action> done = new ArrayList<>();
        for (Action action : actions) {
            done.add(action);
            Map<String, NodeSnapshot> before = lookups(f);
            Set<String> inListBefore = namesInList(f);
            for (String n : NODES) {
                if (!inListBefore.contains(n)) {
                    lastKnownInc.remove(n); // reaped: memberlist forgets, and so may we
                } else if (before.get(n) != null) {
                    lastKnownInc.merge(n, before.get(n).incarnation(), Math::max);
                }
            }
            f.effects.clear();
            boolean wasLeaving = f.m.hasLeft();
            apply(f, action);
            Map<String, NodeSnapshot> after = lookups(f);
            for (MembershipEffect e : f.effects) {
                if (e instanceof ArmSuspicionTimer a) {
                    armed.add(a.node());
                } else if (e instanceof CancelSuspicionTimer c) {
                    armed.remove(c.node());
                }
            }
            if (action instanceof Gossip g && g.node().equals(SELF)) {
                if (g.kind() == Kind.ALIVE) {
                    maxAliveAboutUs = Math.max(maxAliveAboutUs, g.inc());
                } else if (!wasLeaving) {
                    maxAccusationAboutUs = Math.max(maxAccusationAboutUs, g.inc());
                }
            }
            if (action instanceof Merge mg && mg.node().equals(SELF) && mg.state() != PushNodeState.ALIVE && !wasLeaving) {
                maxAccusationAboutUs = Math.max(maxAccusationAboutUs, mg.inc());
            }
            String v = switch (rule) {
                case TABLE_CONSISTENT -> tableConsistent(f);
                case INCARNATION_MONOTONE -> incarnationMonotone(after, lastKnownInc);
                case ALIVE_NEEDS_NEWER -> aliveNeedsNewer(action, before, after, lastKnownInc);
                case SUSPECT_NEVER_REVIVES -> suspectNeverRevives(before, after);
                case DEATH_NEEDS_EVIDENCE -> deathNeedsEvidence(action, before, after, lastKnownInc);
                case WE_REFUTE -> weRefute(f, maxAccusationAboutUs, maxAliveAboutUs);
                case EVENTS_MATCH_TRANSITIONS -> eventsMatch(f, before, after);
                case TIMER_IFF_SUSPECT -> timersMatch(after, armed);
            };
            if (v != null) {
                return Optional.of(rule + ": " + v + " after " + done);
            }
        }
        return Optional.empty();
    }

    static void apply(Fixture f, Action action) {
        switch (action) {
            case Gossip g -> {
                switch (g.kind()) {
                    case ALIVE -> {
                        byte[] addr = g.node().equals(SELF) ? Fixture.SELF_ADDR : Fixture.addrOf(g.node());
                        f.alive(new Alive(g.inc(), g.node(), addr, 7946, g.newMeta() ? new byte[] {1} : null,
                                Fixture.VSN));
                    }
                    case SUSPECT -> f.suspect(Fixture.suspect(g.node(), g.inc(), g.from()));
                    case DEAD -> // A dead from the node itself is a leave, which LEAVE covers: take an outside accuser instead.
                        f.dead(Fixture.dead(g.node(), g.inc(), g.from().equals(g.node()) ? "outsider" : g.from()));
                    case LEAVE -> f.dead(Fixture.leave(g.node(), g.inc()));
                }
            }
            case Merge mg -> {
                byte[] addr = mg.node().equals(SELF) ? Fixture.SELF_ADDR : Fixture.addrOf(mg.node());
                f.m.mergeState(List.of(new PushNodeState(mg.node(), addr, 7946, null, mg.inc(), mg.state(),
                        Fixture.VSN)), f.now);
            }
            case FireTimer t -> f.m.suspicionDeadline(t.node()).ifPresent(deadline -> {
                f.now = Math.max(f.now, deadline);
                f.m.suspicionTimeout(t.node(), f.now);
            });
            case Pass p -> f.tick(Duration.ofSeconds(p.seconds()));
            case Reap r -> f.m.resetNodes(f.now);
            case Leave l -> f.m.leave(f.now);
        }
    }

    static Map<String, NodeSnapshot> lookups(Fixture f) {
        Map<String, NodeSnapshot> m = new HashMap<>();
        for (String n : NODES) {
            m.put(n, f.m.node(n));
        }
        return m;
    }

    static Set<String> namesInList(Fixture f) {
        Set<String> s = new HashSet<>();
        f.m.members().forEach(n -> s.add(n.name()));
        return s;
    }

    static NodeStatus status(NodeSnapshot s) {
        return s == null ? null : s.status();
    }

    // ------------------------------------------------------------------ the rules

    /** §3.1/§3.8: the name index and the probe list hold the same nodes, each once; numNodes is the list length. */
    static String tableConsistent(Fixture f) {
        List<NodeSnapshot> list = f.m.members();
        Set<String> names = new HashSet<>();
        for (NodeSnapshot n : list) {
            if (!names.add(n.name())) {
                return n.name() + " is twice in the probe list";
            }
            if (f.m.node(n.name()) == null) {
                return n.name() + " is in the probe list but not in the index";
            }
        }
        return list.size() == f.m.numNodes() ? null : "numNodes " + f.m.numNodes() + " != list " + list.size();
    }

    /** §3.2 step 5 + highest evidence: a remembered node's incarnation never goes down (addresses never change here). */
    static String incarnationMonotone(Map<String, NodeSnapshot> after, Map<String, Long> lastKnown) {
        for (String n : NODES) {
            NodeSnapshot s = after.get(n);
            Long known = lastKnown.get(n);
            if (s != null && known != null && s.incarnation() < known) {
                return n + " went from incarnation " + known + " down to " + s.incarnation();
            }
        }
        return null;
    }

    /** §3.2: a node becomes alive only from an alive (gossip or push/pull) with a strictly higher incarnation. */
    static String aliveNeedsNewer(Action a, Map<String, NodeSnapshot> before, Map<String, NodeSnapshot> after,
            Map<String, Long> lastKnown) {
        for (String n : NODES) {
            if (n.equals(SELF) || status(after.get(n)) != NodeStatus.ALIVE
                    || status(before.get(n)) == NodeStatus.ALIVE) {
                continue;
            }
            long inc = a instanceof Gossip g && g.kind() == Kind.ALIVE && g.node().equals(n) ? g.inc()
                    : a instanceof Merge m && m.state() == PushNodeState.ALIVE && m.node().equals(n) ? m.inc() : -1;
            Long known = lastKnown.get(n);
            if (inc < 0 || (known != null && inc <= known)) {
                return n + " became alive by " + a + " although its known incarnation was " + known;
            }
        }
        return null;
    }

    /** §3.3 step 3: a suspect never creates a node nor revives a dead or left one. */
    static String suspectNeverRevives(Map<String, NodeSnapshot> before, Map<String, NodeSnapshot> after) {
        for (String n : NODES) {
            NodeStatus b = status(before.get(n));
            if (status(after.get(n)) == NodeStatus.SUSPECT && (b == null || b.isDeadOrLeft())) {
                return n + " went from " + b + " to SUSPECT";
            }
        }
        return null;
    }

    /**
     * §3.4 and §3.6: a node dies only from a dead at ≥ its incarnation or its own suspicion timer, and leaves only by
     * its own dead (gossip, push/pull left record, or our Leave); a push/pull dead record never kills at once.
     */
    static String deathNeedsEvidence(Action a, Map<String, NodeSnapshot> before, Map<String, NodeSnapshot> after,
            Map<String, Long> lastKnown) {
        for (String n : NODES) {
            NodeStatus b = status(before.get(n));
            NodeStatus s = status(after.get(n));
            if (b == null || b.isDeadOrLeft() || s == null || !s.isDeadOrLeft()) {
                continue;
            }
            long known = lastKnown.getOrDefault(n, 0L);
            boolean ok = switch (a) {
                case Gossip g -> g.node().equals(n) && g.inc() >= known
                        && (s == NodeStatus.LEFT) == (g.kind() == Kind.LEAVE)
                        && (g.kind() == Kind.DEAD || g.kind() == Kind.LEAVE);
                case Merge m -> m.node().equals(n) && m.state() == PushNodeState.LEFT && s == NodeStatus.LEFT;
                case FireTimer t -> t.node().equals(n) && b == NodeStatus.SUSPECT && s == NodeStatus.DEAD;
                case Leave l -> n.equals(SELF) && s == NodeStatus.LEFT;
                default -> false;
            };
            if (!ok) {
                return n + " went " + b + " -> " + s + " by " + a;
            }
        }
        return null;
    }

    /** §3.5: until we leave we stay alive, above every accusation about us and at least at every alive about us. */
    static String weRefute(Fixture f, long maxAccusation, long maxAlive) {
        NodeSnapshot me = f.m.node(SELF);
        if (f.m.hasLeft()) {
            return me.status() == NodeStatus.LEFT ? null : "we left but are " + me.status();
        }
        if (me.status() != NodeStatus.ALIVE) {
            return "we are " + me.status();
        }
        if (me.incarnation() <= maxAccusation || me.incarnation() < maxAlive) {
            return "our incarnation " + me.incarnation() + " does not beat accusation " + maxAccusation + " / alive "
                    + maxAlive;
        }
        return null;
    }

    /** §3.2 step 8, §3.4 step 4: one Joined per (dead|left|new) → alive, one Departed per (alive|suspect) → (dead|left). */
    static String eventsMatch(Fixture f, Map<String, NodeSnapshot> before, Map<String, NodeSnapshot> after) {
        for (String n : NODES) {
            NodeStatus b = status(before.get(n));
            NodeStatus s = status(after.get(n));
            long joined = f.effects(Joined.class).stream().filter(j -> j.node().name().equals(n)).count();
            long departed = f.effects(Departed.class).stream().filter(d -> d.node().name().equals(n)).count();
            boolean shouldJoin = (b == null || b.isDeadOrLeft()) && s == NodeStatus.ALIVE;
            boolean shouldDepart = b != null && !b.isDeadOrLeft() && s != null && s.isDeadOrLeft();
            if (joined != (shouldJoin ? 1 : 0) || departed != (shouldDepart ? 1 : 0)) {
                return n + " " + b + " -> " + s + " with " + joined + " joined / " + departed + " departed events";
            }
            for (Departed d : f.effects(Departed.class)) {
                if (d.node().name().equals(n) && d.node().status() != s) {
                    return "departure of " + n + " reported as " + d.node().status() + " but state is " + s;
                }
            }
        }
        return null;
    }

    /** §3.3 step 5 / §4.5: exactly the suspect nodes have an armed timer (armed and cancelled through effects). */
    static String timersMatch(Map<String, NodeSnapshot> after, Set<String> armed) {
        Set<String> suspects = new HashSet<>();
        after.forEach((n, s) -> {
            if (status(s) == NodeStatus.SUSPECT) {
                suspects.add(n);
            }
        });
        return suspects.equals(armed) ? null : "suspects " + suspects + " but timers " + armed;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 500)
    void tableIndexAndProbeListAgree(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.TABLE_CONSISTENT)).isEmpty();
    }

    @Property(tries = 500)
    void incarnationsNeverGoDown(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.INCARNATION_MONOTONE)).isEmpty();
    }

    @Property(tries = 500)
    void aliveOnlyWithAStrictlyHigherIncarnation(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.ALIVE_NEEDS_NEWER)).isEmpty();
    }

    @Property(tries = 500)
    void suspectNeverRevives(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.SUSPECT_NEVER_REVIVES)).isEmpty();
    }

    @Property(tries = 500)
    void deathOnlyOnEvidence(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.DEATH_NEEDS_EVIDENCE)).isEmpty();
    }

    @Property(tries = 500)
    void weRefuteEveryAccusation(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.WE_REFUTE)).isEmpty();
    }

    @Property(tries = 500)
    void eventsMatchTransitions(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.EVENTS_MATCH_TRANSITIONS)).isEmpty();
    }

    @Property(tries = 500)
    void suspicionTimerIffSuspect(@ForAll("runs") List<Action> run) {
        assertThat(check(run, false, Rule.TIMER_IFF_SUSPECT)).isEmpty();
    }

    private Optional<String> counterexampleWithLegacy(Rule rule) {
        net.jqwik.api.RandomGenerator<List<Action>> gen = runs().generator(1000);
        Random random = new Random(2014);
        for (int i = 0; i < 5000; i++) {
            Optional<String> v = check(gen.next(random).value(), true, rule);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    @Example
    void legacyBreaksTableConsistency() {
        assertThat(counterexampleWithLegacy(Rule.TABLE_CONSISTENT)).isPresent();
    }

    @Example
    void legacyBreaksIncarnationMonotonicity() {
        assertThat(counterexampleWithLegacy(Rule.INCARNATION_MONOTONE)).isPresent();
    }

    @Example
    void legacyBreaksAliveOnlyIfNewer() {
        assertThat(counterexampleWithLegacy(Rule.ALIVE_NEEDS_NEWER)).isPresent();
    }
}
