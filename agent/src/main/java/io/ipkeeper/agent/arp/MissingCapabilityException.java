package io.ipkeeper.agent.arp;

/**
 * The kernel refused a raw socket (EPERM/EACCES): the process lacks {@code CAP_NET_RAW}. The agent then runs in
 * inventory-only mode; the message says how to grant the capability.
 */
public final class MissingCapabilityException extends RawSocketException {

    public static final String HOW_TO_FIX =
            "CAP_NET_RAW is required: run as root or `setcap cap_net_raw+ep` on the java binary (or run the agent in a"
                    + " systemd unit with AmbientCapabilities=CAP_NET_RAW)";

    public MissingCapabilityException(String what, int errno) {
        super(what + ": " + HOW_TO_FIX, errno);
    }
}
