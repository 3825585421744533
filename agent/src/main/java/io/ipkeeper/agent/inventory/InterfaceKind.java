package io.ipkeeper.agent.inventory;

/** Where an interface comes from, as far as the agent cares. */
public enum InterfaceKind {
    /** The loopback device (ARPHRD_LOOPBACK). */
    LOOPBACK,
    /** Backed by a device (it has {@code /sys/class/net/NAME/device}): a NIC, including a VM's virtual NIC. */
    PHYSICAL,
    /** Made by the kernel in software: veth, bridge, bond, VLAN, tun/tap, dummy, … */
    VIRTUAL
}
