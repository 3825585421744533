package io.ipkeeper.ipam.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.testkit.DatabaseTest;
import io.ipkeeper.testkit.TestDatabase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** 64 threads hammering one /16: no duplicates, no unexpected errors; racing idempotency keys allocate once. */
@DatabaseTest
@Tag("slow")
class ConcurrentAllocationTest {

    private static final int THREADS = 64;
    private final Fixture f;

    ConcurrentAllocationTest(TestDatabase db) {
        this.f = new Fixture(db, null);
    }

    @AfterEach
    void close() {
        f.db.close();
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static List<Throwable> race(Body body) throws InterruptedException {
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    body.run(id);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        return errors;
    }

    @Test
    void sixtyFourThousandAllocationsWithoutADuplicate() throws Exception {
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(f.space("hot"), "10.0.0.0/16").withGateway("10.0.0.1"));
        ConcurrentLinkedQueue<Allocation> got = new ConcurrentLinkedQueue<>();
        List<Throwable> errors = race(t -> {
            for (int i = 0; i < 1000; i++) {
                got.addAll(f.ipam.allocator().allocate("t" + t, AllocationRequest.nextFree(s.id()).hostname("h-" + t + "-" + i)));
            }
        });
        assertThat(errors).isEmpty();
        assertThat(got).hasSize(64_000);
        Set<String> distinct = new HashSet<>();
        got.forEach(a -> distinct.add(a.address().toString()));
        assertThat(distinct).hasSize(64_000);
        assertThat(f.ipam.allocator().list(s.id())).hasSize(64_000);
        assertThat(f.ipam.subnets().utilization(s.id()).allocated()).isEqualTo(64_000);
        f.assertIndexConsistent(s.id());
    }

    /**
     * Spread load: batches that serve several subnets in one transaction (locked together, extents preloaded in one
     * query, rows and counters written as shared JDBC batches), mixed with requests that fail alone (an exhausted
     * /29) and releases. Every subnet must come out exact.
     */
    @Test
    void spreadOverManySubnetsEachSubnetComesOutExact() throws Exception {
        long space = f.space("spread");
        List<Subnet> subnets = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            subnets.add(f.ipam.subnets().create("n", SubnetSpec.of(space, "10.2." + k + ".0/24").withGateway("10.2." + k + ".1")));
        }
        Subnet tiny = f.ipam.subnets().create("n", SubnetSpec.of(space, "10.3.0.0/29"));
        ConcurrentLinkedQueue<Allocation> kept = new ConcurrentLinkedQueue<>();
        AtomicLong exhausted = new AtomicLong();
        List<Throwable> errors = race(t -> {
            Subnet s = subnets.get(t % subnets.size());
            for (int i = 0; i < 40; i++) {
                Allocation a = f.ipam.allocator().allocate("t" + t, AllocationRequest.nextFree(s.id()).hostname("h-" + t + "-" + i)).get(0);
                if (i % 4 == 0) {
                    f.ipam.allocator().release("t" + t, a.id()); // quarantined: stays live, not reused for an hour
                }
                kept.add(a);
                try {
                    f.ipam.allocator().allocate("t" + t, AllocationRequest.nextFree(tiny.id()));
                } catch (io.ipkeeper.ipam.error.PoolExhausted e) {
                    exhausted.incrementAndGet();
                }
            }
        });
        assertThat(errors).isEmpty();
        assertThat(kept).hasSize(THREADS * 40);
        Set<String> distinct = new HashSet<>();
        kept.forEach(a -> distinct.add(a.address().toString()));
        assertThat(distinct).hasSize(THREADS * 40);
        assertThat(exhausted.get()).isEqualTo(THREADS * 40 - 6); // a /29 has 6 usable addresses
        for (Subnet s : subnets) {
            assertThat(f.ipam.allocator().list(s.id())).hasSize(THREADS / subnets.size() * 40);
            assertThat(f.ipam.subnets().utilization(s.id()).quarantined()).isEqualTo(THREADS / subnets.size() * 10);
            f.assertIndexConsistent(s.id());
        }
        f.assertIndexConsistent(tiny.id());
    }

    @Test
    void racingRetriesOfOneKeyAllocateOnce() throws Exception {
        Subnet s = f.ipam.subnets().create("n", SubnetSpec.of(f.space("keys"), "10.1.0.0/16"));
        int keys = 2000;
        Map<String, Set<Long>> idsByKey = new ConcurrentHashMap<>();
        AtomicLong calls = new AtomicLong();
        // every key is sent by 4 threads at about the same time (threads walk the keys with different offsets)
        List<Throwable> errors = race(t -> {
            for (int i = 0; i < keys / 16; i++) {
                String key = "key-" + ((t % 16) * (keys / 16) + i);
                AllocationRequest req = AllocationRequest.nextFree(s.id()).hostname(key).idempotencyKey(key);
                Allocation a = f.ipam.allocator().allocate("terraform", req).get(0);
                idsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(a.id());
                calls.incrementAndGet();
            }
        });
        assertThat(errors).isEmpty();
        assertThat(calls.get()).isEqualTo(THREADS * (keys / 16));
        assertThat(idsByKey).hasSize(keys);
        assertThat(idsByKey.values()).allMatch(ids -> ids.size() == 1);
        assertThat(f.ipam.allocator().list(s.id())).hasSize(keys);
        f.assertIndexConsistent(s.id());
    }
}
