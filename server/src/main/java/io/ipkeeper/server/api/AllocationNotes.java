package io.ipkeeper.server.api;

import java.util.List;
import java.util.Map;

/**
 * Extra facts about freshly made allocations for the 201 response, by allocation id: whether an agent probed the
 * address before it was confirmed, and who answered (probe before allocate, docs/agent.md).
 */
@FunctionalInterface
public interface AllocationNotes {
    Map<Long, Map<String, Object>> probes(List<Long> allocationIds);

    AllocationNotes NONE = ids -> Map.of();
}
