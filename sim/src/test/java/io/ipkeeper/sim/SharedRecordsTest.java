package io.ipkeeper.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.gossip.Member;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedRecordsTest {

    @Test
    void equalContentGivesTheSameInstance() {
        SharedRecords shared = new SharedRecords();
        byte[] a = {1, 2, 3};
        assertThat(shared.bytes(a)).isSameAs(a);
        assertThat(shared.bytes(new byte[] {1, 2, 3})).isSameAs(a);
        assertThat(shared.bytes(new byte[] {1, 2})).isNotSameAs(a);
        String name = new String("node-00001");
        assertThat(shared.string(name)).isSameAs(name);
        assertThat(shared.string(new String("node-00001"))).isSameAs(name);
        assertThat(shared.bytes(null)).isNull();
        assertThat(shared.string(null)).isNull();
        assertThat((Object) shared.value(null)).isNull();
        assertThat(shared.size()).isEqualTo(3);
    }

    @Test
    void everyNodeOfARunHoldsTheSameMemberRecordsAndEntryParts() {
        Simulation sim = new Simulation(new RunSettings("steady", 20, 1, Duration.ofSeconds(30), false),
                Scenarios.named("steady").orElseThrow());
        sim.run(t -> {});
        List<Member> first = sim.node(0).members();
        List<Member> other = sim.node(13).members();
        assertThat(other).hasSize(20).isEqualTo(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(other.get(i)).as(first.get(i).name()).isSameAs(first.get(i));
        }
    }
}
