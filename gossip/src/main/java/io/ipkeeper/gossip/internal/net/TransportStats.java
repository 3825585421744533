package io.ipkeeper.gossip.internal.net;

import java.util.concurrent.atomic.LongAdder;

/** Counters of a transport, read by metrics. Updated from transport threads, so adders rather than longs. */
public final class TransportStats {
    final LongAdder packetsIn = new LongAdder();
    final LongAdder packetsOut = new LongAdder();
    final LongAdder packetsDropped = new LongAdder();
    final LongAdder packetErrors = new LongAdder();
    final LongAdder streamsIn = new LongAdder();
    final LongAdder streamsOut = new LongAdder();
    final LongAdder streamErrors = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();

    public long packetsIn() {
        return packetsIn.sum();
    }

    public long packetsOut() {
        return packetsOut.sum();
    }

    /** Packets not sent because they could never fit a datagram. */
    public long packetsDropped() {
        return packetsDropped.sum();
    }

    /** Send/receive failures and packets whose handler threw. */
    public long packetErrors() {
        return packetErrors.sum();
    }

    public long streamsIn() {
        return streamsIn.sum();
    }

    public long streamsOut() {
        return streamsOut.sum();
    }

    /** Streams dropped: timeouts, malformed or oversized messages, connect failures. */
    public long streamErrors() {
        return streamErrors.sum();
    }

    public long bytesIn() {
        return bytesIn.sum();
    }

    public long bytesOut() {
        return bytesOut.sum();
    }
}
