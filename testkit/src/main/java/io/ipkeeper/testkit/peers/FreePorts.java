package io.ipkeeper.testkit.peers;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports that are free for both TCP and UDP at the same number, because memberlist (and Serf) bind both.
 *
 * <p>Ports are drawn at random below Linux's ephemeral range (32768+), so the kernel does not hand the same number to
 * some outgoing connection between our check and the peer's bind, and are never handed out twice by one JVM.
 */
public final class FreePorts {

    static final int LOW = 20_000;
    static final int HIGH = 32_000; // exclusive; the default ip_local_port_range starts at 32768
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {}

    /** One port on 127.0.0.1 that is free for TCP and UDP right now. */
    public static synchronized int allocate() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!handedOut.contains(port) && isFree(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no loopback port in [" + LOW + ", " + HIGH + ") is free for both TCP and UDP");
    }

    /** {@code count} distinct ports, each as by {@link #allocate()}. */
    public static int[] allocate(int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = allocate();
        }
        return ports;
    }

    /** True when both a TCP listener and a UDP socket can bind {@code port} on 127.0.0.1. */
    public static boolean isFree(int port) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(LOOPBACK, port));
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                return udp.isBound();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
