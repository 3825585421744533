package io.ipkeeper.gossip.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ipkeeper.gossip.Transport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1. Messages in these tests are framed as one length byte followed by that many bytes. */
class NetTransportTest {
    private static final Transport.Framing LENGTH_BYTE = (buf, len) -> {
        int need = 1 + (buf[0] & 0xff);
        if (buf[0] == 0) {
            throw new IllegalArgumentException("empty message");
        }
        return len >= need ? need : -1;
    };

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private NetTransport a;
    private NetTransport b;

    private static byte[] framed(String s) {
        byte[] body = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) body.length;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static String unframed(byte[] m) {
        return new String(m, 1, m.length - 1, StandardCharsets.UTF_8);
    }

    private NetTransport start(Duration streamTimeout) throws Exception {
        NetTransport t = new NetTransport(
                NetTransportOptions.of(InetAddress.getLoopbackAddress(), 0, streamTimeout), LENGTH_BYTE).bind();
        t.start(new Transport.Inbound() {
            @Override
            public void packet(InetSocketAddress from, byte[] data, long receivedNanos) {
                received.add("packet:" + new String(data, StandardCharsets.UTF_8));
            }

            @Override
            public void stream(InetSocketAddress from, byte[] request, Transport.StreamReply reply) {
                String text = unframed(request);
                received.add("stream:" + text);
                if (text.equals("no-reply")) {
                    reply.close();
                } else {
                    reply.send(framed("re:" + text));
                }
            }
        });
        return t;
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void bindsUdpAndTcpOnTheSamePortAndDeliversPackets() throws Exception {
        a = start(Duration.ofSeconds(5));
        b = start(Duration.ofSeconds(5));
        assertThat(a.localAddress().getPort()).isPositive();
        a.sendPacket(b.localAddress(), "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("packet:hello");
        assertThat(b.stats().packetsIn()).isEqualTo(1);
        assertThat(a.stats().bytesOut()).isEqualTo(5);
    }

    @Test
    void exchangesAStreamRequestForItsReply() throws Exception {
        a = start(Duration.ofSeconds(5));
        b = start(Duration.ofSeconds(5));
        byte[] reply = a.exchange(b.localAddress(), framed("push-pull"), true, Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
        assertThat(unframed(reply)).isEqualTo("re:push-pull");
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("stream:push-pull");

        byte[] none = a.exchange(b.localAddress(), framed("no-reply"), false, Duration.ofSeconds(10)).get(20, TimeUnit.SECONDS);
        assertThat(none).isEmpty();
    }

    @Test
    void aRefusedConnectionFailsTheFutureAndIsCounted() throws Exception {
        a = start(Duration.ofSeconds(5));
        b = start(Duration.ofSeconds(5));
        InetSocketAddress gone = b.localAddress();
        b.close();
        b = null;
        assertThatThrownBy(() -> a.exchange(gone, framed("x"), true, Duration.ofSeconds(5)).get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThat(a.stats().streamErrors()).isEqualTo(1);
    }

    @Test
    void malformedSilentAndOversizedStreamsAreDroppedNotThrown() throws Exception {
        a = start(Duration.ofMillis(300));
        try (Socket malformed = new Socket()) {
            malformed.connect(a.localAddress());
            OutputStream out = malformed.getOutputStream();
            out.write(new byte[] {0, 1, 2});
            out.flush();
            // The transport closes the connection: the read sees end of stream.
            malformed.setSoTimeout(10_000);
            assertThat(malformed.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket silent = new Socket()) {
            silent.connect(a.localAddress());
            silent.setSoTimeout(10_000);
            assertThat(silent.getInputStream().read()).as("closed after the stream timeout").isEqualTo(-1);
        }
        assertThat(a.stats().streamErrors()).isEqualTo(2);
        assertThat(received).isEmpty();

        a.sendPacket(a.localAddress(), new byte[NetTransport.MAX_PACKET + 1]);
        assertThat(a.stats().packetsDropped()).isEqualTo(1);
    }

    @Test
    void aTakenPortIsAClearBindError() throws Exception {
        a = start(Duration.ofSeconds(5));
        NetTransport clash = new NetTransport(NetTransportOptions.of(
                InetAddress.getLoopbackAddress(), a.localAddress().getPort(), Duration.ofSeconds(1)), LENGTH_BYTE);
        assertThatThrownBy(clash::bind).hasMessageContaining("cannot bind UDP and TCP on")
                .hasMessageContaining(String.valueOf(a.localAddress().getPort()));
    }
}
