package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.JoinResult;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * memberlist {@code Join} (spec §2.5): a push/pull with {@code Join=true} with every seed, all at once. Partial success
 * is reported: how many seeds were contacted, and a reason per seed that was not. The seeds are remembered for
 * automatic re-join.
 */
final class Joiner {
    private final ProtocolNode node;

    Joiner(ProtocolNode node) {
        this.node = node;
    }

    /** Protocol thread only; completes on the protocol thread. */
    CompletableFuture<JoinResult> join(Collection<InetSocketAddress> seeds) {
        List<InetSocketAddress> targets = new ArrayList<>(new java.util.LinkedHashSet<>(seeds));
        node.rejoiner.addSeeds(targets);
        CompletableFuture<JoinResult> result = new CompletableFuture<>();
        if (targets.isEmpty()) {
            result.complete(new JoinResult(0, Map.of()));
            return result;
        }
        Map<InetSocketAddress, String> errors = new LinkedHashMap<>();
        int[] contacted = {0};
        int[] pending = {targets.size()};
        for (InetSocketAddress seed : targets) {
            node.pushPull.exchange(seed, true).whenComplete((ok, error) -> {
                if (error == null) {
                    contacted[0]++;
                } else {
                    errors.put(seed, StreamHandler.reason(error));
                }
                if (--pending[0] == 0) {
                    result.complete(new JoinResult(contacted[0], errors));
                }
            });
        }
        return result;
    }
}
