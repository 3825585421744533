package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventLoopTest {

    @Test
    void runsByTimeThenSubmissionOrderAndSkipsCancelled() {
        EventLoop loop = new EventLoop();
        List<String> ran = new ArrayList<>();
        loop.at(20, () -> ran.add("b"));
        loop.at(10, () -> ran.add("a1"));
        loop.at(10, () -> ran.add("a2"));
        loop.at(15, () -> ran.add("x")).cancel();
        loop.runUntil(100);
        assertThat(ran).containsExactly("a1", "a2", "b");
        assertThat(loop.now()).isEqualTo(100);
        assertThat(loop.executed()).isEqualTo(3);
    }

    @Test
    void pausedProcessRunsOverdueTimersBeforePacketsThatArrivedMeanwhile() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        List<String> ran = new ArrayList<>();
        s.pauseUntil(1_000);
        loop.at(100, () -> s.deliver(() -> ran.add("packet")));
        s.schedule(java.time.Duration.ofNanos(500), () -> ran.add("timer"));
        loop.runUntil(999);
        assertThat(ran).isEmpty();
        loop.runUntil(2_000);
        assertThat(ran).containsExactly("timer", "packet");
    }

    @Test
    void durationsParse() {
        assertThat(Durations.parse("90s").toSeconds()).isEqualTo(90);
        assertThat(Durations.parse("10m").toSeconds()).isEqualTo(600);
        assertThat(Durations.parse("500ms").toMillis()).isEqualTo(500);
    }
}
