package io.ipkeeper.gossip.serf;

import io.ipkeeper.gossip.Member;
import io.ipkeeper.gossip.MemberState;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serf's member table ({@code Serf.members}, {@code recentIntents}): per member its status and status Lamport time,
 * which decide whether a join/leave intent is news ({@code handleNodeJoinIntent}, {@code handleNodeLeaveIntent}), and
 * intents about members memberlist has not reported yet. Not thread-safe: the owner locks.
 */
final class MemberTable {
    /** Serf's {@code RecentIntentTimeout}. */
    static final Duration RECENT_INTENT_TIMEOUT = Duration.ofMinutes(5);
    /** Serf's {@code TombstoneTimeout}/{@code ReconnectTimeout}: how long left and failed members are remembered. */
    static final Duration TOMBSTONE_TIMEOUT = Duration.ofHours(24);
    /** Bound on intents about unknown nodes, so a flood of made-up names cannot grow memory without limit. */
    static final int MAX_RECENT_INTENTS = 4096;

    private final String self;
    private final InstantSource clock;
    private final Map<String, Entry> members = new HashMap<>();
    private final Map<String, Intent> recentIntents = new LinkedHashMap<>();

    private static final class Entry {
        final String name;
        InetAddress address;
        int port;
        Map<String, String> tags = Map.of();
        MemberStatus status = MemberStatus.ALIVE;
        long statusLTime;
        Instant goneAt;

        Entry(String name) {
            this.name = name;
        }

        SerfMember view() {
            return new SerfMember(name, address, port, tags, status);
        }
    }

    private record Intent(boolean leave, long lTime, Instant at) {}

    /** What a leave intent did. */
    enum LeaveOutcome {
        /** Old news: ignore, do not re-broadcast. */
        STALE,
        /** New: re-broadcast it. */
        NEWS,
        /** New, and it turned a failed member into a left one: re-broadcast and report the leave. */
        NEWS_NOW_LEFT,
        /** About us while we are alive: refute with a new join intent. */
        REFUTE
    }

    MemberTable(String self, InstantSource clock) {
        this.self = self;
        this.clock = clock;
        members.put(self, new Entry(self));
    }

    /** {@code handleNodeJoinIntent}: true when the intent is news. */
    boolean joinIntent(String node, long lTime) {
        Entry m = members.get(node);
        if (m == null) {
            return upsertIntent(node, false, lTime);
        }
        if (Long.compareUnsigned(lTime, m.statusLTime) <= 0) {
            return false;
        }
        m.statusLTime = lTime;
        if (m.status == MemberStatus.LEAVING) {
            m.status = MemberStatus.ALIVE; // the leave we saw was older than this join
        }
        return true;
    }

    /** {@code handleNodeLeaveIntent}; {@code selfAlive}: we are not leaving ourselves. */
    LeaveOutcome leaveIntent(String node, long lTime, boolean selfAlive) {
        Entry m = members.get(node);
        if (m == null) {
            return upsertIntent(node, true, lTime) ? LeaveOutcome.NEWS : LeaveOutcome.STALE;
        }
        if (Long.compareUnsigned(lTime, m.statusLTime) <= 0) {
            return LeaveOutcome.STALE;
        }
        if (node.equals(self) && selfAlive) {
            return LeaveOutcome.REFUTE;
        }
        m.statusLTime = lTime;
        return switch (m.status) {
            case ALIVE -> {
                m.status = MemberStatus.LEAVING;
                yield LeaveOutcome.NEWS;
            }
            case FAILED -> {
                m.status = MemberStatus.LEFT;
                yield LeaveOutcome.NEWS_NOW_LEFT;
            }
            case LEAVING, LEFT -> LeaveOutcome.NEWS;
        };
    }

    /** memberlist reported {@code member} alive ({@code handleNodeJoin}); returns Serf's view of it. */
    SerfMember joined(Member member) {
        reap();
        Entry m = members.get(member.name());
        if (m == null) {
            m = new Entry(member.name());
            members.put(member.name(), m);
            Intent intent = recentIntents.remove(member.name());
            if (intent != null && !intent.leave()) {
                m.statusLTime = intent.lTime();
            } else if (intent != null) {
                m.status = MemberStatus.LEAVING;
                m.statusLTime = intent.lTime();
            }
        } else {
            m.status = MemberStatus.ALIVE;
            m.goneAt = null;
        }
        describe(m, member);
        return m.view();
    }

    /**
     * memberlist reported {@code member} gone ({@code handleNodeLeave}). Serf 0.9.4 calls it left only after a leave
     * intent; we also believe memberlist's own graceful leave ({@link MemberState#LEFT}), which plain memberlist nodes
     * send without any intent.
     */
    SerfMember left(Member member) {
        Entry m = members.computeIfAbsent(member.name(), Entry::new);
        boolean graceful = m.status == MemberStatus.LEAVING || m.status == MemberStatus.LEFT
                || member.state() == MemberState.LEFT;
        m.status = graceful ? MemberStatus.LEFT : MemberStatus.FAILED;
        m.goneAt = clock.instant();
        describe(m, member);
        return m.view();
    }

    /** memberlist reported new meta for {@code member}. */
    SerfMember updated(Member member) {
        Entry m = members.computeIfAbsent(member.name(), Entry::new);
        describe(m, member);
        return m.view();
    }

    /** Status Lamport time of every member we remember, for our push/pull state. */
    Map<String, Long> statusTimes() {
        Map<String, Long> out = new HashMap<>();
        members.values().forEach(m -> out.put(m.name, m.statusLTime));
        return out;
    }

    /** Members that left gracefully, for our push/pull state. */
    List<String> leftMembers() {
        return members.values().stream().filter(m -> m.status == MemberStatus.LEFT).map(m -> m.name).sorted().toList();
    }

    /** Every member we remember, by name. */
    List<SerfMember> members() {
        List<SerfMember> out = new ArrayList<>();
        members.values().forEach(m -> out.add(m.view()));
        out.sort(Comparator.comparing(SerfMember::name));
        return out;
    }

    MemberStatus status(String node) {
        Entry m = members.get(node);
        return m == null ? null : m.status;
    }

    long statusTime(String node) {
        Entry m = members.get(node);
        return m == null ? 0 : m.statusLTime;
    }

    /** {@code upsertIntent}: keeps the newest intent about a node memberlist has not reported yet. */
    private boolean upsertIntent(String node, boolean leave, long lTime) {
        Intent old = recentIntents.get(node);
        if (old != null && Long.compareUnsigned(lTime, old.lTime()) <= 0) {
            return false;
        }
        recentIntents.remove(node);
        recentIntents.put(node, new Intent(leave, lTime, clock.instant()));
        while (recentIntents.size() > MAX_RECENT_INTENTS) {
            recentIntents.remove(recentIntents.keySet().iterator().next());
        }
        return true;
    }

    private void describe(Entry m, Member member) {
        m.address = member.address();
        m.port = member.port();
        m.tags = SerfTagsView.of(member.meta());
    }

    /** Forgets stale intents and members gone for longer than the tombstone timeout ({@code handleReap}). */
    private void reap() {
        Instant now = clock.instant();
        recentIntents.values().removeIf(i -> i.at().plus(RECENT_INTENT_TIMEOUT).isBefore(now));
        members.values().removeIf(m -> m.goneAt != null && m.goneAt.plus(TOMBSTONE_TIMEOUT).isBefore(now)
                && !m.name.equals(self));
    }
}
