package io.ipkeeper.sim;

/**
 * Per-node traffic counters of one run, indexed by node, at the exact encoded size of each packet or stream message
 * (they are the protocol's real bytes, compressed and framed as the sender sends them; IP/UDP/TCP headers excluded).
 */
final class Traffic {
    final long[] bytesSent;
    final long[] messagesSent;
    final long[] bytesReceived;
    long packetsLost;
    long packetsCut;
    long packetsQueueDropped;

    Traffic(int nodes) {
        bytesSent = new long[nodes];
        messagesSent = new long[nodes];
        bytesReceived = new long[nodes];
    }

    long totalBytesSent() {
        long t = 0;
        for (long b : bytesSent) {
            t += b;
        }
        return t;
    }

    long totalMessagesSent() {
        long t = 0;
        for (long m : messagesSent) {
            t += m;
        }
        return t;
    }
}
