package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.net.IpAddress;
import java.util.Collection;

/** Told after a report committed which addresses of which space it brought evidence for (the conflict engine). */
@FunctionalInterface
public interface ObservationListener {
    void observed(long spaceId, Collection<IpAddress> addresses);
}
