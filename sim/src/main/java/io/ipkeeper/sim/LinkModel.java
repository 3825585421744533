package io.ipkeeper.sim;

/**
 * The profile of every directed link, so A → B may differ from B → A (asymmetric loss and latency): scenario code
 * returns a lambda over node indices. Must be a pure function of its arguments (it is asked once per packet).
 */
@FunctionalInterface
public interface LinkModel {

    /** How packets and streams from node {@code from} to node {@code to} travel. */
    LinkProfile profile(int from, int to);

    /** Every link alike. */
    static LinkModel uniform(LinkProfile profile) {
        return (from, to) -> profile;
    }
}
