package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.state.Interner;
import java.util.Objects;

/**
 * Internal switches for the deterministic simulator ({@code io.ipkeeper.sim}) only; never reachable from the public API
 * ({@code Memberlist} always uses {@link #NONE}).
 *
 * @param legacyDeadRemoval reproduce the 2014 storm bug (see
 *     {@link io.ipkeeper.gossip.internal.state.Membership.Builder#legacyDeadRemoval}) so bug and fix can be compared
 * @param lazySnapshots build the member snapshot only when {@link ProtocolNode#members()} is called instead of after
 *     every protocol task that changed the table: for single-threaded drivers that read it rarely (the simulator reads
 *     it once per simulated second, while rebuilding it after every change dominated the cost of a 1,000-node boot)
 * @param lifeguard true (production) runs Lifeguard as memberlist does; false is plain SWIM, the baseline Lifeguard is
 *     judged against: no local health scaling of probe timing, a fixed suspicion timeout that confirmations neither
 *     shorten nor re-gossip, no nacks asked of indirect helpers, and no suspect piggy-backed on pings to a suspect
 *     (buddy system). Wire format and every other behaviour are unchanged.
 * @param interner shares the immutable parts of table entries and of the member snapshots (names, addresses, versions,
 *     meta, whole {@code Member} records per node, incarnation and state) between the nodes of one JVM; behaviour is
 *     unchanged, only memory
 * @param decodedPackets null (production) sends every packet through the {@code Transport} as bytes; otherwise
 *     packets go to this sink as the messages they carry, with their exact encoded size, and arrive through
 *     {@link ProtocolNode#receiveDecoded}: the receiver skips decoding (CPU only; behaviour is unchanged)
 * @param quietMerge an experiment (see {@link io.ipkeeper.gossip.internal.state.Membership.Builder#quietMerge}):
 *     alive records learned by push/pull are not re-broadcast; false (production) is memberlist's behaviour
 */
public record SimulationOptions(boolean legacyDeadRemoval, boolean lazySnapshots, boolean lifeguard,
        Interner interner, DecodedPackets decodedPackets, boolean quietMerge) {
    /** Production behaviour. */
    public static final SimulationOptions NONE = new SimulationOptions(false, false, true, Interner.NONE, null,
            false);

    public SimulationOptions {
        Objects.requireNonNull(interner, "interner");
    }
}
