package io.ipkeeper.server.webhooks;

import io.ipkeeper.ipam.ChangeListener;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.server.api.Views;
import java.util.Map;
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
        if (c.objectType().equals("allocation")) {
            Allocation a = (Allocation) (c.after() != null ? c.after() : c.before());
            long subnet = a.subnetId();
            // the check is requested before the wake, so the round that sends this event has it queued
            h.afterCommit(() -> thresholds.request(subnet));
            EventType.ofAllocationAction(c.action()).ifPresent(type -> {
                if (Outbox.enqueue(h, type, c.at(), c.principal(), Map.of("allocation", Views.allocation(a))) > 0) {
                    h.afterCommit(wake);
                }
            });
        } else if (c.objectType().equals("subnet") && c.action().equals("subnet.update") && c.objectId() != null) {
            long subnet = c.objectId();
            h.afterCommit(() -> thresholds.request(subnet)); // the threshold itself may have changed
        }
    }
}
