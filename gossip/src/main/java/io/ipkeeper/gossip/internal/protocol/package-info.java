/**
 * The live memberlist protocol (spec §2, §4): {@link io.ipkeeper.gossip.internal.protocol.ProtocolNode} wires the pure
 * state machine ({@code internal.state}) and the wire codec ({@code internal.wire}) to a
 * {@link io.ipkeeper.gossip.Transport}, a {@link io.ipkeeper.gossip.Scheduler} and a random source. One class per
 * concept, as memberlist has one file per concept: {@code Prober}/{@code ProbeRound} (probe, indirect probe, TCP
 * fallback, nacks, awareness, buddy system), {@code AckTracker}, {@code PacketHandler}, {@code StreamHandler},
 * {@code Gossiper}, {@code Broadcasts}, {@code Messenger}, {@code PushPullExchange}, {@code ProtocolVersions},
 * {@code Joiner}, {@code Rejoiner} (automatic re-join after a partition), {@code SuspicionTimers},
 * {@link io.ipkeeper.gossip.internal.protocol.StreamFraming}.
 *
 * <p>Everything runs on the node's single protocol thread; no sockets, threads, wall clock or global randomness here.
 */
package io.ipkeeper.gossip.internal.protocol;
