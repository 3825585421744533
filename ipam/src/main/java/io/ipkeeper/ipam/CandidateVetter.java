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

    CandidateVetter ACCEPT_ALL = c -> true;
}
