package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.GossipMetrics;
import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.internal.state.Membership;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** The scheduler side of {@code ArmSuspicionTimer}/{@code CancelSuspicionTimer}: one timer per suspected node. */
final class SuspicionTimers {
    private final Scheduler scheduler;
    private final LongSupplier clock;
    private final GossipMetrics metrics;
    private final Map<String, Scheduler.Cancellable> timers = new HashMap<>();
    private Membership membership;
    /** The node whose timer is firing now: a re-arm from inside the timeout is not a new suspicion. */
    private String firing;

    SuspicionTimers(Scheduler scheduler, LongSupplier clock, GossipMetrics metrics) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.metrics = metrics;
    }

    void bind(Membership membership) {
        this.membership = membership;
    }

    void arm(String node, long deadlineNanos) {
        Scheduler.Cancellable old = timers.remove(node);
        if (old != null) {
            old.cancel();
        } else if (!node.equals(firing)) {
            metrics.suspicionRaised();
        }
        long delay = Math.max(0, deadlineNanos - clock.getAsLong());
        timers.put(node, scheduler.schedule(Duration.ofNanos(delay), () -> fire(node)));
    }

    void cancel(String node) {
        Scheduler.Cancellable t = timers.remove(node);
        if (t != null) {
            t.cancel();
        }
    }

    void clear() {
        timers.values().forEach(Scheduler.Cancellable::cancel);
        timers.clear();
    }

    private void fire(String node) {
        timers.remove(node);
        firing = node;
        try {
            membership.suspicionTimeout(node, clock.getAsLong());
        } finally {
            firing = null;
        }
    }
}
