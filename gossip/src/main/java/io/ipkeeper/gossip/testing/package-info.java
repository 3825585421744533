/**
 * Deterministic stand-ins for tests and simulation: a virtual-time {@link io.ipkeeper.gossip.testing.VirtualScheduler}
 * and an {@link io.ipkeeper.gossip.testing.InMemoryNetwork} whose transports deliver through it with configurable
 * latency, loss and partitions. Like memberlist's mock transport, they ship in the main artifact so users can test
 * their own code against a cluster without sockets.
 */
package io.ipkeeper.gossip.testing;
