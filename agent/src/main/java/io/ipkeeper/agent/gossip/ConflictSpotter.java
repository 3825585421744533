package io.ipkeeper.agent.gossip;

import io.ipkeeper.agent.MacAddress;
import io.ipkeeper.agent.arp.ArpKind;
import io.ipkeeper.agent.arp.ArpObservation;
import io.ipkeeper.agent.inventory.HostInterface;
import io.ipkeeper.agent.inventory.HostInventory;
import io.ipkeeper.agent.inventory.InterfaceAddress;
import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Spots a conflict on the agent's own segment: one address claimed by two or more MACs within {@link #WINDOW} (what it
 * heard, plus its own host's addresses with their interface's MAC), and hands it to a {@link Sink} at most once per
 * {@link #REPEAT} for the same MACs. The server would find the same from the reports; this path exists so the
 * conflict travels by gossip even when this agent cannot reach a server.
 */
public final class ConflictSpotter implements Consumer<List<ArpObservation>> {
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration REPEAT = Duration.ofMinutes(1);
    /** Bounds memory under a flood of distinct addresses; the least recently heard are forgotten first. */
    static final int MAX_ADDRESSES = 10_000;

    /** Receives spotted conflicts. */
    @FunctionalInterface
    public interface Sink {
        void conflict(Inet4Address address, List<MacAddress> macs, String interfaceName);
    }

    private final Supplier<HostInventory> inventory;
    private final InstantSource clock;
    private final Sink sink;
    private final Map<Inet4Address, Map<MacAddress, Instant>> heard = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Inet4Address, Map.Entry<List<MacAddress>, Instant>> sent = new HashMap<>();

    public ConflictSpotter(Supplier<HostInventory> inventory, InstantSource clock, Sink sink) {
        this.inventory = inventory;
        this.clock = clock;
        this.sink = sink;
    }

    @Override
    public synchronized void accept(List<ArpObservation> batch) {
        Instant now = clock.instant();
        Map<Inet4Address, String> touched = new LinkedHashMap<>();
        for (ArpObservation o : batch) {
            if (o.kind() == ArpKind.PROBE) {
                continue; // a probe claims nothing yet: it asks whether anyone holds the address
            }
            heard.computeIfAbsent(o.address(), a -> new HashMap<>()).merge(o.mac(), o.lastSeen(),
                    (x, y) -> x.isAfter(y) ? x : y);
            touched.put(o.address(), o.interfaceName());
        }
        while (heard.size() > MAX_ADDRESSES) {
            heard.remove(heard.keySet().iterator().next());
        }
        Map<Inet4Address, MacAddress> own = ownAddresses();
        touched.forEach((address, iface) -> check(address, iface, own.get(address), now));
    }

    private void check(Inet4Address address, String iface, MacAddress ownMac, Instant now) {
        TreeSet<MacAddress> macs = new TreeSet<>();
        if (ownMac != null) {
            macs.add(ownMac);
        }
        heard.getOrDefault(address, Map.of()).forEach((mac, last) -> {
            if (!last.isBefore(now.minus(WINDOW))) {
                macs.add(mac);
            }
        });
        if (macs.size() < 2) {
            return;
        }
        List<MacAddress> list = new ArrayList<>(macs);
        Map.Entry<List<MacAddress>, Instant> last = sent.get(address);
        if (last != null && last.getKey().equals(list) && last.getValue().plus(REPEAT).isAfter(now)) {
            return;
        }
        sent.put(address, Map.entry(list, now));
        if (sent.size() > MAX_ADDRESSES) {
            sent.clear(); // a flood: forget the repeat limits rather than grow
        }
        sink.conflict(address, List.copyOf(list), iface);
    }

    private Map<Inet4Address, MacAddress> ownAddresses() {
        Map<Inet4Address, MacAddress> out = new HashMap<>();
        HostInventory inv = inventory.get();
        if (inv == null) {
            return out;
        }
        for (HostInterface i : inv.interfaces()) {
            if (i.mac().isEmpty()) {
                continue;
            }
            for (InterfaceAddress a : i.ipv4Addresses()) {
                if (a.address() instanceof Inet4Address v4) {
                    out.put(v4, i.mac().get());
                }
            }
        }
        return out;
    }
}
