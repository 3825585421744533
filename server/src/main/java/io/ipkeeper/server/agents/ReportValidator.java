package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.Lookups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns an {@link AgentReport} into a {@link ReportedHost}, or refuses the whole report with a 422 that names the
 * offending field, so a bad report records nothing. Sighting times are stamped here with the server's clock.
 */
final class ReportValidator {
    static final int MAX_INTERFACES = 256;
    static final int MAX_ADDRESSES_PER_INTERFACE = 256;
    static final int MAX_OBSERVATIONS = 5000;
    /** Older evidence than this is not news: the agent flushes every few seconds. */
    static final Duration MAX_AGE = Duration.ofHours(24);
    static final int DEFAULT_INTERVAL_SECONDS = 30;

    /** ARP frame kinds the agent reports (lower case of its {@code ArpKind}). */
    private static final Set<String> CLAIMING_KINDS = Set.of("request", "reply", "gratuitous_request", "gratuitous_reply");
    /**
     * An RFC 5227 probe claims nothing (sender 0.0.0.0): every DHCP client and every agent's own probe-before-allocate
     * sends them for addresses that may well be free. Accepted, but not evidence of use.
     */
    private static final String PROBE_KIND = "probe";

    private final Ipam ipam;

    ReportValidator(Ipam ipam) {
        this.ipam = ipam;
    }

    ReportedHost validate(AgentReport r, Instant now) {
        AddressSpace space = r.space() == null || r.space().isNull() ? onlySpace() : Lookups.space(ipam, r.space());
        int interval = r.reportIntervalSeconds() == null ? DEFAULT_INTERVAL_SECONDS : r.reportIntervalSeconds();
        if (interval < 1 || interval > 3600) {
            throw ApiProblem.invalid("'reportIntervalSeconds' must be 1..3600, not " + interval);
        }
        if (r.interfaces() == null) {
            throw ApiProblem.invalid("'interfaces' is required: the host's interfaces (an empty list if it has none)");
        }
        if (r.interfaces().size() > MAX_INTERFACES) {
            throw ApiProblem.invalid("at most " + MAX_INTERFACES + " interfaces per report, not " + r.interfaces().size());
        }
        List<ReportedHost.HostInterface> interfaces = new ArrayList<>();
        List<Sighting> sightings = new ArrayList<>();
        for (int i = 0; i < r.interfaces().size(); i++) {
            ReportedHost.HostInterface h = hostInterface(r.interfaces().get(i), "interfaces[" + i + "]");
            interfaces.add(h);
            if (!h.mac().isEmpty()) {
                for (ReportedHost.HostAddress a : h.addresses()) {
                    sightings.add(new Sighting(a.address(), h.mac(), h.name(), "inventory", 1, now, now));
                }
            }
        }
        List<AgentReport.Observation> observations = r.observations() == null ? List.of() : r.observations();
        if (observations.size() > MAX_OBSERVATIONS) {
            throw ApiProblem.invalid("at most " + MAX_OBSERVATIONS + " observations per report, not "
                    + observations.size() + "; send them in several reports");
        }
        for (int i = 0; i < observations.size(); i++) {
            Sighting s = sighting(observations.get(i), "observations[" + i + "]", now);
            if (s != null) {
                sightings.add(s);
            }
        }
        return new ReportedHost(space.id(), text(r.hostname(), "hostname", 255), text(r.version(), "version", 64),
                r.arpWatch() != null && r.arpWatch(), interval, List.copyOf(interfaces), List.copyOf(sightings));
    }

    private AddressSpace onlySpace() {
        List<AddressSpace> spaces = ipam.spaces().list();
        if (spaces.size() == 1) {
            return spaces.getFirst();
        }
        throw ApiProblem.invalid(spaces.isEmpty()
                ? "no address space exists yet: an admin creates one first (POST /api/v1/spaces)"
                : "'space' is required when there are several spaces: start the agent with --space NAME");
    }

    private static ReportedHost.HostInterface hostInterface(AgentReport.Interface in, String where) {
        if (in == null) {
            throw ApiProblem.invalid("'" + where + "' must be an object");
        }
        String name = required(in.name(), where + ".name", 64);
        // Linux shows loopback's MAC as all zeros: on an interface that means "no MAC", not a bad report.
        String mac = in.mac() == null || in.mac().isBlank() || Macs.isZero(in.mac()) ? ""
                : Macs.normalize(in.mac(), where + ".mac");
        List<String> raw = in.addresses() == null ? List.of() : in.addresses();
        if (raw.size() > MAX_ADDRESSES_PER_INTERFACE) {
            throw ApiProblem.invalid("'" + where + ".addresses' holds more than " + MAX_ADDRESSES_PER_INTERFACE);
        }
        List<ReportedHost.HostAddress> addresses = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            addresses.add(hostAddress(raw.get(i), where + ".addresses[" + i + "]"));
        }
        return new ReportedHost.HostInterface(name, mac, List.copyOf(addresses), in.watched() == null || in.watched());
    }

    private static ReportedHost.HostAddress hostAddress(String text, String where) {
        String t = required(text, where, 64);
        int slash = t.indexOf('/');
        if (slash < 0) {
            throw ApiProblem.invalid("'" + where + "' must be an address with its prefix length, e.g. 198.18.0.10/24, not '"
                    + t + "'");
        }
        IpAddress address = address(t.substring(0, slash), where);
        int max = address.isV4() ? 32 : 128;
        int length;
        try {
            length = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > max) {
            throw ApiProblem.invalid("'" + where + "': the prefix length must be 0.." + max + ", in '" + t + "'");
        }
        return new ReportedHost.HostAddress(address, length);
    }

    private static Sighting sighting(AgentReport.Observation o, String where, Instant now) {
        if (o == null) {
            throw ApiProblem.invalid("'" + where + "' must be an object");
        }
        IpAddress address = address(required(o.address(), where + ".address", 64), where + ".address");
        String mac = Macs.normalize(required(o.mac(), where + ".mac", 32), where + ".mac");
        String iface = required(o.interfaceName(), where + ".interfaceName", 64);
        String kind = required(o.kind(), where + ".kind", 32).toLowerCase(Locale.ROOT);
        if (!CLAIMING_KINDS.contains(kind) && !kind.equals(PROBE_KIND)) {
            throw ApiProblem.invalid("'" + where + ".kind' must be one of request, reply, gratuitous_request,"
                    + " gratuitous_reply, probe; not '" + o.kind() + "'");
        }
        long count = o.count() == null ? 1 : o.count();
        if (count < 1) {
            throw ApiProblem.invalid("'" + where + ".count' must be at least 1, not " + count);
        }
        long lastAgo = age(o.lastSeenAgoMillis(), where + ".lastSeenAgoMillis");
        long firstAgo = o.firstSeenAgoMillis() == null ? lastAgo : age(o.firstSeenAgoMillis(), where + ".firstSeenAgoMillis");
        if (firstAgo < lastAgo) {
            throw ApiProblem.invalid("'" + where + "': firstSeenAgoMillis (" + firstAgo
                    + ") cannot be less than lastSeenAgoMillis (" + lastAgo + ")");
        }
        if (kind.equals(PROBE_KIND)) {
            return null;
        }
        return new Sighting(address, mac, iface, "arp", count, now.minusMillis(firstAgo), now.minusMillis(lastAgo));
    }

    private static long age(Long millis, String where) {
        long v = millis == null ? 0 : millis;
        if (v < 0 || v > MAX_AGE.toMillis()) {
            throw ApiProblem.invalid("'" + where + "' must be 0.." + MAX_AGE.toMillis() + " (24 h), not " + v);
        }
        return v;
    }

    private static IpAddress address(String text, String where) {
        try {
            return IpAddress.parse(text.strip());
        } catch (MalformedAddress e) {
            throw ApiProblem.invalid("'" + where + "': " + e.getMessage());
        }
    }

    private static String required(String v, String where, int maxLength) {
        if (v == null || v.isBlank()) {
            throw ApiProblem.invalid("'" + where + "' is required");
        }
        return text(v, where, maxLength);
    }

    private static String text(String v, String where, int maxLength) {
        if (v == null) {
            return null;
        }
        String s = v.strip();
        if (s.length() > maxLength) {
            throw ApiProblem.invalid("'" + where + "' is longer than " + maxLength + " characters");
        }
        return s;
    }
}
