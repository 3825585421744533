package io.ipkeeper.agent.arp;

/** Run in a child JVM by {@link RawSocketCapabilityTest}: prints the capability report as two lines. */
public final class CapabilityCheckMain {

    private CapabilityCheckMain() {}

    public static void main(String[] args) {
        RawSocketCapability.Report report = RawSocketCapability.check();
        System.out.println("capable=" + report.capable());
        System.out.println("message=" + report.message());
    }
}
