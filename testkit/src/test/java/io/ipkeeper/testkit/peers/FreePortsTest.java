package io.ipkeeper.testkit.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void allocatedPortsAreDistinctAndBindableForTcpAndUdp() throws IOException {
        int[] ports = FreePorts.allocate(20);

        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(20);
        for (int port : ports) {
            assertThat(port).isBetween(FreePorts.LOW, FreePorts.HIGH - 1);
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            try (ServerSocket tcp = new ServerSocket(); DatagramSocket udp = new DatagramSocket(address)) {
                tcp.bind(address);
                assertThat(udp.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortTakenForUdpOnlyIsNotFree() throws IOException {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(FreePorts.isFree(udp.getLocalPort())).isFalse();
        }
    }

    @Test
    void aPortTakenForTcpOnlyIsNotFree() throws IOException {
        try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(FreePorts.isFree(tcp.getLocalPort())).isFalse();
        }
    }
}
