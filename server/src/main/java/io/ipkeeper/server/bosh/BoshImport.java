package io.ipkeeper.server.bosh;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.IpamException;
import io.ipkeeper.ipam.model.Allocation;
import io.ipkeeper.ipam.model.AllocationRequest;
import io.ipkeeper.ipam.model.AllocationState;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.RangePurpose;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.IpAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the addresses a BOSH director already uses as allocations owned by that director (hostname = instance,
 * purpose {@code static}), through the public allocation API. Idempotent: an address already recorded for the director
 * is left as it is. Anything that would take an address from someone else, or put the director outside its blocks,
 * is reported as a conflict and nothing is written for it.
 */
public final class BoshImport {
    static final String PURPOSE = "static";

    private BoshImport() {}

    public static ImportResult run(Ipam ipam, String actor, Subnet subnet, String owner, List<BoshInstance> instances) {
        List<IpRange> blocks = ipam.ranges().list(subnet.id()).stream()
                .filter(r -> owner.equals(r.owner()) && r.purpose() != RangePurpose.RESERVED).toList();
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no range of subnet " + subnet.prefix() + " is delegated to owner '"
                    + owner + "'");
        }
        Map<IpAddress, Allocation> live = new HashMap<>();
        ipam.allocator().list(subnet.id()).forEach(a -> live.put(a.address(), a));
        Map<IpAddress, String> seen = new HashMap<>();
        List<ImportResult.Entry> imported = new ArrayList<>();
        List<ImportResult.Entry> unchanged = new ArrayList<>();
        List<ImportResult.Conflict> conflicts = new ArrayList<>();
        for (BoshInstance inst : instances) {
            for (String text : inst.ips()) {
                Optional<String> problem;
                IpAddress a;
                try {
                    a = IpAddress.parse(text);
                } catch (IpamException | IllegalArgumentException e) {
                    conflicts.add(new ImportResult.Conflict(text, inst.instance(), "not an IP address"));
                    continue;
                }
                String other = seen.putIfAbsent(a, inst.instance());
                if (other != null) {
                    conflicts.add(new ImportResult.Conflict(text, inst.instance(), "also listed for instance " + other));
                    continue;
                }
                problem = check(subnet, blocks, live.get(a), a, owner);
                if (problem.isPresent()) {
                    conflicts.add(new ImportResult.Conflict(a.toString(), inst.instance(), problem.get()));
                } else if (live.containsKey(a)) {
                    unchanged.add(new ImportResult.Entry(a.toString(), inst.instance()));
                } else {
                    try {
                        ipam.allocator().allocate(actor, AllocationRequest.specific(subnet.id(), a.toString())
                                .owner(owner).hostname(inst.instance()).purpose(PURPOSE));
                        imported.add(new ImportResult.Entry(a.toString(), inst.instance()));
                    } catch (IpamException e) {
                        // e.g. taken a moment ago by someone else: reported, never forced
                        conflicts.add(new ImportResult.Conflict(a.toString(), inst.instance(), e.getMessage()));
                    }
                }
            }
        }
        return new ImportResult(owner, imported, unchanged, conflicts);
    }

    /** Why {@code a} cannot be recorded for {@code owner}; empty when it can (or already is). */
    private static Optional<String> check(Subnet subnet, List<IpRange> blocks, Allocation existing, IpAddress a,
                                          String owner) {
        if (!subnet.prefix().contains(a)) {
            return Optional.of("outside subnet " + subnet.prefix());
        }
        if (existing != null && existing.state() == AllocationState.QUARANTINED) {
            return Optional.of("released (quarantined until " + existing.quarantineUntil() + ", allocation "
                    + existing.id() + "), yet the director still uses it");
        }
        if (existing != null && !owner.equals(existing.owner())) {
            return Optional.of("allocated to " + (existing.owner() == null ? "someone else (no owner)" : "owner '"
                    + existing.owner() + "'") + " (allocation " + existing.id()
                    + (existing.hostname() == null ? "" : ", hostname " + existing.hostname()) + ")");
        }
        if (existing == null && blocks.stream().noneMatch(r -> r.range().contains(a))) {
            return Optional.of("outside every block delegated to '" + owner + "'");
        }
        return Optional.empty();
    }
}
