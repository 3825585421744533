package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {

    @Test
    void aStalledReaderRunsItsTimersOnTimeAndReadsWhatArrivedInOrderWhenTheStallEnds() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        List<String> ran = new ArrayList<>();
        s.stallInboundUntil(1_000);
        loop.at(100, () -> s.deliver(() -> ran.add("packet1@" + loop.now())));
        loop.at(200, () -> s.deliver(() -> ran.add("packet2@" + loop.now())));
        s.schedule(Duration.ofNanos(500), () -> ran.add("timer@" + loop.now()));
        loop.runUntil(999);
        assertThat(ran).containsExactly("timer@500");
        loop.runUntil(2_000);
        assertThat(ran).containsExactly("timer@500", "packet1@1000", "packet2@1000");
        s.deliver(() -> ran.add("packet3@" + loop.now()));
        loop.runUntil(3_000);
        assertThat(ran).endsWith("packet3@2000");
    }

    @Test
    void aStoppedProcessReadsNothingAfterItsStall() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        List<String> ran = new ArrayList<>();
        s.stallInboundUntil(1_000);
        s.deliver(() -> ran.add("packet"));
        loop.runUntil(500);
        s.stop();
        loop.runUntil(2_000);
        assertThat(ran).isEmpty();
    }
}
