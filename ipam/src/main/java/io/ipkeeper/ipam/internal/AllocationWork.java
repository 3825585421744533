package io.ipkeeper.ipam.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.AddressOutsideSubnet;
import io.ipkeeper.ipam.error.AllocationInContainer;
import io.ipkeeper.ipam.error.IdempotencyConflict;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.OwnerNotPermitted;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Strategy;
import io.ipkeeper.ipam.net.AddressCount;
import io.ipkeeper.ipam.net.AddressRange;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The allocation rules, run with the subnet locked (inside a combiner batch). Checks come before writes, so a typed
 * error leaves nothing behind even before the savepoint is rolled back.
 *
 * <p>Order of choice: never-used addresses from the free-extent index (lowest, or uniform random), then quarantined
 * addresses whose cooldown has ended, longest idle first.
 */
public final class AllocationWork {

    private static final int RANDOM_PROBES = 64;
    private static final TypeReference<List<Allocation>> LIST = new TypeReference<>() {};

    private AllocationWork() {}

    /**
     * Allocates per {@code req}; {@code specific} is the parsed {@code req.address()} or null. The rows are written
     * behind: the supplier gives them (with ids) once the batch is flushed.
     */
    public static Supplier<List<Allocation>> allocate(Handle h, LockedSubnet ls, AllocationContext cx, AllocationRequest req,
                                                      IpAddress specific) {
        Supplier<Outcome> o = allocate(h, ls, cx, req, specific, req.canonicalBody());
        return () -> o.get().allocations();
    }

    /** What an allocating request got, and whether it was a replay of an earlier request with the same key. */
    public record Outcome(List<Allocation> allocations, boolean replayed) {}

    /** As above; {@code body} is what the idempotency key is bound to (the caller's original request body). */
    public static Supplier<Outcome> allocate(Handle h, LockedSubnet ls, AllocationContext cx, AllocationRequest req,
                                             IpAddress specific, String body) {
        String hash = null;
        boolean expiredKey = false;
        if (req.idempotencyKey() != null) {
            hash = IdempotencyKeys.hash(body);
            PendingWrites.PendingKey pending = ls.writes().pendingKey(cx.principal(), req.idempotencyKey());
            if (pending != null) {
                // the same key earlier in this very batch: replay its (not yet inserted) result
                checkSameBody(pending.hash(), hash, req, cx);
                return () -> new Outcome(pending.response().get(), true);
            }
            Optional<IdempotencyKeys.Stored> stored = IdempotencyKeys.find(h, cx.principal(), req.idempotencyKey());
            if (stored.isPresent() && stored.get().expiresAt().isAfter(cx.now())) {
                checkSameBody(stored.get().requestHash(), hash, req, cx);
                Outcome replay = new Outcome(Json.read(stored.get().responseJson(), LIST), true);
                return () -> replay;
            }
            expiredKey = stored.isPresent();
        }
        SubnetLayout layout = ls.layout();
        if (ls.subnet().container()) {
            throw new AllocationInContainer("subnet " + ls.subnet().prefix() + " (id " + ls.subnet().id()
                    + ") is a container: allocate addresses in one of its leaf subnets, or child prefixes in it");
        }
        List<Long> pools = eligiblePools(layout, req.rangeId(), req.owner());
        List<Supplier<Allocation>> rows = specific != null
                ? List.of(allocateSpecific(h, ls, cx, req, specific))
                : allocateNext(h, ls, cx, req, pools);
        Supplier<List<Allocation>> out = memoize(() -> rows.stream().map(Supplier::get).toList());
        if (req.idempotencyKey() != null) {
            if (expiredKey) {
                IdempotencyKeys.delete(h, cx.principal(), req.idempotencyKey());
            }
            ls.writes().idempotencyKey(new PendingWrites.PendingKey(cx.principal(), req.idempotencyKey(), hash, out,
                    cx.now(), cx.now().plus(cx.idempotencyRetention())));
        }
        return () -> new Outcome(out.get(), false);
    }

    private static void checkSameBody(String storedHash, String hash, AllocationRequest req, AllocationContext cx) {
        if (!storedHash.equals(hash)) {
            throw new IdempotencyConflict("idempotency key '" + req.idempotencyKey() + "' was already used by "
                    + cx.principal() + " with a different request; use a new key for a different request");
        }
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        Object[] box = {null};
        return () -> {
            if (box[0] == null) {
                box[0] = s.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) box[0];
            return t;
        };
    }

    /** The pools a request may draw from: the named range, or the outside-range part plus every visible range. */
    public static List<Long> eligiblePools(SubnetLayout layout, Long rangeId, String owner) {
        if (rangeId != null) {
            IpRange r = layout.ranges().stream().filter(x -> x.id() == rangeId).findFirst()
                    .orElseThrow(() -> new NotFound("range " + rangeId + " does not exist"));
            if (r.purpose() == RangePurpose.RESERVED) {
                throw new AddressNotAvailable("range " + r.range() + " (id " + r.id() + ") is reserved: nothing is handed out of it");
            }
            if (!r.visibleTo(owner)) {
                throw new OwnerNotPermitted("range " + r.range() + " (id " + r.id() + ") is delegated to another owner");
            }
            return List.of(r.id());
        }
        List<Long> pools = new ArrayList<>();
        pools.add(SubnetLayout.NO_RANGE);
        for (IpRange r : layout.ranges()) {
            if (r.purpose() != RangePurpose.RESERVED && r.visibleTo(owner)) {
                pools.add(r.id());
            }
        }
        return pools;
    }

    private static Supplier<Allocation> allocateSpecific(Handle h, LockedSubnet ls, AllocationContext cx,
                                                         AllocationRequest req, IpAddress a) {
        SubnetLayout layout = ls.layout();
        ls.heads().flush(h);
        if (!ls.subnet().prefix().contains(a)) {
            throw new AddressOutsideSubnet(a + " is outside subnet " + ls.subnet().prefix());
        }
        IpRange range = layout.rangeOf(a);
        if (req.rangeId() != null && (range == null || range.id() != req.rangeId())) {
            throw new AddressOutsideSubnet(a + " is outside range " + req.rangeId());
        }
        String why = layout.exclusionReason(a);
        if (why != null) {
            throw new AddressNotAvailable(why + "; it is never handed out");
        }
        if (range != null && !range.visibleTo(req.owner())) {
            throw new OwnerNotPermitted(a + " is in range " + range.range() + " (id " + range.id()
                    + "), which is delegated to another owner");
        }
        long pool = range == null ? SubnetLayout.NO_RANGE : range.id();
        FreeExtent e = FreeExtents.containing(h, ls.subnet().id(), pool, a);
        if (e != null) {
            FreeExtents.take(h, ls.subnet().id(), e, a);
            return insert(h, ls, cx, req, a, pool, null);
        }
        Optional<Allocation> existing = AllocationRows.findByAddress(h, ls.subnet().spaceId(), a);
        if (existing.isPresent() && existing.get().state() == AllocationState.QUARANTINED
                && !existing.get().quarantineUntil().isAfter(cx.now())) {
            return insert(h, ls, cx, req, a, pool, existing.get());
        }
        String state = existing.map(x -> x.state().label() + " (allocation " + x.id()
                + (x.hostname() == null ? "" : ", hostname " + x.hostname())
                + (x.state() == AllocationState.QUARANTINED ? ", until " + x.quarantineUntil() : "") + ")").orElse("taken");
        throw new AddressNotAvailable(a + " is " + state);
    }

    private static List<Supplier<Allocation>> allocateNext(Handle h, LockedSubnet ls, AllocationContext cx,
                                                           AllocationRequest req, List<Long> pools) {
        SubnetLayout layout = ls.layout();
        long subnetId = ls.subnet().id();
        int n = req.count();
        AddressCount neverUsed = AddressCount.ZERO;
        for (long p : pools) {
            neverUsed = neverUsed.plus(layout.capacity(p).minus(ls.live(h, p)));
        }
        List<Allocation> reuse = List.of();
        if (neverUsed.compareTo(AddressCount.of(n)) < 0) {
            int need = n - (int) neverUsed.saturatedLong();
            List<Allocation> candidates = new ArrayList<>();
            for (long p : pools) {
                candidates.addAll(AllocationRows.reusable(h, subnetId, p, cx.now(), need));
            }
            candidates.sort(Comparator.comparing(Allocation::releasedAt).thenComparing(Allocation::id));
            if (candidates.size() < need) {
                throw new PoolExhausted(describePool(ls, req), n, neverUsed.saturatedLong() + candidates.size());
            }
            reuse = candidates.subList(0, need);
        }
        List<Supplier<Allocation>> out = new ArrayList<>(n);
        int fresh = n - reuse.size();
        if (req.strategy() == Strategy.RANDOM) {
            ls.heads().flush(h);
            for (int i = 0; i < fresh; i++) {
                long pool = pickPoolWeighted(h, ls, pools, cx);
                IpAddress a = takeRandom(h, ls, pool, cx);
                out.add(insert(h, ls, cx, req, a, pool, null));
            }
        } else {
            while (out.size() < fresh) {
                // the lowest free address over the eligible pools, from the batch's cached extent heads
                long bestPool = -1;
                IpAddress best = null;
                for (long p : pools) {
                    IpAddress a = ls.heads().lowest(h, p);
                    if (a != null && (best == null || a.isBefore(best))) {
                        best = a;
                        bestPool = p;
                    }
                }
                if (best == null) {
                    throw new IllegalStateException("free-space index of subnet " + subnetId + " disagrees with its counters");
                }
                for (IpAddress a : ls.heads().take(h, bestPool, fresh - out.size())) {
                    out.add(insert(h, ls, cx, req, a, bestPool, null));
                }
            }
        }
        for (Allocation q : reuse) {
            long pool = q.rangeId() == null ? SubnetLayout.NO_RANGE : q.rangeId();
            out.add(insert(h, ls, cx, req, q.address(), pool, q));
        }
        return out;
    }

    private static long pickPoolWeighted(Handle h, LockedSubnet ls, List<Long> pools, AllocationContext cx) {
        if (pools.size() == 1) {
            return pools.get(0);
        }
        double total = 0;
        double[] w = new double[pools.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = ls.layout().capacity(pools.get(i)).minus(ls.live(h, pools.get(i))).toDouble();
            total += w[i];
        }
        double x = cx.random().nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0 && (x < w[i] || i == w.length - 1)) {
                return pools.get(i);
            }
            x -= w[i];
        }
        return pools.get(pools.size() - 1);
    }

    /**
     * A uniformly random never-used address of a pool: draw from the pool's span and keep the draw when it lands in a
     * free extent (exactly uniform over free addresses); when the pool is nearly full, fall back to an exact weighted
     * pick over its extents.
     */
    private static IpAddress takeRandom(Handle h, LockedSubnet ls, long pool, AllocationContext cx) {
        long subnetId = ls.subnet().id();
        AddressRange span = pool == SubnetLayout.NO_RANGE ? ls.subnet().prefix().range()
                : ls.layout().ranges().stream().filter(r -> r.id() == pool).findFirst().orElseThrow().range();
        for (int i = 0; i < RANDOM_PROBES; i++) {
            IpAddress r = span.randomAddress(cx.random());
            FreeExtent e = FreeExtents.floor(h, subnetId, pool, r);
            if (e != null && e.range().contains(r)) {
                FreeExtents.take(h, subnetId, e, r);
                return r;
            }
        }
        AddressCount free = ls.layout().capacity(pool).minus(ls.live(h, pool));
        IpAddress zero = IpAddress.ofV6(0, 0);
        IpAddress k = new AddressRange(zero, zero.plus(free.minus(1))).randomAddress(cx.random());
        AddressCount[] left = {new AddressCount(k.hi(), k.lo())};
        FreeExtent[] hit = {null};
        IpAddress[] addr = {null};
        FreeExtents.forEach(h, subnetId, pool, e -> {
            if (hit[0] != null) {
                return;
            }
            AddressCount size = e.range().size();
            if (left[0].compareTo(size) < 0) {
                hit[0] = e;
                addr[0] = e.range().start().plus(left[0]);
            } else {
                left[0] = left[0].minus(size);
            }
        });
        if (hit[0] == null) {
            throw new IllegalStateException("free-space index of subnet " + subnetId + " disagrees with its counters");
        }
        FreeExtents.take(h, subnetId, hit[0], addr[0]);
        return addr[0];
    }

    /** Queues the row and its audit event (written behind); the only immediate write is the reused row's delete. */
    private static Supplier<Allocation> insert(Handle h, LockedSubnet ls, AllocationContext cx, AllocationRequest req,
                                               IpAddress a, long pool, Allocation reused) {
        if (reused != null) {
            AllocationRows.delete(h, reused.id());
            ls.count(pool, AllocationState.QUARANTINED, -1);
        }
        AllocationState state = req.reserve() ? AllocationState.RESERVED : AllocationState.ALLOCATED;
        Instant expires = req.reserve() && req.reservationTtl() != null ? cx.now().plus(req.reservationTtl()) : null;
        Allocation row = new Allocation(0, ls.subnet().spaceId(), ls.subnet().id(),
                pool == SubnetLayout.NO_RANGE ? null : pool, a, state, req.owner(), req.hostname(), req.mac(), req.purpose(),
                req.description(), expires, null, null, req.idempotencyKey(), cx.principal(), cx.now());
        ls.count(pool, state, +1);
        return ls.writes().insert(row, cx.now(), cx.principal(), cx.requestId(), req.reserve() ? "allocation.reserve" : "allocation.create",
                reused);
    }

    private static String describePool(LockedSubnet ls, AllocationRequest req) {
        return req.rangeId() != null ? "range " + req.rangeId() + " of subnet " + ls.subnet().prefix()
                : "subnet " + ls.subnet().prefix();
    }

    /** Releases one allocation: allocated → quarantined; reserved → freed at once; quarantined → unchanged. */
    public static Allocation release(Handle h, LockedSubnet ls, AllocationContext cx, long allocationId) {
        Allocation a = AllocationRows.find(h, allocationId).filter(x -> x.subnetId() == ls.subnet().id())
                .orElseThrow(() -> new NotFound("allocation " + allocationId + " does not exist"));
        long pool = a.rangeId() == null ? SubnetLayout.NO_RANGE : a.rangeId();
        switch (a.state()) {
            case QUARANTINED -> {
                return a;
            }
            case ALLOCATED -> {
                Instant until = cx.now().plus(cx.cooldown());
                AllocationRows.archive(h, a, "released", cx.principal(), cx.now());
                AllocationRows.quarantine(h, a.id(), cx.now(), until);
                ls.count(pool, AllocationState.ALLOCATED, -1);
                ls.count(pool, AllocationState.QUARANTINED, +1);
                Allocation after = AllocationRows.find(h, a.id()).orElseThrow();
                AuditLog.record(h, cx, "allocation.release", "allocation", a.id(), a.spaceId(), a, after);
                return after;
            }
            default -> {
                free(h, ls, cx, a, "cancelled", "allocation.cancel");
                return a;
            }
        }
    }

    /** Frees reservations that have expired by {@code cx.now()}; returns how many. */
    public static int expire(Handle h, LockedSubnet ls, AllocationContext cx, List<Long> ids) {
        int n = 0;
        for (long id : ids) {
            Optional<Allocation> a = AllocationRows.find(h, id);
            if (a.isPresent() && a.get().subnetId() == ls.subnet().id() && a.get().state() == AllocationState.RESERVED
                    && a.get().expiresAt() != null && !a.get().expiresAt().isAfter(cx.now())) {
                free(h, ls, cx, a.get(), "expired", "allocation.expire");
                n++;
            }
        }
        return n;
    }

    /** Turns a reservation into an allocation (clearing its expiry). */
    public static Allocation confirm(Handle h, LockedSubnet ls, AllocationContext cx, long allocationId) {
        Allocation a = AllocationRows.find(h, allocationId).filter(x -> x.subnetId() == ls.subnet().id())
                .orElseThrow(() -> new NotFound("allocation " + allocationId + " does not exist"));
        if (a.state() == AllocationState.ALLOCATED) {
            return a;
        }
        if (a.state() != AllocationState.RESERVED) {
            throw new AddressNotAvailable(a.address() + " is " + a.state().label() + ", not reserved; it cannot be confirmed");
        }
        long pool = a.rangeId() == null ? SubnetLayout.NO_RANGE : a.rangeId();
        AllocationRows.setState(h, a.id(), AllocationState.ALLOCATED, null);
        ls.count(pool, AllocationState.RESERVED, -1);
        ls.count(pool, AllocationState.ALLOCATED, +1);
        Allocation after = AllocationRows.find(h, a.id()).orElseThrow();
        AuditLog.record(h, cx, "allocation.confirm", "allocation", a.id(), a.spaceId(), a, after);
        return after;
    }

    /** Quarantines a live row at once (e.g. a candidate the vetting hook rejected). */
    public static Allocation quarantine(Handle h, LockedSubnet ls, AllocationContext cx, long allocationId, String reason) {
        Allocation a = AllocationRows.find(h, allocationId).filter(x -> x.subnetId() == ls.subnet().id())
                .orElseThrow(() -> new NotFound("allocation " + allocationId + " does not exist"));
        if (a.state() == AllocationState.QUARANTINED) {
            return a;
        }
        long pool = a.rangeId() == null ? SubnetLayout.NO_RANGE : a.rangeId();
        AllocationRows.archive(h, a, reason, cx.principal(), cx.now());
        AllocationRows.quarantine(h, a.id(), cx.now(), cx.now().plus(cx.cooldown()));
        ls.count(pool, a.state(), -1);
        ls.count(pool, AllocationState.QUARANTINED, +1);
        Allocation after = AllocationRows.find(h, a.id()).orElseThrow();
        AuditLog.record(h, cx, "allocation.quarantine", "allocation", a.id(), a.spaceId(), a, after);
        return after;
    }

    private static void free(Handle h, LockedSubnet ls, AllocationContext cx, Allocation a, String reason, String action) {
        long pool = a.rangeId() == null ? SubnetLayout.NO_RANGE : a.rangeId();
        ls.heads().flush(h);
        AllocationRows.archive(h, a, reason, cx.principal(), cx.now());
        AllocationRows.delete(h, a.id());
        FreeExtents.addFree(h, ls.subnet().id(), pool, AddressRange.of(a.address()));
        ls.count(pool, a.state(), -1);
        AuditLog.record(h, cx, action, "allocation", a.id(), a.spaceId(), a, null);
    }
}
