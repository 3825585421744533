package io.ipkeeper.testkit.netns;

/**
 * A switch: a namespace of its own holding bridge {@code br0}. Attach hosts to put them on one Ethernet segment, so
 * every broadcast (ARP requests, gratuitous ARP) reaches every attached host, as on a real VLAN.
 */
public final class Bridge {

    private final Namespace namespace;
    private int ports;

    Bridge(Namespace namespace) {
        this.namespace = namespace;
        namespace.ip("link", "add", "br0", "type", "bridge");
        // No STP and no forwarding delay: ports forward at once.
        namespace.ip("link", "set", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0");
        namespace.ip("link", "set", "br0", "up");
    }

    /** Connects {@code host} to this switch through a veth whose host end is {@code interfaceName}, up. */
    public synchronized Bridge attach(Namespace host, String interfaceName) {
        String port = "p" + (++ports);
        NetnsLab.veth(host, interfaceName, namespace, port);
        namespace.ip("link", "set", port, "master", "br0");
        return this;
    }

    public Namespace namespace() {
        return namespace;
    }
}
