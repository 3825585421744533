package io.ipkeeper.ipam;

import io.ipkeeper.ipam.model.Allocation;

/**
 * A hook that checks a candidate address before it is confirmed (the agent plugs an ARP probe in here). It runs
 * outside the subnet lock, while the candidate is held as a reservation, so a slow probe never blocks other
 * allocations. A rejected candidate is quarantined and another one is chosen.
 */
@FunctionalInterface
public interface CandidateVetter {

    /** True when {@code candidate} may be handed out. */
    boolean accept(Allocation candidate);

    /**
     * Whether candidates of this subnet are vetted at all. When not, allocation takes the fast path (no hold, no
     * second transaction): e.g. no agent covers the subnet, so there is nobody to probe with.
     */
    default boolean vets(long subnetId) {
        return true;
    }

    CandidateVetter ACCEPT_ALL = c -> true;
}
