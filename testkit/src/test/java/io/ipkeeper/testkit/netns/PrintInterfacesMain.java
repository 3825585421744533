package io.ipkeeper.testkit.netns;

import java.net.NetworkInterface;

/** Run inside a namespace by {@link NetnsLabTest}: prints the interface names this process sees, one per line. */
public final class PrintInterfacesMain {

    private PrintInterfacesMain() {}

    public static void main(String[] args) throws Exception {
        NetworkInterface.networkInterfaces().forEach(n -> System.out.println("interface " + n.getName()));
        System.out.println("done");
    }
}
