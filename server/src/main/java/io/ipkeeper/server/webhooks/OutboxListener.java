package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.ChangeListener;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.server.api.Views;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Turns allocation changes into webhook events in the changing transaction, and after it commits asks for a threshold
 * check of the subnet and wakes the dispatcher (both are hints: the dispatcher also polls).
 */
final class OutboxListener implements ChangeListener {
    private final ThresholdWatch thresholds;
    private final Runnable wake;

    OutboxListener(ThresholdWatch thresholds, Runnable wake) {
        this.thresholds = thresholds;
        this.wake = wake;
    }

    @Override
    public void changed(Handle h, Change c) {
        changedAll(h, List.of(c));
    }

    /** A batch's allocation events go to the outbox together (at most two statements for the whole batch). */
    @Override
    public void changedAll(Handle h, List<Change> changes) {
        List<Outbox.Event> events = new ArrayList<>();
        Set<Long> subnets = new LinkedHashSet<>();
        for (Change c : changes) {
            if (c.objectType().equals("allocation")) {
                Allocation a = (Allocation) (c.after() != null ? c.after() : c.before());
                subnets.add(a.subnetId());
                EventType.ofAllocationAction(c.action()).ifPresent(type -> events.add(new Outbox.Event(type, c.at(),
                        c.principal(), Map.of("allocation", Views.allocation(a)))));
            } else {
                other(h, c);
            }
        }
        // the checks are requested before the wake, so the round that sends these events has them queued
        for (long subnet : subnets) {
            h.afterCommit(() -> thresholds.request(subnet));
        }
        // one event: one INSERT … SELECT; more: one query of the subscriptions and at most one batch of inserts
        int queued = events.size() == 1 ? Outbox.enqueue(h, events.getFirst()) : Outbox.enqueueAll(h, events);
        if (queued > 0) {
            h.afterCommit(wake);
        }
    }

    private void other(Handle h, Change c) {
        if (c.objectType().equals("subnet") && c.action().equals("subnet.update") && c.objectId() != null) {
            long subnet = c.objectId();
            h.afterCommit(() -> thresholds.request(subnet)); // the threshold itself may have changed
        }
    }
}
