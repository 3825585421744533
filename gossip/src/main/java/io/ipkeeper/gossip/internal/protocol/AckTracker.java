package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.Scheduler;
import io.ipkeeper.gossip.internal.wire.Ack;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * memberlist's ack handlers ({@code setAckHandler}/{@code invokeAckHandler}/{@code invokeNackHandler}): one
 * sequence-number counter for every ping, indirect ping and relayed ping, and per outstanding sequence number what to
 * do on an ack, on a nack, and when nothing came in time. An ack or the timeout removes the handler; nacks do not.
 * Protocol thread only.
 */
final class AckTracker {

    /** What to do for one outstanding sequence number. */
    interface Handler {
        void onAck(Ack ack, long receivedNanos);

        default void onNack() {}

        void onTimeout();
    }

    private record Entry(Handler handler, Scheduler.Cancellable timer) {}

    private final Scheduler scheduler;
    private final Map<Long, Entry> pending = new HashMap<>();
    private long seqNo;

    AckTracker(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** The next sequence number (uint32, starting at 1, wrapping like Go's). */
    long nextSeqNo() {
        seqNo = (seqNo + 1) & 0xFFFF_FFFFL;
        return seqNo;
    }

    /** Registers {@code handler} for {@code seqNo}; its {@code onTimeout} runs after {@code timeout} unless acked. */
    void expect(long seqNo, Duration timeout, Handler handler) {
        Scheduler.Cancellable timer = scheduler.schedule(timeout, () -> {
            Entry e = pending.get(seqNo);
            if (e != null && e.handler == handler) {
                pending.remove(seqNo);
                handler.onTimeout();
            }
        });
        Entry old = pending.put(seqNo, new Entry(handler, timer));
        if (old != null) {
            old.timer.cancel();
        }
    }

    /** An ack arrived; unknown sequence numbers (late or foreign acks) are ignored. */
    void ack(Ack ack, long receivedNanos) {
        Entry e = pending.remove(ack.seqNo());
        if (e != null) {
            e.timer.cancel();
            e.handler.onAck(ack, receivedNanos);
        }
    }

    void nack(long seqNo) {
        Entry e = pending.get(seqNo);
        if (e != null) {
            e.handler.onNack();
        }
    }

    int outstanding() {
        return pending.size();
    }

    /** Forgets every handler without calling it (shutdown). */
    void clear() {
        pending.values().forEach(e -> e.timer.cancel());
        pending.clear();
    }
}
