package io.ipkeeper.gossip.internal.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Where other nodes reach us (memberlist {@code FinalAdvertiseAddr}): the configured advertise address, else the bind
 * address, else, when bound to a wildcard, the first private IPv4 address of an interface that is up.
 */
public final class AdvertiseAddresses {
    private AdvertiseAddresses() {}

    /**
     * @param advertise configured advertise address, or null
     * @param advertisePort configured advertise port, used only with an advertise address (0: the bound port)
     * @param bound where the transport is bound (its real port)
     */
    public static InetSocketAddress resolve(InetAddress advertise, int advertisePort, InetSocketAddress bound) {
        if (advertise != null) {
            return new InetSocketAddress(advertise, advertisePort == 0 ? bound.getPort() : advertisePort);
        }
        InetAddress ip = bound.getAddress();
        if (!ip.isAnyLocalAddress()) {
            return new InetSocketAddress(ip, bound.getPort());
        }
        InetAddress privateIp = firstPrivateIpv4();
        if (privateIp == null) {
            throw new IllegalArgumentException("advertiseAddress must be set: bindAddress is "
                    + ip.getHostAddress() + " and no interface has a private IPv4 address");
        }
        return new InetSocketAddress(privateIp, bound.getPort());
    }

    private static InetAddress firstPrivateIpv4() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
                        return a;
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }
}
