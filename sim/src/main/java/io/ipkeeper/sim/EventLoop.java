package io.ipkeeper.sim;

import io.ipkeeper.gossip.Scheduler;
import java.util.PriorityQueue;

/**
 * The one discrete-event loop of a run: events ordered by (virtual time, submission sequence), so one seed always gives
 * the same order. Single-threaded; nothing here reads the wall clock.
 */
public final class EventLoop {

    /** One pending event; cancelling only marks it (it is discarded when it reaches the head of the queue). */
    static final class Event implements Scheduler.Cancellable, Comparable<Event> {
        final long at;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Event(long at, long seq, Runnable body) {
            this.at = at;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Event> queue = new PriorityQueue<>(1 << 16);
    private long now;
    private long seq;
    private long executed;

    /** Virtual nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** Runs {@code body} at virtual time {@code atNanos} (never earlier than now). */
    public Event at(long atNanos, Runnable body) {
        Event e = new Event(Math.max(now, atNanos), seq++, body);
        queue.add(e);
        return e;
    }

    public Event after(long delayNanos, Runnable body) {
        return at(now + Math.max(0, delayNanos), body);
    }

    /** Runs every event due at or before {@code deadline}, then sets the clock to it. */
    public void runUntil(long deadline) {
        while (!queue.isEmpty() && queue.peek().at <= deadline) {
            Event e = queue.poll();
            now = e.at;
            if (e.cancelled) {
                continue;
            }
            executed++;
            e.body.run();
        }
        now = Math.max(now, deadline);
    }

    /** Events run so far (cancelled ones excluded): deterministic for a given seed. */
    public long executed() {
        return executed;
    }

    public int pending() {
        return queue.size();
    }
}
