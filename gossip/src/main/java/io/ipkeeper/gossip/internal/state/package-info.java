/**
 * The membership state machine (memberlist 0.2.2 {@code state.go}, {@code suspicion.go}, {@code awareness.go},
 * {@code queue.go}) as pure code: no clock, no I/O, no threads, no global randomness.
 *
 * <p>Time is passed in as {@code long nowNanos} (any monotonic origin, the caller's {@code Scheduler} decides), randomness
 * as a {@link java.util.random.RandomGenerator} given at construction, and everything the protocol layer must do as a
 * consequence (queue a broadcast, tell listeners, arm or cancel a suspicion timer) comes out as
 * {@link io.ipkeeper.gossip.internal.state.MembershipEffect} values. One thread owns an instance; nothing here locks.
 */
package io.ipkeeper.gossip.internal.state;
