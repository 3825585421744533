package io.ipkeeper.gossip.internal.wire;

/**
 * The msgpack header of a push/pull: {@code nodes} node states and {@code userStateLen} raw bytes follow.
 *
 * @param join true when the exchange comes from {@code Join()}, false for the periodic anti-entropy
 */
public record PushPullHeader(boolean join, int nodes, int userStateLen) {
}
