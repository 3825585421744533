package io.ipkeeper.gossip;

import java.util.List;

/**
 * Application hooks into the gossip protocol (memberlist's {@code Delegate}); every method has a no-op default.
 *
 * <p><b>Threading:</b> every method is called on the node's protocol thread and must return quickly without
 * blocking; the node does nothing else meanwhile. Returned arrays are not copied: do not change them afterwards.
 */
public interface Delegate {

    /** Our node meta data, at most {@code limit} (512) bytes; read at start. Default: none. */
    default byte[] nodeMeta(int limit) {
        return new byte[0];
    }

    /** A user message arrived (from {@link Memberlist#sendBestEffort}, {@link Memberlist#sendReliable} or gossip). */
    default void notifyMessage(byte[] message) {}

    /**
     * Messages to piggy-back on outgoing gossip and probe packets, in total at most {@code limit} bytes, counting
     * {@code overhead} extra bytes per message. Called often: return quickly, and an empty list when there is nothing.
     */
    default List<byte[]> broadcasts(int overhead, int limit) {
        return List.of();
    }

    /** Our application state for a push/pull exchange ({@code join} = part of a join). Default: none. */
    default byte[] localState(boolean join) {
        return new byte[0];
    }

    /** The application state a peer sent in a push/pull exchange (only called when it sent some). */
    default void mergeRemoteState(byte[] state, boolean join) {}
}
