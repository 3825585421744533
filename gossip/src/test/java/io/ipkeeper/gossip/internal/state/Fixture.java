package io.ipkeeper.gossip.internal.state;

import io.ipkeeper.gossip.internal.wire.Alive;
import io.ipkeeper.gossip.internal.wire.Dead;
import io.ipkeeper.gossip.internal.wire.Suspect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** A started {@link Membership} for node "self" with recorded effects; time is whatever the test passes. */
final class Fixture {
    static final String SELF = "self";
    static final byte[] SELF_ADDR = {10, 0, 0, 1};
    static final byte[] VSN = {1, 5, 2, 0, 0, 0};
    static final long SECOND = 1_000_000_000L;

    final List<MembershipEffect> effects = new ArrayList<>();
    final Membership m;
    long now = 1_000 * SECOND;

    Fixture() {
        this(b -> {});
    }

    Fixture(Consumer<Membership.Builder> customize) {
        Membership.Builder b = Membership.builder(SELF).random(new SplittableRandom(42)).effects(effects::add);
        customize.accept(b);
        m = b.build();
        m.start(SELF_ADDR, 7946, null, VSN, now);
        effects.clear();
    }

    static Fixture legacy() {
        return new Fixture(b -> b.legacyDeadRemoval(true));
    }

    static byte[] addrOf(String name) {
        return new byte[] {10, 1, 0, (byte) (name.hashCode() & 0x7F)};
    }

    static Alive alive(String name, long inc) {
        return new Alive(inc, name, addrOf(name), 7946, null, VSN);
    }

    static Alive alive(String name, long inc, byte[] meta) {
        return new Alive(inc, name, addrOf(name), 7946, meta, VSN);
    }

    static Suspect suspect(String name, long inc, String from) {
        return new Suspect(inc, name, from);
    }

    static Dead dead(String name, long inc, String from) {
        return new Dead(inc, name, from);
    }

    static Dead leave(String name, long inc) {
        return new Dead(inc, name, name);
    }

    Fixture tick(Duration d) {
        now += d.toNanos();
        return this;
    }

    void alive(Alive a) {
        m.aliveNode(a, false, now);
    }

    void suspect(Suspect s) {
        m.suspectNode(s, now);
    }

    void dead(Dead d) {
        m.deadNode(d, now);
    }

    /** Adds alive nodes n1..nCount (so suspicion has enough confirmers) and clears the effects. */
    Fixture withPeers(int count) {
        for (int i = 1; i <= count; i++) {
            alive(alive("n" + i, 1));
        }
        effects.clear();
        return this;
    }

    NodeStatus status(String name) {
        NodeSnapshot s = m.node(name);
        return s == null ? null : s.status();
    }

    long incarnation(String name) {
        return m.node(name).incarnation();
    }

    <T extends MembershipEffect> List<T> effects(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<Record> broadcasts() {
        return effects(MembershipEffect.Broadcast.class).stream().map(MembershipEffect.Broadcast::message).toList();
    }
}
