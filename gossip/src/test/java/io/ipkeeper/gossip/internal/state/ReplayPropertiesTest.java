package io.ipkeeper.gossip.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.internal.state.MembershipEffect.Broadcast;
import io.ipkeeper.gossip.internal.wire.Dead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Seed 000 (the 2014 storm, docs/incidents.md §1) as properties: for a known node Foo, random interleavings and replays
 * of {Alive, Foo, i}, {Suspect, Foo, i}, {Dead, Foo, i}, {Leave, Foo, i} and suspicion-timer firings.
 *
 * <ol>
 *   <li><b>No resurrection</b>: an alive whose incarnation is ≤ the highest incarnation of any dead the node accepted
 *       (i.e. gossiped on) never brings Foo back to alive.
 *   <li><b>Oracle</b>: after every message, (incarnation, state) equals an independent model: the incarnation is the
 *       maximum of all evidence, and the state follows memberlist's precedence among accepted evidence (alive needs a
 *       strictly higher incarnation; suspect and dead win ties; dead/left are terminal until a strictly newer alive;
 *       a suspect never revives).
 * </ol>
 * Each property is shown to fail with {@code legacyDeadRemoval} (the pre-Nov-2014 memberlist).
 */
class ReplayPropertiesTest {
    static final String FOO = "foo";

    enum Kind { ALIVE, SUSPECT, DEAD, LEAVE, TIMER }

    /** One delivery; {@code replayOf >= 0} re-delivers an earlier message (replay) instead. */
    record Msg(Kind kind, long inc, String from, int replayOf) {
        static Msg of(Kind kind, long inc) {
            return new Msg(kind, inc, "n1", -1);
        }

        @Override
        public String toString() {
            return replayOf >= 0 ? "replay#" + replayOf : kind + "@" + inc + (kind == Kind.SUSPECT ? "/" + from : "");
        }
    }

    // ------------------------------------------------------------------ the independent model

    /** What Foo should look like: the running max of all incarnations, and the precedence among accepted messages. */
    static final class Oracle {
        long inc = 1;
        NodeStatus state = NodeStatus.ALIVE;

        void apply(Msg m) {
            switch (m.kind()) {
                case ALIVE -> {
                    if (m.inc() > inc) {
                        state = NodeStatus.ALIVE;
                    }
                }
                case SUSPECT -> {
                    if (m.inc() >= inc && state == NodeStatus.ALIVE) {
                        state = NodeStatus.SUSPECT;
                    }
                }
                case DEAD, LEAVE -> {
                    if (m.inc() >= inc && !state.isDeadOrLeft()) {
                        state = m.kind() == Kind.LEAVE ? NodeStatus.LEFT : NodeStatus.DEAD;
                    }
                }
                case TIMER -> {
                    if (state == NodeStatus.SUSPECT) {
                        state = NodeStatus.DEAD;
                    }
                }
            }
            if (m.kind() != Kind.TIMER) {
                inc = Math.max(inc, m.inc());
            }
        }
    }

    // ------------------------------------------------------------------ running a sequence

    /** Resolves replays: the list of messages actually delivered. */
    static List<Msg> delivered(List<Msg> steps) {
        List<Msg> out = new ArrayList<>();
        for (Msg m : steps) {
            if (m.replayOf() >= 0) {
                if (!out.isEmpty()) {
                    out.add(out.get(m.replayOf() % out.size()));
                }
            } else {
                out.add(m);
            }
        }
        return out;
    }

    static void deliver(Fixture f, Msg m) {
        switch (m.kind()) {
            case ALIVE -> f.alive(Fixture.alive(FOO, m.inc()));
            case SUSPECT -> f.suspect(Fixture.suspect(FOO, m.inc(), m.from()));
            case DEAD -> f.dead(Fixture.dead(FOO, m.inc(), m.from()));
            case LEAVE -> f.dead(Fixture.leave(FOO, m.inc()));
            case TIMER -> f.m.suspicionDeadline(FOO).ifPresent(deadline -> {
                f.now = Math.max(f.now, deadline);
                f.m.suspicionTimeout(FOO, f.now);
            });
        }
    }

    static Fixture knownFoo(boolean legacy) {
        Fixture f = new Fixture(b -> b.legacyDeadRemoval(legacy));
        f.alive(Fixture.alive(FOO, 1));
        f.effects.clear();
        return f;
    }

    /** Property 1; returns the first violation, if any. */
    static Optional<String> resurrection(List<Msg> steps, boolean legacy) {
        Fixture f = knownFoo(legacy);
        long highestAcceptedDead = -1;
        List<Msg> seen = new ArrayList<>();
        for (Msg m : delivered(steps)) {
            seen.add(m);
            NodeStatus before = f.status(FOO);
            f.effects.clear();
            deliver(f, m);
            NodeStatus after = f.status(FOO);
            if (m.kind() == Kind.ALIVE && after == NodeStatus.ALIVE && before != NodeStatus.ALIVE
                    && m.inc() <= highestAcceptedDead) {
                return Optional.of("alive@" + m.inc() + " revived foo after an accepted dead@" + highestAcceptedDead
                        + " in " + seen);
            }
            for (Broadcast b : f.effects(Broadcast.class)) {
                if (b.message() instanceof Dead d && d.node().equals(FOO)) {
                    highestAcceptedDead = Math.max(highestAcceptedDead, d.incarnation());
                }
            }
        }
        return Optional.empty();
    }

    /** Property 2; returns the first divergence from the oracle, if any. */
    static Optional<String> oracleDivergence(List<Msg> steps, boolean legacy) {
        Fixture f = knownFoo(legacy);
        Oracle oracle = new Oracle();
        List<Msg> seen = new ArrayList<>();
        for (Msg m : delivered(steps)) {
            seen.add(m);
            deliver(f, m);
            oracle.apply(m);
            NodeSnapshot foo = f.m.node(FOO);
            // Only legacy mode can lose the entry (it forgets dead nodes); that is judged at the end.
            if (foo != null && (foo.incarnation() != oracle.inc || foo.status() != oracle.state)) {
                return Optional.of("after " + seen + ": machine " + foo + ", oracle " + oracle.inc + " "
                        + oracle.state);
            }
        }
        NodeSnapshot foo = f.m.node(FOO);
        if (foo == null) {
            return Optional.of("after " + seen + ": machine forgot foo, oracle " + oracle.inc + " " + oracle.state);
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ generators

    @Provide
    Arbitrary<List<Msg>> histories() {
        Arbitrary<Msg> fresh = Combinators.combine(
                        Arbitraries.of(Kind.class).withoutEdgeCases(),
                        Arbitraries.longs().between(0, 12),
                        Arbitraries.of("n1", "n2", "n3", "n4"))
                .as((kind, inc, from) -> new Msg(kind, inc, from, -1));
        Arbitrary<Msg> replay = Arbitraries.integers().between(0, 1000).map(i -> new Msg(Kind.ALIVE, 0, "", i));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, fresh),
                        net.jqwik.api.Tuple.of(1, replay))
                .list().ofMaxSize(40);
    }

    /** Deterministically samples the same generator until {@code check} reports a violation. */
    private Optional<String> findCounterexample(Function<List<Msg>, Optional<String>> check) {
        net.jqwik.api.RandomGenerator<List<Msg>> gen = histories().generator(1000);
        Random random = new Random(2014);
        for (int i = 0; i < 5000; i++) {
            Optional<String> v = check.apply(gen.next(random).value());
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 2000)
    void noAliveAtOrBelowAnAcceptedDeadEverRevivesFoo(@ForAll("histories") List<Msg> history) {
        assertThat(resurrection(history, false)).isEmpty();
    }

    @Property(tries = 2000)
    void fooAlwaysEqualsTheHighestAcceptedEvidence(@ForAll("histories") List<Msg> history) {
        assertThat(oracleDivergence(history, false)).isEmpty();
    }

    @Example
    void withLegacyDeadRemovalTheGeneratorFindsAResurrection() {
        assertThat(findCounterexample(h -> resurrection(h, true))).isPresent();
    }

    @Example
    void withLegacyDeadRemovalTheGeneratorFindsADivergenceFromTheOracle() {
        assertThat(findCounterexample(h -> oracleDivergence(h, true))).isPresent();
    }

    @Example
    void theOracleItselfRejectsTheIssue197Resurrection() {
        // Guards the oracle against being a copy of the machine: memberlist 0.2.2 would end ALIVE@2 here.
        Oracle o = new Oracle();
        List.of(Msg.of(Kind.DEAD, 1), Msg.of(Kind.DEAD, 10), Msg.of(Kind.ALIVE, 2)).forEach(o::apply);
        assertThat(o.state).isEqualTo(NodeStatus.DEAD);
        assertThat(o.inc).isEqualTo(10);
    }

    @Example
    void issue197SequencePassesWithTheFixAndFailsWithLegacy() {
        List<Msg> seq = List.of(Msg.of(Kind.DEAD, 1), Msg.of(Kind.DEAD, 10), Msg.of(Kind.ALIVE, 2));
        assertThat(resurrection(seq, false)).isEmpty();
        assertThat(oracleDivergence(seq, false)).isEmpty();
        // Legacy forgets Foo at Dead@1, so Dead@10 is never accepted and Alive@2 is "newer" than every accepted dead:
        // the no-resurrection property cannot see it, the oracle (max of all evidence = 10) does.
        assertThat(resurrection(seq, true)).isEmpty();
        assertThat(oracleDivergence(seq, true)).hasValueSatisfying(v -> assertThat(v).contains("ALIVE"));
    }

    @Example
    void incident2014SequencePassesWithTheFixAndFailsWithLegacy() {
        // Foo is alive at 1 (knownFoo); {Dead, Foo, 1}; the replayed {Alive, Foo, 1}.
        List<Msg> seq = List.of(Msg.of(Kind.DEAD, 1), Msg.of(Kind.ALIVE, 1));
        assertThat(resurrection(seq, false)).isEmpty();
        assertThat(oracleDivergence(seq, false)).isEmpty();
        assertThat(resurrection(seq, true)).hasValueSatisfying(v -> assertThat(v).contains("alive@1"));
    }
}
