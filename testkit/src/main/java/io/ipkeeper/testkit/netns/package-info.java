/**
 * Network namespaces for tests that need real links: namespaces joined by veth pairs or a bridge, addresses only from
 * the benchmarking range 198.18.0.0/15, commands and Java processes run inside them, and teardown that always happens.
 * Needs root and iproute2 ({@code ip}); otherwise {@code Prerequisites.require(NETNS, …)} decides.
 */
package io.ipkeeper.testkit.netns;
