package io.ipkeeper.ipam.model;

/** How a never-used address is chosen. Quarantine-ended addresses always come after, longest idle first. */
public enum Strategy {
    /** The lowest free address (the default; predictable). */
    LOWEST,
    /** Uniform over the free addresses (spreads uncoordinated allocators apart). */
    RANDOM
}
