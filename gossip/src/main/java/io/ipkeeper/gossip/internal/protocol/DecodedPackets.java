package io.ipkeeper.gossip.internal.protocol;

import io.ipkeeper.gossip.internal.wire.Message;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Simulator only ({@link SimulationOptions#decodedPackets}): a packet handed over as the messages it carries instead of
 * its bytes, so the receiver skips decoding. The sender still builds the packet exactly as it would send it (compound,
 * compression if smaller, CRC, label) and reports its size, so bandwidth is accounted at the real encoded size.
 * Receivers get the same immutable message objects (records whose arrays nobody writes).
 */
public interface DecodedPackets {
    /**
     * @param messages the packet's messages in order (one bare message or the parts of one compound)
     * @param wireSize the size in bytes of the packet as it would have left the sender
     */
    void send(InetSocketAddress to, List<Message> messages, int wireSize);
}
