package io.ipkeeper.server.bosh;

import java.util.List;

/**
 * One row of {@code bosh instances --details --json}: the instance ({@code group/uuid}), its deployment when the
 * output names it, and the IPs the director assigned it.
 */
public record BoshInstance(String instance, String deployment, List<String> ips) {
    public BoshInstance {
        ips = List.copyOf(ips);
    }
}
