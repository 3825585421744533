package io.ipkeeper.ipam;

import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.VettingFailed;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.AllocationContext;
import io.ipkeeper.ipam.internal.AllocationRows;
import io.ipkeeper.ipam.internal.AllocationWork;
import io.ipkeeper.ipam.internal.AvailableAddresses;
import io.ipkeeper.ipam.internal.IdempotencyKeys;
import io.ipkeeper.ipam.internal.Json;
import io.ipkeeper.ipam.internal.RangeCache;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.internal.SubnetCombiner;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jdbi.v3.core.Jdbi;

/**
 * The allocation engine: next free / specific / N all-or-none from a subnet or range, release into quarantine,
 * reservations and their sweeper, idempotency keys. Every write goes through the per-subnet combiner.
 */
public final class Allocator {

    /** Upper bound of one request (all-or-none batches larger than this are split by the caller). */
    public static final int MAX_COUNT = 4096;
    private static final int MAX_VET_ROUNDS = 16;

    private final Jdbi jdbi;
    private final InstantSource clock;
    private final IpamConfig config;
    private final SubnetCombiner combiner;
    private final CandidateVetter vetter;
    private final ConcurrentHashMap<Long, Long> subnetOfRange = new ConcurrentHashMap<>();
    private final RangeCache ranges;
    /** Runs vetting hooks: virtual threads, so a slow probe costs no platform thread and can be abandoned on timeout. */
    private final ExecutorService vetting = Executors.newVirtualThreadPerTaskExecutor();

    Allocator(Jdbi jdbi, InstantSource clock, IpamConfig config, CandidateVetter vetter, RangeCache ranges) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.config = config;
        this.vetter = vetter;
        this.ranges = ranges;
        this.combiner = new SubnetCombiner(jdbi, config.maxBatch(), config.maxConcurrentBatches(), ranges);
    }

    private static <T> Supplier<T> now(T value) {
        return () -> value;
    }

    private AllocationContext context(String principal) {
        if (principal == null || principal.isBlank()) {
            throw new InvalidRequest("every change needs a principal (who is asking)");
        }
        return new AllocationContext(principal, clock.instant(), config.quarantineCooldown(), config.idempotencyRetention(),
                RandomGenerator.of("L64X128MixRandom"), RequestId.current());
    }

    /** Allocates (or reserves) per {@code req}. Throws a typed {@link io.ipkeeper.ipam.error.IpamException}; then nothing was written. */
    public List<Allocation> allocate(String principal, AllocationRequest req) {
        AllocationContext cx = context(principal);
        IpAddress specific = validate(req);
        AllocationRequest r = req.strategy() == null ? req.strategy(Strategy.LOWEST) : req;
        long subnetId = subnetOf(r);
        if (vetter == null || !vetter.vets(subnetId)) {
            return combiner.submit(subnetId, (h, ls) -> AllocationWork.allocate(h, ls, cx, r, specific));
        }
        return allocateVetted(cx, subnetId, r, specific);
    }

    /**
     * With a vetting hook: candidates are first held as reservations (committed, lock released), vetted outside the
     * lock, then confirmed; rejected ones are quarantined and replaced. If the hook throws or times out, or a later
     * step fails, every candidate this call still holds is released before the error is raised, so nothing leaks
     * (and a crash leaves the holds to expire through the sweeper).
     */
    private List<Allocation> allocateVetted(AllocationContext cx, long subnetId, AllocationRequest req, IpAddress specific) {
        String body = req.canonicalBody();
        AllocationRequest hold = req.reserved(config.vetHold());
        AllocationWork.Outcome first = combiner.submit(subnetId, (h, ls) -> AllocationWork.allocate(h, ls, cx, hold, specific, body));
        if (first.replayed()) {
            return first.allocations();
        }
        List<Allocation> accepted = new ArrayList<>();
        List<Allocation> pending = first.allocations();
        try {
            for (int round = 0; ; round++) {
                List<Allocation> ok = new ArrayList<>();
                List<Allocation> bad = new ArrayList<>();
                List<Boolean> verdicts = vet(pending);
                for (int i = 0; i < pending.size(); i++) {
                    (verdicts.get(i) ? ok : bad).add(pending.get(i));
                }
                AllocationContext now = context(cx.principal());
                // quarantine then confirm may fail half way (a hold swept meanwhile): always in a savepoint
                List<Allocation> confirmed = combiner.submitGuarded(subnetId, (h, ls) -> {
                    List<Allocation> out = new ArrayList<>();
                    for (Allocation c : bad) {
                        AllocationWork.quarantine(h, ls, now, c.id(), "vetting_rejected");
                    }
                    for (Allocation c : ok) {
                        if (req.reserve()) {
                            AllocationRows.setState(h, c.id(), AllocationState.RESERVED,
                                    req.reservationTtl() == null ? null : now.now().plus(req.reservationTtl()));
                            out.add(AllocationRows.find(h, c.id()).orElseThrow());
                        } else {
                            out.add(AllocationWork.confirm(h, ls, now, c.id()));
                        }
                    }
                    return now(out);
                });
                pending = List.of();
                accepted.addAll(confirmed);
                if (bad.isEmpty()) {
                    break;
                }
                if (specific != null || round >= MAX_VET_ROUNDS) {
                    throw new AddressNotAvailable("the vetting hook rejected " + bad.size() + " candidate(s) ("
                            + bad.get(0).address() + (bad.size() > 1 ? ", ..." : "") + "); nothing was allocated");
                }
                AllocationRequest more = hold.count(bad.size()).idempotencyKey(null);
                pending = combiner.submit(subnetId, (h, ls) -> AllocationWork.allocate(h, ls, now, more, null));
            }
        } catch (RuntimeException e) {
            releaseQuietly(cx.principal(), accepted);
            releaseQuietly(cx.principal(), pending);
            if (req.idempotencyKey() != null) {
                // the key still points at the released holds: forget it, so a retry allocates afresh
                jdbi.useHandle(h -> IdempotencyKeys.delete(h, cx.principal(), req.idempotencyKey()));
            }
            throw e;
        }
        if (req.idempotencyKey() != null) {
            jdbi.useHandle(h -> IdempotencyKeys.updateResponse(h, cx.principal(), req.idempotencyKey(), Json.write(accepted)));
        }
        return accepted;
    }

    /** Runs the hook on every candidate at once (outside any lock), each answer due within {@code vetTimeout}. */
    private List<Boolean> vet(List<Allocation> candidates) {
        List<Future<Boolean>> answers = new ArrayList<>();
        for (Allocation c : candidates) {
            answers.add(vetting.submit(() -> vetter.accept(c)));
        }
        long deadline = System.nanoTime() + config.vetTimeout().toNanos();
        List<Boolean> out = new ArrayList<>();
        try {
            for (int i = 0; i < answers.size(); i++) {
                try {
                    out.add(answers.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (ExecutionException e) {
                    throw new VettingFailed("the vetting hook failed on " + candidates.get(i).address() + ": " + e.getCause(),
                            e.getCause());
                } catch (TimeoutException e) {
                    throw new VettingFailed("the vetting hook did not answer for " + candidates.get(i).address() + " within "
                            + config.vetTimeout(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new VettingFailed("interrupted while vetting " + candidates.get(i).address(), e);
                }
            }
        } finally {
            answers.forEach(f -> f.cancel(true));
        }
        return out;
    }

    /** Releases what a failed call still holds; a failure here leaves the row to the sweeper (holds expire). */
    private void releaseQuietly(String principal, List<Allocation> held) {
        for (Allocation a : held) {
            try {
                release(principal, a.id());
            } catch (RuntimeException ignored) {
                // the reservation expires after vetHold and the sweeper frees it
            }
        }
    }

    private IpAddress validate(AllocationRequest req) {
        if ((req.subnetId() == null) == (req.rangeId() == null)) {
            throw new InvalidRequest("give exactly one of subnet id and range id");
        }
        if (req.count() < 1 || req.count() > MAX_COUNT) {
            throw new InvalidRequest("count must be 1.." + MAX_COUNT + ", not " + req.count());
        }
        if (req.reservationTtl() != null && (req.reservationTtl().isNegative() || req.reservationTtl().isZero())) {
            throw new InvalidRequest("a reservation expiry must be in the future");
        }
        if (req.reservationTtl() != null && !req.reserve()) {
            throw new InvalidRequest("an expiry applies to reservations only");
        }
        checkLength("hostname", req.hostname(), 255);
        checkLength("mac", req.mac(), 32);
        checkLength("purpose", req.purpose(), 64);
        checkLength("owner", req.owner(), 200);
        checkLength("idempotency key", req.idempotencyKey(), 200);
        if (req.address() == null) {
            return null;
        }
        if (req.count() != 1) {
            throw new InvalidRequest("a specific address request allocates exactly one address");
        }
        return IpAddress.parse(req.address().trim());
    }

    private static void checkLength(String what, String v, int max) {
        if (v != null && (v.isEmpty() || v.length() > max)) {
            throw new InvalidRequest(what + " must be 1.." + max + " characters");
        }
    }

    private long subnetOf(AllocationRequest req) {
        if (req.subnetId() != null) {
            return req.subnetId();
        }
        return subnetOfRange.computeIfAbsent(req.rangeId(), id -> jdbi.withHandle(h ->
                h.createQuery("SELECT subnet_id FROM ip_range WHERE id = :id").bind("id", id).mapTo(Long.class).findOne()
                        .orElseThrow(() -> new NotFound("range " + id + " does not exist"))));
    }

    private long subnetOfAllocation(long allocationId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT subnet_id FROM allocation WHERE id = :id").bind("id", allocationId)
                .mapTo(Long.class).findOne().orElseThrow(() -> new NotFound("allocation " + allocationId + " does not exist")));
    }

    /** Releases an allocation into quarantine (a reservation is freed at once). Releasing twice is harmless. */
    public Allocation release(String principal, long allocationId) {
        AllocationContext cx = context(principal);
        return combiner.submit(subnetOfAllocation(allocationId), (h, ls) -> now(AllocationWork.release(h, ls, cx, allocationId)));
    }

    /** Turns a reservation into an allocation. */
    public Allocation confirm(String principal, long allocationId) {
        AllocationContext cx = context(principal);
        return combiner.submit(subnetOfAllocation(allocationId), (h, ls) -> now(AllocationWork.confirm(h, ls, cx, allocationId)));
    }

    public Allocation get(long allocationId) {
        return jdbi.withHandle(h -> AllocationRows.find(h, allocationId))
                .orElseThrow(() -> new NotFound("allocation " + allocationId + " does not exist"));
    }

    /**
     * The first {@code limit} free addresses of a leaf subnet that a request for {@code owner} could get, in address
     * order, without allocating anything: never-used addresses and quarantined ones whose cooldown has ended.
     * Network, broadcast, gateway, reserved ranges and ranges delegated to other owners are left out. Index seeks only.
     */
    public List<IpAddress> available(long subnetId, String owner, int limit) {
        checkLimit(limit);
        return jdbi.withHandle(h -> AvailableAddresses.list(h, ranges, subnetId, null, owner, clock.instant(), limit));
    }

    /** As {@link #available(long, String, int)}, inside one range. */
    public List<IpAddress> availableInRange(long rangeId, String owner, int limit) {
        checkLimit(limit);
        long subnetId = subnetOf(AllocationRequest.nextFreeInRange(rangeId));
        return jdbi.withHandle(h -> AvailableAddresses.list(h, ranges, subnetId, rangeId, owner, clock.instant(), limit));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_COUNT) {
            throw new InvalidRequest("limit must be 1.." + MAX_COUNT + ", not " + limit);
        }
    }

    /** Live allocations of a subnet in address order. */
    public List<Allocation> list(long subnetId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.ALLOCATION_COLUMNS + " FROM allocation WHERE subnet_id = :s"
                        + " ORDER BY address").bind("s", subnetId).map((rs, ctx) -> Rows.allocation(rs)).list());
    }

    /** Frees every reservation whose expiry has passed; returns how many. Run it periodically. */
    public int sweepExpiredReservations() {
        Instant now = clock.instant();
        Map<Long, List<Long>> bySubnet = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT id, subnet_id FROM allocation WHERE state = 'reserved' AND expires_at <= :n"
                        + " ORDER BY expires_at LIMIT 10000")
                .bind("n", Rows.ts(now))
                .map((rs, ctx) -> bySubnet.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(rs.getLong(1))).list());
        int n = 0;
        for (Map.Entry<Long, List<Long>> e : bySubnet.entrySet()) {
            AllocationContext cx = context("system:sweeper");
            n += combiner.submit(e.getKey(), (h, ls) -> now(AllocationWork.expire(h, ls, cx, e.getValue())));
        }
        return n;
    }

    /** Forgets idempotency keys older than the retention; returns how many. */
    public int purgeIdempotencyKeys() {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> IdempotencyKeys.purge(h, now));
    }

    IpamConfig config() {
        return config;
    }

    Duration cooldown() {
        return config.quarantineCooldown();
    }
}
