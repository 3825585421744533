package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.internal.packet.PacketArpSocket;

/**
 * Whether this process may open raw link-layer sockets. Without that, the agent cannot watch or probe ARP and runs in
 * inventory-only mode; {@link Report#message()} tells the operator why and how to fix it.
 */
public final class RawSocketCapability {

    /** The outcome of {@link #check()}. */
    public record Report(boolean capable, String message) {}

    private RawSocketCapability() {}

    /** Tries to open (and closes) an AF_PACKET socket; never throws. */
    public static Report check() {
        try {
            PacketArpSocket.tryOpen();
            return new Report(true, "raw AF_PACKET sockets are available: ARP watch and probes are enabled");
        } catch (MissingCapabilityException e) {
            return new Report(false, "ARP watch and probes are disabled, running in inventory-only mode. " + e.getMessage());
        } catch (RawSocketException e) {
            return new Report(false, "ARP watch and probes are disabled, running in inventory-only mode: " + e.getMessage());
        } catch (IllegalCallerException | UnsatisfiedLinkError e) {
            // Native access denied (--illegal-native-access=deny without --enable-native-access) or no libc symbol.
            return new Report(false, "ARP watch and probes are disabled, running in inventory-only mode: native access is"
                    + " not available (" + e.getMessage() + "); start the JVM with --enable-native-access=ALL-UNNAMED");
        }
    }
}
