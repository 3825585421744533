package io.ipkeeper.gossip;

import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The outcome of {@link Memberlist#join}: how many seeds answered a state exchange, and why each of the others did not.
 * A join succeeds if at least one seed was contacted; the rest of the cluster is then learnt by gossip.
 *
 * @param contacted seeds we exchanged state with
 * @param errors per failed seed, a one-line reason (connect refused, timeout, protocol mismatch, …)
 */
public record JoinResult(int contacted, Map<InetSocketAddress, String> errors) {
    public JoinResult {
        errors = Map.copyOf(errors);
    }

    /** At least one seed was contacted. */
    public boolean succeeded() {
        return contacted > 0;
    }
}
