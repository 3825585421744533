package io.ipkeeper.gossip.internal.net;

import io.ipkeeper.gossip.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production {@link Transport}: UDP and TCP on the same port, like memberlist. Blocking sockets on virtual
 * threads: one thread receives packets, one accepts streams, one per stream. Every malformed stream, oversized
 * packet or socket error is counted in {@link TransportStats} and dropped; nothing is thrown at the protocol.
 */
public final class NetTransport implements Transport {
    private static final Logger log = LoggerFactory.getLogger(NetTransport.class);

    /** Largest UDP payload over IPv4. */
    public static final int MAX_PACKET = 65_507;

    private final NetTransportOptions options;
    private final Framing framing;
    private final TransportStats stats = new TransportStats();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("gossip-net-", 0).factory());
    private final AtomicBoolean closed = new AtomicBoolean();

    private DatagramChannel udp;
    private ServerSocket tcp;
    private InetSocketAddress local;

    public NetTransport(NetTransportOptions options, Framing framing) {
        this.options = options;
        this.framing = framing;
    }

    /** Binds both sockets now, so a port conflict is reported before the node starts. */
    public NetTransport bind() throws IOException {
        InetSocketAddress requested = new InetSocketAddress(options.bindAddress(), options.bindPort());
        // With port 0, take a free TCP port and try UDP on the same number; retry a few times if UDP is taken.
        int attempts = options.bindPort() == 0 ? 10 : 1;
        IOException last = null;
        for (int i = 0; i < attempts; i++) {
            ServerSocket server = new ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(requested, 128);
                DatagramChannel channel = DatagramChannel.open();
                try {
                    channel.bind(new InetSocketAddress(options.bindAddress(), server.getLocalPort()));
                    channel.socket().setReceiveBufferSize(options.udpReceiveBuffer());
                } catch (IOException e) {
                    channel.close();
                    throw e;
                }
                tcp = server;
                udp = channel;
                local = new InetSocketAddress(options.bindAddress(), server.getLocalPort());
                return this;
            } catch (IOException e) {
                server.close();
                last = e;
            }
        }
        throw new BindException("cannot bind UDP and TCP on " + requested + ": " + (last == null ? "?" : last.getMessage()));
    }

    @Override
    public void start(Inbound inbound) throws IOException {
        if (udp == null) {
            bind();
        }
        threads.execute(() -> receivePackets(inbound));
        threads.execute(() -> acceptStreams(inbound));
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    public TransportStats stats() {
        return stats;
    }

    private void receivePackets(Inbound inbound) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_PACKET + 1);
        while (!closed.get()) {
            buf.clear();
            SocketAddress from;
            try {
                from = udp.receive(buf);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                stats.packetErrors.increment();
                log.debug("udp receive failed", e);
                continue;
            }
            long at = System.nanoTime();
            buf.flip();
            stats.packetsIn.increment();
            stats.bytesIn.add(buf.remaining());
            byte[] data = Arrays.copyOf(buf.array(), buf.remaining());
            try {
                inbound.packet((InetSocketAddress) from, data, at);
            } catch (RuntimeException e) {
                stats.packetErrors.increment();
                log.warn("packet handler failed for a packet from {}", from, e);
            }
        }
    }

    @Override
    public void sendPacket(InetSocketAddress to, byte[] packet) {
        if (packet.length > MAX_PACKET) {
            stats.packetsDropped.increment();
            log.warn("dropping a {}-byte packet to {}: larger than a UDP datagram", packet.length, to);
            return;
        }
        try {
            udp.send(ByteBuffer.wrap(packet), to);
            stats.packetsOut.increment();
            stats.bytesOut.add(packet.length);
        } catch (IOException e) {
            stats.packetErrors.increment();
            log.debug("udp send to {} failed: {}", to, e.toString());
        }
    }

    private void acceptStreams(Inbound inbound) {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                if (closed.get()) {
                    return;
                }
                stats.streamErrors.increment();
                continue;
            }
            threads.execute(() -> serveStream(socket, inbound));
        }
    }

    private void serveStream(Socket socket, Inbound inbound) {
        InetSocketAddress from = (InetSocketAddress) socket.getRemoteSocketAddress();
        try {
            socket.setSoTimeout((int) options.streamTimeout().toMillis());
            byte[] request = readMessage(socket.getInputStream());
            stats.streamsIn.increment();
            inbound.stream(from, request, new SocketReply(socket));
        } catch (IOException | IllegalArgumentException e) {
            stats.streamErrors.increment();
            log.debug("dropping stream from {}: {}", from, e.toString());
            closeQuietly(socket);
        } catch (RuntimeException e) {
            stats.streamErrors.increment();
            log.warn("stream handler failed for a stream from {}", from, e);
            closeQuietly(socket);
        }
    }

    /** Reads exactly one framed message; bounded in size, and in time by the socket's read timeout. */
    private byte[] readMessage(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        int length = 0;
        while (true) {
            if (length > 0) {
                int complete = framing.messageLength(buf, length);
                if (complete >= 0) {
                    if (complete > length) {
                        throw new IllegalArgumentException("framing reported " + complete + " bytes of " + length);
                    }
                    stats.bytesIn.add(complete);
                    return Arrays.copyOf(buf, complete);
                }
            }
            if (length == buf.length) {
                if (buf.length >= options.maxStreamMessage()) {
                    throw new IllegalArgumentException("stream message larger than " + options.maxStreamMessage() + " bytes");
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, options.maxStreamMessage()));
            }
            int n;
            try {
                n = in.read(buf, length, buf.length - length);
            } catch (SocketTimeoutException e) {
                throw new IOException("stream timed out after " + options.streamTimeout() + " with " + length + " bytes read");
            }
            if (n < 0) {
                throw new IOException("stream closed after " + length + " bytes, before a complete message");
            }
            length += n;
        }
    }

    @Override
    public CompletableFuture<byte[]> exchange(InetSocketAddress to, byte[] request, boolean expectReply, Duration timeout) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        if (closed.get()) {
            result.completeExceptionally(new IOException("transport closed"));
            return result;
        }
        threads.execute(() -> {
            try (Socket socket = new Socket()) {
                int millis = (int) Math.max(1, timeout.toMillis());
                socket.connect(to, millis);
                socket.setSoTimeout(millis);
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
                stats.streamsOut.increment();
                stats.bytesOut.add(request.length);
                result.complete(expectReply ? readMessage(socket.getInputStream()) : new byte[0]);
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                stats.streamErrors.increment();
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private final class SocketReply implements StreamReply {
        private final Socket socket;
        private final AtomicBoolean done = new AtomicBoolean();

        SocketReply(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void send(byte[] data) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            threads.execute(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(data);
                    out.flush();
                    stats.bytesOut.add(data.length);
                } catch (IOException e) {
                    stats.streamErrors.increment();
                    log.debug("stream reply failed: {}", e.toString());
                } finally {
                    closeQuietly(socket);
                }
            });
        }

        @Override
        public void close() {
            if (done.compareAndSet(false, true)) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing on an error path: nothing more to do
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (udp != null) {
            closeQuietly(udp);
        }
        if (tcp != null) {
            closeQuietly(tcp);
        }
        threads.shutdownNow();
    }
}
