package io.ipkeeper.agent.inventory;

import static io.ipkeeper.agent.inventory.LinuxInventoryReaderTest.T0;
import static io.ipkeeper.agent.inventory.LinuxInventoryReaderTest.cidr;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InventoryWatcherTest {

    private final List<InventoryDiff> diffs = new CopyOnWriteArrayList<>();

    static HostInterface eth0(InterfaceAddress... addresses) {
        return new HostInterface("eth0", 2, Optional.empty(), true, 1500, InterfaceKind.PHYSICAL, List.of(addresses));
    }

    static HostInventory inventory(HostInterface... interfaces) {
        return new HostInventory(T0, List.of(interfaces));
    }

    @Test
    void diffNamesAddedRemovedAndChangedInterfaces() throws Exception {
        HostInterface veth = new HostInterface("veth1", 4, Optional.empty(), true, 1500, InterfaceKind.VIRTUAL, List.of());
        HostInterface bond = new HostInterface("bond0", 3, Optional.empty(), false, 1500, InterfaceKind.VIRTUAL, List.of());
        HostInventory before = inventory(eth0(cidr("198.18.0.10", 24)), veth);
        HostInventory after = new HostInventory(T0.plusSeconds(5), List.of(eth0(cidr("198.18.0.10", 24), cidr("198.18.0.11", 24)), bond));

        InventoryDiff diff = InventoryDiff.between(before, after);

        assertThat(diff.added()).containsExactly(bond);
        assertThat(diff.removed()).containsExactly(veth);
        assertThat(diff.changed()).singleElement().satisfies(c -> assertThat(c.after().addresses()).hasSize(2));
        assertThat(InventoryDiff.between(before, new HostInventory(T0.plusSeconds(9), before.interfaces())).isEmpty()).isTrue();
    }

    @Test
    void pollReportsChangesOnlyAndKeepsTheLastGoodSnapshotWhenAReadFails() throws Exception {
        AtomicReference<Object> next = new AtomicReference<>(inventory(eth0()));
        InventoryReader reader = () -> switch (next.get()) {
            case HostInventory inventory -> inventory;
            case IOException e -> throw e;
            default -> throw new IllegalStateException();
        };
        InventoryWatcher watcher = new InventoryWatcher(reader, (before, after, diff) -> diffs.add(diff));

        assertThat(watcher.poll().isEmpty()).isTrue();
        next.set(inventory(eth0(cidr("198.18.0.10", 24))));
        assertThat(watcher.poll().changed()).hasSize(1);
        next.set(new IOException("sysfs went away"));
        assertThat(watcher.poll().isEmpty()).isTrue();

        assertThat(diffs).hasSize(1);
        assertThat(watcher.current().find("eth0").orElseThrow().addresses()).containsExactly(cidr("198.18.0.10", 24));
    }

    @Test
    void startPollsOnTheGivenScheduler() throws Exception {
        List<HostInventory> reads = new ArrayList<>(List.of(inventory(eth0()), inventory(eth0(cidr("198.18.0.10", 24)))));
        InventoryReader reader = () -> reads.size() > 1 ? reads.removeFirst() : reads.getFirst();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (InventoryWatcher watcher = new InventoryWatcher(reader, (before, after, diff) -> diffs.add(diff))) {
            watcher.start(scheduler, Duration.ofMillis(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (diffs.isEmpty() && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            assertThat(diffs).singleElement().satisfies(d -> assertThat(d.changed()).hasSize(1));
        } finally {
            scheduler.shutdownNow();
        }
    }
}
