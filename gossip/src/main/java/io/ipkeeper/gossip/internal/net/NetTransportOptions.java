package io.ipkeeper.gossip.internal.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * Socket settings of a {@link NetTransport}.
 *
 * @param bindPort 0 picks a free port (the same number for UDP and TCP)
 * @param streamTimeout how long a stream may take to deliver its message (memberlist's TCPTimeout)
 * @param maxStreamMessage largest stream message accepted; protects memory against length lies and slow floods
 * @param udpReceiveBuffer SO_RCVBUF for the UDP socket (memberlist uses 2 MB where the OS allows)
 */
public record NetTransportOptions(
        InetAddress bindAddress, int bindPort, Duration streamTimeout, int maxStreamMessage, int udpReceiveBuffer) {

    public static final int DEFAULT_MAX_STREAM_MESSAGE = 64 * 1024 * 1024;
    public static final int DEFAULT_UDP_RECEIVE_BUFFER = 2 * 1024 * 1024;

    public NetTransportOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(streamTimeout, "streamTimeout");
        if (bindPort < 0 || bindPort > 65535) {
            throw new IllegalArgumentException("bindPort must be 0-65535, got " + bindPort);
        }
        if (streamTimeout.isNegative() || streamTimeout.isZero()) {
            throw new IllegalArgumentException("streamTimeout must be positive, got " + streamTimeout);
        }
        if (maxStreamMessage < 1024) {
            throw new IllegalArgumentException("maxStreamMessage must be at least 1024 bytes, got " + maxStreamMessage);
        }
        if (udpReceiveBuffer < 1024) {
            throw new IllegalArgumentException("udpReceiveBuffer must be at least 1024 bytes, got " + udpReceiveBuffer);
        }
    }

    public static NetTransportOptions of(InetAddress bindAddress, int bindPort, Duration streamTimeout) {
        return new NetTransportOptions(bindAddress, bindPort, streamTimeout, DEFAULT_MAX_STREAM_MESSAGE,
                DEFAULT_UDP_RECEIVE_BUFFER);
    }
}
