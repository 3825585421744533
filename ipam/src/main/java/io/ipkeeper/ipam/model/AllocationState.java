package io.ipkeeper.ipam.model;

import java.util.Locale;

/** The states of a live allocation row. Finished allocations live in the history table instead. */
public enum AllocationState {
    /** Handed out and in use. */
    ALLOCATED,
    /** Held for someone, possibly with an expiry after which the sweeper frees it. */
    RESERVED,
    /** Released; not reused before its cooldown ends, then reused longest-idle first. */
    QUARANTINED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AllocationState ofLabel(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
