package io.ipkeeper.agent.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpKind;
import io.ipkeeper.agent.arp.ArpObservation;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import io.ipkeeper.agent.inventory.InterfaceKind;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reporter's delivery rules: prompt, coalesced, retried with nothing lost, bounded, and refusals handled. */
class ReporterTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final MacAddress MAC_B = MacAddress.parse("02:00:5e:10:00:0b");

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Map<String, Object>> delivered = new CopyOnWriteArrayList<>();
    /** Outcomes the sender plays back before succeeding: a ReportFailed or ReportRejected each. */
    private final Deque<Exception> failures = new ArrayDeque<>();
    private Reporter reporter;

    private final ReportSender sender = report -> {
        Exception next;
        synchronized (failures) {
            next = failures.poll();
        }
        if (next instanceof ReportSender.ReportFailed f) {
            throw f;
        }
        if (next instanceof ReportSender.ReportRejected r) {
            throw r;
        }
        delivered.add(report);
    };

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        scheduler.shutdownNow();
    }

    private Reporter start(int maxPending) throws Exception {
        reporter = new Reporter(sender, new ReporterConfig(Duration.ofSeconds(30), Duration.ofMillis(50),
                Duration.ofMillis(200), maxPending, "host-a", "test", "lab"), Clock.systemUTC(), scheduler);
        reporter.start(inventory(), true);
        return reporter;
    }

    private static HostInventory inventory() throws Exception {
        HostInterface eth0 = new HostInterface("eth0", 2, Optional.of(MacAddress.parse("02:00:5e:10:00:0a")), true, 1500,
                InterfaceKind.PHYSICAL, List.of(new InterfaceAddress(InetAddress.getByName("198.18.0.10"), 24)));
        return new HostInventory(Instant.now(), List.of(eth0));
    }

    private static ArpObservation seen(String address, int count) throws Exception {
        Instant now = Instant.now();
        return new ArpObservation((Inet4Address) InetAddress.getByName(address), MAC_B, "eth0", ArpKind.GRATUITOUS_REQUEST,
                now, now, count);
    }

    /** Total frame count reported for {@code address} across all delivered reports. */
    @SuppressWarnings("unchecked")
    private long reportedCount(String address) {
        long n = 0;
        for (Map<String, Object> r : delivered) {
            for (Map<String, Object> o : (List<Map<String, Object>>) r.get("observations")) {
                if (o.get("address").equals(address)) {
                    n += ((Number) o.get("count")).longValue();
                }
            }
        }
        return n;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstReportCarriesTheInventoryAndObservationsFollowPromptly() throws Exception {
        start(100);
        await("the first report", () -> !delivered.isEmpty());
        Map<String, Object> first = delivered.getFirst();
        assertThat(first.get("hostname")).isEqualTo("host-a");
        assertThat(first.get("space")).isEqualTo("lab");
        assertThat(first.get("arpWatch")).isEqualTo(true);
        assertThat(first.get("reportIntervalSeconds")).isEqualTo(30L);
        List<Map<String, Object>> interfaces = (List<Map<String, Object>>) first.get("interfaces");
        assertThat(interfaces.getFirst().get("addresses")).isEqualTo(List.of("198.18.0.10/24"));

        reporter.observations(List.of(seen("198.18.0.20", 2), seen("198.18.0.20", 3), seen("198.18.0.21", 1)));
        await("the observations", () -> reportedCount("198.18.0.20") == 5 && reportedCount("198.18.0.21") == 1);
        Map<String, Object> o = ((List<Map<String, Object>>) delivered.getLast().get("observations")).getFirst();
        assertThat(o.get("kind")).isEqualTo("gratuitous_request");
        assertThat((Long) o.get("firstSeenAgoMillis")).isGreaterThanOrEqualTo((Long) o.get("lastSeenAgoMillis"));
        assertThat(reporter.stats().observationsSent()).isEqualTo(2);
    }

    @Test
    void whileTheServerIsDownObservationsAreKeptAndMergedThenDelivered() throws Exception {
        start(100);
        await("the first report", () -> !delivered.isEmpty());
        synchronized (failures) {
            for (int i = 0; i < 3; i++) {
                failures.add(new ReportSender.ReportFailed("connection refused", null));
            }
        }
        reporter.observations(List.of(seen("198.18.0.20", 1)));
        await("three failed attempts", () -> reporter.stats().reportsFailed() == 3);
        reporter.observations(List.of(seen("198.18.0.20", 4)));
        await("delivery after the outage", () -> reportedCount("198.18.0.20") == 5);
        ReporterStats s = reporter.stats();
        assertThat(s.observationsDropped()).isZero();
        assertThat(s.lastError()).isNull();
        assertThat(s.pending()).isZero();
    }

    @Test
    void beyondTheBoundTheOldestAreDroppedAndCounted() throws Exception {
        start(3);
        await("the first report", () -> !delivered.isEmpty());
        synchronized (failures) {
            failures.add(new ReportSender.ReportFailed("down", null));
        }
        List<ArpObservation> five = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(seen("198.18.0." + (100 + i), 1));
        }
        reporter.observations(five);
        await("delivery", () -> reportedCount("198.18.0.105") == 1);
        assertThat(reporter.stats().observationsDropped()).isEqualTo(2);
        assertThat(reportedCount("198.18.0.101")).as("oldest dropped").isZero();
        assertThat(reportedCount("198.18.0.103")).isEqualTo(1);
    }

    @Test
    void aReportTheServerCannotTakeIsDroppedButABadTokenKeepsTheEvidence() throws Exception {
        start(100);
        await("the first report", () -> !delivered.isEmpty());
        synchronized (failures) {
            failures.add(new ReportSender.ReportRejected(422, "'observations[0].mac': bad"));
        }
        reporter.observations(List.of(seen("198.18.0.20", 1)));
        await("the refusal", () -> reporter.stats().reportsRejected() == 1);
        assertThat(reporter.stats().observationsDropped()).isEqualTo(1);

        synchronized (failures) {
            failures.add(new ReportSender.ReportRejected(401, "token revoked"));
        }
        reporter.observations(List.of(seen("198.18.0.30", 2)));
        await("delivery once the token works", () -> reportedCount("198.18.0.30") == 2);
        assertThat(reporter.stats().reportsRejected()).isEqualTo(2);
        assertThat(reportedCount("198.18.0.20")).isZero();
    }

    @Test
    void badSettingsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReporterConfig(Duration.ofMillis(10),
                Duration.ZERO, Duration.ofSeconds(1), 1, "h", "v", null)).hasMessageContaining("report interval");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReporterConfig(Duration.ofSeconds(10),
                Duration.ofSeconds(11), Duration.ofSeconds(1), 1, "h", "v", null)).hasMessageContaining("gap");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ReporterConfig(Duration.ofSeconds(10),
                Duration.ZERO, Duration.ofSeconds(1), 0, "h", "v", null)).hasMessageContaining("maxPending");
    }
}
