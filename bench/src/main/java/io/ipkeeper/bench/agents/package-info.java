/**
 * The {@code agent-ingest} harness (observation ingestion by many agents, and conflict detection latency) and the
 * {@code agent-footprint} harness (the real agent's RSS and CPU, idle and under an ARP flood, in network namespaces).
 */
package io.ipkeeper.bench.agents;
