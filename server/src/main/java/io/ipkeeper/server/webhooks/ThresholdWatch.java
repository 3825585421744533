package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.SubnetService;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.server.api.Views;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code subnet.threshold}: fires once when a leaf subnet's utilization reaches its {@code utilizationThreshold}
 * (from below), and re-arms when it falls below again. The last seen side is stored per subnet
 * ({@code subnet_threshold_state}); the flip and its outbox rows commit together under that row's lock, so with
 * several servers checking the same subnet one crossing fires one event.
 *
 * <p>Checks run after a change to the subnet's allocations has committed (requested by {@link OutboxListener}, run
 * by the webhook loop), not inside the allocating transaction, whose counters are only written at its end. A server
 * dying between the commit and the check delays the event to the next change in that subnet.
 */
final class ThresholdWatch {
    private static final Logger log = LoggerFactory.getLogger(ThresholdWatch.class);

    private final Jdbi jdbi;
    private final SubnetService subnets;
    private final InstantSource clock;
    private final Runnable wake;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();

    ThresholdWatch(Jdbi jdbi, SubnetService subnets, InstantSource clock, Runnable wake) {
        this.jdbi = jdbi;
        this.subnets = subnets;
        this.clock = clock;
        this.wake = wake;
    }

    /** Asks for a check of {@code subnetId} soon (cheap; repeated requests before the check are one check). */
    void request(long subnetId) {
        if (pending.add(subnetId)) {
            wake.run();
        }
    }

    /** Checks every requested subnet; a failure is logged and the subnet asked for again at its next change. */
    void checkPending() {
        for (Long id : List.copyOf(pending)) {
            pending.remove(id);
            try {
                check(id);
            } catch (RuntimeException e) {
                log.warn("utilization threshold check of subnet {} failed: {}", id, e.toString());
            }
        }
    }

    /** Returns whether this check fired the event. */
    boolean check(long subnetId) {
        ensureStateRow(subnetId);
        return jdbi.inTransaction(h -> {
            boolean wasAbove = h.createQuery("SELECT above FROM subnet_threshold_state WHERE subnet_id = :s FOR UPDATE")
                    .bind("s", subnetId).mapTo(Boolean.class).one();
            // read under the state lock (on another connection: committed counters), so concurrent checks see
            // utilization in the order they flip the state
            Subnet s;
            Utilization u;
            try {
                s = subnets.get(subnetId);
                u = s.container() ? null : subnets.utilization(subnetId);
            } catch (NotFound e) {
                return false;
            }
            boolean above = u != null && u.aboveThreshold();
            if (above == wasAbove) {
                return false;
            }
            Instant now = clock.instant();
            h.createUpdate("UPDATE subnet_threshold_state SET above = :a, changed_at = :t WHERE subnet_id = :s")
                    .bind("a", above).bind("t", Rows.ts(now)).bind("s", subnetId).execute();
            if (!above) {
                return false; // re-armed
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("subnet", Views.subnet(s));
            data.put("utilization", Views.utilization(u));
            Outbox.enqueue(h, EventType.SUBNET_THRESHOLD, now, "system:threshold", data);
            h.afterCommit(wake);
            return true;
        });
    }

    /** Inserts the "below" row once; a concurrent insert by another server is as good as ours. */
    private void ensureStateRow(long subnetId) {
        boolean exists = jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subnet_threshold_state WHERE subnet_id = :s")
                .bind("s", subnetId).mapTo(Long.class).one() > 0);
        if (exists) {
            return;
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO subnet_threshold_state (subnet_id, above, changed_at)"
                    + " VALUES (:s, FALSE, :t)").bind("s", subnetId).bind("t", Rows.ts(clock.instant())).execute());
        } catch (RuntimeException e) {
            if (!Rows.isUniqueViolation(e)) {
                throw e;
            }
        }
    }
}
