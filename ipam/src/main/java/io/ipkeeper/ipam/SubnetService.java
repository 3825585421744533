package io.ipkeeper.ipam;

import io.ipkeeper.ipam.error.AddressNotAvailable;
import io.ipkeeper.ipam.error.AddressOutsideSubnet;
import io.ipkeeper.ipam.error.InvalidRequest;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.error.NotFound;
import io.ipkeeper.ipam.error.PoolExhausted;
import io.ipkeeper.ipam.error.SubnetNotEmpty;
import io.ipkeeper.ipam.internal.AuditLog;
import io.ipkeeper.ipam.internal.ContainerSpace;
import io.ipkeeper.ipam.internal.FreeExtents;
import io.ipkeeper.ipam.internal.LockedSubnet;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.internal.SubnetWrites;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.model.SubnetPatch;
import io.ipkeeper.ipam.model.SubnetSpec;
import io.ipkeeper.ipam.model.Utilization;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.ipam.net.Prefix;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Subnets: create (nesting, overlap checks), read, delete, utilization, and next free child prefix of a container. */
public final class SubnetService {

    private final Jdbi jdbi;
    private final InstantSource clock;

    SubnetService(Jdbi jdbi, InstantSource clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    private record Attributes(IpAddress gateway, List<IpAddress> dns) {}

    private static Attributes validate(Prefix p, SubnetSpec spec) {
        IpAddress gw = null;
        if (spec.gateway() != null && !spec.gateway().isBlank()) {
            gw = IpAddress.parse(spec.gateway().trim());
            if (!p.contains(gw)) {
                throw new AddressOutsideSubnet("gateway " + gw + " is outside subnet " + p);
            }
            if (p.hasReservedEnds() && (gw.equals(p.first()) || (p.version().bits() == 32 && gw.equals(p.last())))) {
                throw new AddressNotAvailable("gateway " + gw + " is the network or broadcast address of " + p);
            }
            if (spec.container()) {
                throw new InvalidRequest("a container subnet has no gateway; set it on the leaf subnets");
            }
        }
        if (spec.vlan() != null && (spec.vlan() < 1 || spec.vlan() > 4094)) {
            throw new InvalidRequest("VLAN " + spec.vlan() + " is outside 1..4094");
        }
        if (spec.utilizationThreshold() != null && (spec.utilizationThreshold() < 1 || spec.utilizationThreshold() > 100)) {
            throw new InvalidRequest("utilization threshold " + spec.utilizationThreshold() + " is outside 1..100 percent");
        }
        List<IpAddress> dns = new ArrayList<>();
        for (String d : spec.dnsServers() == null ? List.<String>of() : spec.dnsServers()) {
            try {
                dns.add(IpAddress.parse(d.trim()));
            } catch (MalformedAddress e) {
                throw new MalformedAddress("DNS server: " + e.getMessage());
            }
        }
        return new Attributes(gw, dns);
    }

    /** Creates a subnet; it nests under the smallest subnet containing it. Overlaps with anything else are rejected. */
    public Subnet create(String principal, SubnetSpec spec) {
        Prefix p = Prefix.parse(spec.prefix() == null ? null : spec.prefix().trim());
        Attributes a = validate(p, spec);
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            SubnetWrites.lockSpace(h, spec.spaceId());
            return SubnetWrites.insert(h, principal, now, spec.spaceId(), p, spec.container(), a.gateway(), spec.vlan(), a.dns(),
                    spec.description(), spec.utilizationThreshold());
        });
    }

    /**
     * Allocates the lowest free child prefix of {@code length} in a container (an empty leaf becomes a container) and
     * creates it as a leaf subnet with the attributes of {@code attributes} (its prefix and space are ignored).
     */
    public Subnet allocateChildPrefix(String principal, long containerId, int length, SubnetSpec attributes) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Subnet c = SubnetWrites.find(h, containerId).orElseThrow(() -> new NotFound("subnet " + containerId + " does not exist"));
            SubnetWrites.lockSpace(h, c.spaceId());
            Prefix cp = c.prefix();
            if (length <= cp.length() || length > cp.version().bits()) {
                throw new InvalidRequest("a child prefix of " + cp + " must be longer than /" + cp.length() + " and at most /"
                        + cp.version().bits() + "; /" + length + " is not");
            }
            // a container seeks its free-space index; an empty leaf (it becomes a container below) is all free
            Prefix found = c.container() ? ContainerSpace.lowestFit(h, c, length)
                    : ContainerSpace.firstAligned(cp.range(), length);
            if (found == null) {
                throw new PoolExhausted("no free /" + length + " is left in " + cp + " (id " + containerId + ")", 1, 0, true);
            }
            String probe = attributes == null ? null : attributes.gateway();
            SubnetSpec spec = attributes == null ? SubnetSpec.of(c.spaceId(), found.toString())
                    : new SubnetSpec(c.spaceId(), found.toString(), false, probe, attributes.vlan(), attributes.dnsServers(),
                    attributes.description(), attributes.utilizationThreshold());
            Attributes a = validate(found, spec);
            return SubnetWrites.insert(h, principal, now, c.spaceId(), found, false, a.gateway(), spec.vlan(), a.dns(),
                    spec.description(), spec.utilizationThreshold());
        });
    }

    /**
     * Changes a subnet's gateway, VLAN, DNS servers, description or utilization threshold (never its prefix). A new
     * gateway must be inside the prefix, not its network/broadcast address, and not handed out; it leaves the
     * free-space index and the old one returns to it. Audited; on bad input nothing is written.
     */
    public Subnet update(String principal, long id, SubnetPatch patch) {
        return update(principal, id, patch, s -> { });
    }

    /**
     * As {@link #update(String, long, SubnetPatch)}; {@code precondition} sees the subnet as it is under the lock and
     * may throw to refuse the change (an HTTP {@code If-Match}), before anything is written.
     */
    public Subnet update(String principal, long id, SubnetPatch patch, Consumer<Subnet> precondition) {
        if (patch == null) {
            throw new InvalidRequest("a subnet update needs a patch (SubnetPatch.none() changes nothing)");
        }
        if (principal == null || principal.isBlank()) {
            throw new InvalidRequest("every change needs a principal (who is asking)");
        }
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            LockedSubnet ls = LockedSubnet.lock(h, id);
            Subnet s = ls.subnet();
            precondition.accept(s);
            SubnetSpec merged = new SubnetSpec(s.spaceId(), s.prefix().toString(), s.container(),
                    patch.gateway() == null ? (s.gateway() == null ? null : s.gateway().toString()) : patch.gateway().orElse(null),
                    patch.vlan() == null ? s.vlan() : patch.vlan().orElse(null),
                    patch.dnsServers() == null ? s.dnsServers().stream().map(IpAddress::toString).toList()
                            : patch.dnsServers().orElse(List.of()),
                    patch.description() == null ? s.description() : patch.description().orElse(null),
                    patch.utilizationThreshold() == null ? s.utilizationThreshold() : patch.utilizationThreshold().orElse(null));
            Attributes a = validate(s.prefix(), merged);
            String conflict = SubnetWrites.gatewayConflict(h, ls, a.gateway());
            if (conflict != null) {
                throw new AddressNotAvailable(conflict);
            }
            // every check is done: write
            h.createUpdate("UPDATE subnet SET gateway = :gw, vlan = :vlan, dns_servers = :dns, description = :d,"
                            + " utilization_threshold = :t WHERE id = :id")
                    .bind("gw", a.gateway() == null ? null : a.gateway().toBytes()).bind("vlan", merged.vlan())
                    .bind("dns", a.dns().isEmpty() ? null : a.dns().stream().map(IpAddress::toString).collect(Collectors.joining(",")))
                    .bind("d", merged.description()).bind("t", merged.utilizationThreshold()).bind("id", id).execute();
            if (!Objects.equals(s.gateway(), a.gateway())) {
                SubnetWrites.moveGateway(h, ls, s.gateway(), a.gateway());
            }
            Subnet after = SubnetWrites.find(h, id).orElseThrow();
            AuditLog.record(h, now, principal, "subnet.update", "subnet", id, s.spaceId(), s, after);
            return after;
        });
    }

    public Subnet get(long id) {
        return jdbi.withHandle(h -> SubnetWrites.find(h, id).orElseThrow(() -> new NotFound("subnet " + id + " does not exist")));
    }

    public List<Subnet> list(long spaceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.SUBNET_COLUMNS + " FROM subnet WHERE space_id = :s"
                        + " ORDER BY ip_version, first_address, prefix_length")
                .bind("s", spaceId).map((rs, ctx) -> Rows.subnet(rs)).list());
    }

    /** Deletes a subnet that has no children, ranges or live allocations (quarantined ones included). */
    public void delete(String principal, long id) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            Subnet s = SubnetWrites.find(h, id).orElseThrow(() -> new NotFound("subnet " + id + " does not exist"));
            SubnetWrites.lockSpace(h, s.spaceId());
            LockedSubnet ls = LockedSubnet.lock(h, id);
            long children = h.createQuery("SELECT COUNT(*) FROM subnet WHERE parent_id = :id").bind("id", id).mapTo(Long.class).one();
            if (children > 0 || ls.live() > 0 || !ls.layout().ranges().isEmpty()) {
                throw new SubnetNotEmpty("subnet " + s.prefix() + " (id " + id + ") still has " + children + " child subnet(s), "
                        + ls.layout().ranges().size() + " range(s) and " + ls.live() + " live allocation(s)");
            }
            SubnetWrites.delete(h, principal, now, s);
        });
    }

    /** Size, allocated, reserved, quarantined and free of a leaf subnet, from counters (no scan). */
    public Utilization utilization(long id) {
        return jdbi.inTransaction(h -> {
            Subnet s = SubnetWrites.find(h, id).orElseThrow(() -> new NotFound("subnet " + id + " does not exist"));
            return Utilizations.of(h, s, null);
        });
    }
}
