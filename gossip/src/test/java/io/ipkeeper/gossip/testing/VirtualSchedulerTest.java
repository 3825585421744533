package io.ipkeeper.gossip.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VirtualSchedulerTest {
    @Test
    void runsTasksInTimeThenSubmissionOrderAndAdvancesTheClock() {
        VirtualScheduler s = new VirtualScheduler();
        List<String> log = new ArrayList<>();
        s.schedule(Duration.ofMillis(20), () -> log.add("b@" + s.nanoTime()));
        s.schedule(Duration.ofMillis(10), () -> log.add("a@" + s.nanoTime()));
        s.schedule(Duration.ofMillis(20), () -> log.add("c@" + s.nanoTime()));
        s.execute(() -> log.add("now@" + s.nanoTime()));

        s.runFor(Duration.ofMillis(15));
        assertThat(log).containsExactly("now@0", "a@10000000");
        assertThat(s.nanoTime()).isEqualTo(15_000_000);

        s.runFor(Duration.ofMillis(100));
        assertThat(log).containsExactly("now@0", "a@10000000", "b@20000000", "c@20000000");
        assertThat(s.nanoTime()).isEqualTo(115_000_000);
    }

    @Test
    void cancelledTasksDoNotRunAndTasksMayScheduleMore() {
        VirtualScheduler s = new VirtualScheduler();
        List<Integer> ticks = new ArrayList<>();
        var cancelled = s.schedule(Duration.ofSeconds(1), () -> ticks.add(-1));
        cancelled.cancel();
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            ticks.add((int) (s.nanoTime() / 1_000_000_000L));
            s.schedule(Duration.ofSeconds(1), tick[0]);
        };
        s.schedule(Duration.ofSeconds(1), tick[0]);
        s.runFor(Duration.ofSeconds(3));
        assertThat(ticks).containsExactly(1, 2, 3);
        assertThat(s.runUntilIdle(5)).isEqualTo(5);
        assertThat(s.executedTasks()).isEqualTo(8);
    }
}
