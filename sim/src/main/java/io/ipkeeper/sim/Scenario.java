package io.ipkeeper.sim;

import io.ipkeeper.gossip.GossipConfig;
import java.time.Duration;

/**
 * A scenario as code: the protocol settings, the network and the script of faults. Parameters are fixed here, in code,
 * before any result is looked at; only the cluster size, seed, duration and the legacy switch come from the command
 * line.
 */
public interface Scenario {

    String name();

    /** One line for {@code ipkeeper sim list}. */
    String description();

    Duration defaultDuration();

    /** The protocol configuration of every node (memberlist LAN defaults unless the scenario says otherwise). */
    default GossipConfig.Builder gossipConfig() {
        return GossipConfig.lan();
    }

    /** Lifeguard on (production) or plain SWIM (the baseline Lifeguard is judged against). */
    default boolean lifeguard() {
        return true;
    }

    /** Every directed link's latency and loss (a LAN unless the scenario says otherwise). */
    default LinkModel links() {
        return LinkModel.uniform(LinkProfile.LAN);
    }

    default SendBudget budget() {
        return SendBudget.UNLIMITED;
    }

    /** Schedules the run: boot, faults, heals. Called once, at virtual time 0. */
    void script(Simulation sim);
}
