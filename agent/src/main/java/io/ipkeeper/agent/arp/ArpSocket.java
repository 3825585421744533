package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * A link-layer socket on one interface that sends and hears ARP frames. {@link ArpSockets#open} gives the real one
 * (AF_PACKET); tests may substitute their own.
 *
 * <p>At most one thread receives at a time; sending from another thread meanwhile is fine, and so is closing, which
 * makes a pending {@link #receive} return promptly.
 */
public interface ArpSocket extends AutoCloseable {

    String interfaceName();

    /** The interface's own hardware address, used as the sender of frames this socket builds. */
    MacAddress mac();

    void send(ArpFrame frame) throws RawSocketException;

    /**
     * The next well-formed ARP frame another station sent on this interface, or empty when {@code timeout} passed
     * first or the socket was closed. Frames this host sent itself and malformed frames are skipped (the latter
     * counted in {@link #malformedFrames()}).
     */
    Optional<ArpFrame> receive(Duration timeout) throws RawSocketException;

    /** Frames skipped because they failed {@link ArpCodec} validation. */
    long malformedFrames();

    @Override
    void close();
}
