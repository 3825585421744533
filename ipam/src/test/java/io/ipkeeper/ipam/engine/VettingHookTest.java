package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.ipkeeper.ipam.CandidateVetter;
import io.ipkeeper.ipam.IpamConfig;
import io.ipkeeper.ipam.error.VettingFailed;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The vetting hook (e.g. an ARP probe): skips rejected candidates, runs outside the lock, never leaks a hold. */
@DatabaseTest
class VettingHookTest {

    /** Guards against a hang only (a broken implementation would block forever); nothing here measures time. */
    private static final long HANG_GUARD_SECONDS = 60;

    private volatile CandidateVetter hook = CandidateVetter.ACCEPT_ALL;
    private final CountDownLatch unblock = new CountDownLatch(1);
    private final TestDatabase db;
    private final Fixture f;

    VettingHookTest(TestDatabase db) {
        this.db = db;
        this.f = new Fixture(db, c -> hook.accept(c), IpamConfig.defaults().withVetTimeout(Duration.ofMillis(300)));
    }

    @AfterEach
    void close() {
        unblock.countDown();
        f.db.close();
    }

    private Subnet subnet(String prefix) {
        return f.ipam.subnets().create("n", SubnetSpec.of(f.space("vet-" + System.nanoTime()), prefix));
    }

    private List<Allocation> live(Subnet s) {
        return f.ipam.allocator().list(s.id());
    }

    @Test
    void severalRejectedCandidatesInARowAreSkippedAndQuarantined() {
        Subnet s = subnet("10.120.0.0/28");
        AtomicInteger calls = new AtomicInteger();
        hook = c -> calls.incrementAndGet() > 3; // the first three candidates answer the probe: in use
        Allocation a = f.ipam.allocator().allocate("a", AllocationRequest.nextFree(s.id())).get(0);
        assertThat(a.address().toString()).isEqualTo("10.120.0.4");
        assertThat(a.state()).isEqualTo(AllocationState.ALLOCATED);
        assertThat(live(s)).filteredOn(x -> x.state() == AllocationState.QUARANTINED)
                .extracting(x -> x.address().toString()).containsExactly("10.120.0.1", "10.120.0.2", "10.120.0.3");
        assertThat(calls.get()).isEqualTo(4);
        f.assertIndexConsistent(s.id());
    }

    @Test
    void theHookRunsOutsideTheSubnetLockWhileItsCandidateIsHeld() throws Exception {
        Subnet s = subnet("10.121.0.0/28");
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        hook = c -> {
            if (calls.getAndIncrement() == 0) { // the first request's probe hangs until released
                entered.countDown();
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        };
        IpamConfig patient = IpamConfig.defaults(); // the default 10 s timeout: the blocked probe must not time out here
        Fixture engine = new Fixture(db, c -> hook.accept(c), patient);
        // a thread per request (the common pool may have a single worker on a small machine)
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<Allocation> first = CompletableFuture.supplyAsync(
                    () -> engine.ipam.allocator().allocate("a", AllocationRequest.nextFree(s.id())).get(0), threads);
            assertThat(entered.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("the first probe started").isTrue();
            // the first candidate is held (reserved) while its probe runs...
            assertThat(live(s)).extracting(x -> x.state()).containsExactly(AllocationState.RESERVED);
            // ...and another request on the same subnet completes meanwhile: the probe holds no lock
            Allocation second = CompletableFuture.supplyAsync(
                    () -> engine.ipam.allocator().allocate("b", AllocationRequest.nextFree(s.id())).get(0), threads)
                    .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(first).isNotDone();
            unblock.countDown();
            Allocation one = first.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            assertThat(one.address()).isNotEqualTo(second.address());
            assertThat(List.of(one.state(), second.state())).containsOnly(AllocationState.ALLOCATED);
            f.assertIndexConsistent(s.id());
        } finally {
            engine.db.close();
        }
    }

    @Test
    void aHookThatThrowsLeaksNoHeldCandidate() {
        Subnet s = subnet("10.122.0.0/28");
        hook = c -> {
            throw new IllegalStateException("probe interface is down");
        };
        VettingFailed e = failsToVet(s);
        assertThatNothingIsHeld(s, e);
    }

    @Test
    void aHookThatTimesOutLeaksNoHeldCandidate() {
        Subnet s = subnet("10.123.0.0/28");
        hook = c -> {
            try {
                unblock.await(); // never answers within the 300 ms the fixture allows
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            return true;
        };
        VettingFailed e = failsToVet(s);
        assertThat(e).hasMessageContaining("did not answer");
        assertThatNothingIsHeld(s, e);
    }

    /**
     * Runs a vetted request that must fail. Unlike a rejected request it does leave rows: its holds were committed
     * before the hook ran, and their cancellation is in the history and the audit log.
     */
    private VettingFailed failsToVet(Subnet s) {
        Throwable t = catchThrowable(() -> f.ipam.allocator().allocate("a",
                AllocationRequest.nextFree(s.id()).count(3).idempotencyKey("k-" + s.id())));
        assertThat(t).isInstanceOf(VettingFailed.class);
        long cancelled = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM allocation_history WHERE subnet_id = :s"
                + " AND end_reason = 'cancelled'").bind("s", s.id()).mapTo(Long.class).one());
        assertThat(cancelled).as("holds cancelled").isEqualTo(3);
        return (VettingFailed) t;
    }

    /** No live row is left, the index is whole, and a retry with the same key allocates the same lowest addresses. */
    private void assertThatNothingIsHeld(Subnet s, VettingFailed e) {
        assertThat(e.code()).isEqualTo("vetting_failed");
        assertThat(live(s)).isEmpty();
        f.assertIndexConsistent(s.id());
        hook = CandidateVetter.ACCEPT_ALL;
        List<Allocation> retry = f.ipam.allocator().allocate("a", AllocationRequest.nextFree(s.id()).count(3).idempotencyKey("k-" + s.id()));
        IpAddress first = s.prefix().first().next(); // the lowest usable address: the failed call gave it back
        assertThat(retry).extracting(Allocation::address).containsExactly(first, first.next(), first.next().next());
        f.assertIndexConsistent(s.id());
    }
}
