/** The {@code agent-ingest} harness: observation ingestion by many agents, and conflict detection latency. */
package io.ipkeeper.bench.agents;
