package io.ipkeeper.server.webhooks;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The event types a webhook can subscribe to (docs/api.md, "Webhooks"). */
public enum EventType {
    ALLOCATION_CREATED("allocation.created"),
    ALLOCATION_RELEASED("allocation.released"),
    SUBNET_THRESHOLD("subnet.threshold"),
    /** The conflict engine opened a conflict (docs/agent.md, "Conflicts"). */
    CONFLICT_OPENED("conflict.opened"),
    /** A conflict's evidence aged out, or the records now agree. */
    CONFLICT_RESOLVED("conflict.resolved");

    private final String label;

    EventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EventType> ofLabel(String s) {
        return Arrays.stream(values()).filter(t -> t.label.equals(s)).findFirst();
    }

    public static String labels() {
        return Arrays.stream(values()).map(EventType::label).collect(Collectors.joining(", "));
    }

    /**
     * The event an audited allocation change means, if any: a new allocation or reservation is "created"; a release,
     * a cancelled reservation and an expired one are "released".
     */
    static Optional<EventType> ofAllocationAction(String action) {
        return switch (action) {
            case "allocation.create", "allocation.reserve" -> Optional.of(ALLOCATION_CREATED);
            case "allocation.release", "allocation.cancel", "allocation.expire" -> Optional.of(ALLOCATION_RELEASED);
            default -> Optional.empty();
        };
    }
}
