package io.ipkeeper.sim;

import io.ipkeeper.gossip.Scheduler;
import java.time.Duration;

/**
 * The {@link Scheduler} of one simulated process, backed by the shared {@link EventLoop}. A paused process (CPU
 * starvation, GC) runs nothing until the pause ends; then its overdue timers run first and the packets that arrived
 * meanwhile after them, which is what makes a starved node time out probes whose acks already arrived. A process whose
 * reading is stalled runs its timers but reads nothing until the stall ends. A stopped (crashed) process drops
 * everything still pending.
 */
final class SimScheduler implements Scheduler {
    private final EventLoop loop;
    private long pausedUntil;
    private long inboundStalledUntil;
    private boolean stopped;

    SimScheduler(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public long nanoTime() {
        return loop.now();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        return loop.after(delay.toNanos(), () -> runOrDefer(task, 0));
    }

    @Override
    public void execute(Runnable task) {
        loop.after(0, () -> runOrDefer(task, 0));
    }

    /** Runs an inbound delivery on this process; during a pause it waits until just after the overdue timers. */
    void deliver(Runnable delivery) {
        loop.after(0, () -> readOrDefer(delivery));
    }

    /** An inbound delivery waits while reading is stalled (in arrival order: the loop keeps submission order). */
    private void readOrDefer(Runnable delivery) {
        if (!stopped && loop.now() < inboundStalledUntil) {
            loop.at(inboundStalledUntil, () -> readOrDefer(delivery));
            return;
        }
        runOrDefer(delivery, 1);
    }

    private void runOrDefer(Runnable task, long afterResume) {
        if (stopped) {
            return;
        }
        if (loop.now() < pausedUntil) {
            long resume = pausedUntil + afterResume;
            loop.at(resume, () -> runOrDefer(task, afterResume));
            return;
        }
        task.run();
    }

    /** Starves the process of CPU until {@code untilNanos}. */
    void pauseUntil(long untilNanos) {
        pausedUntil = Math.max(pausedUntil, untilNanos);
    }

    /**
     * Starves the process's reading until {@code untilNanos}: inbound packets and streams wait (none is lost) while
     * timers run and sends go out, so probes time out although their acks have arrived.
     */
    void stallInboundUntil(long untilNanos) {
        inboundStalledUntil = Math.max(inboundStalledUntil, untilNanos);
    }

    boolean paused() {
        return loop.now() < pausedUntil;
    }

    void stop() {
        stopped = true;
    }
}
