package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.Ipam;
import io.ipkeeper.ipam.error.MalformedAddress;
import io.ipkeeper.ipam.model.AddressSpace;
import io.ipkeeper.ipam.net.IpAddress;
import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.Bodies;
import io.ipkeeper.server.api.Lookups;
import io.ipkeeper.server.api.Paging;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Role;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/agents}: agents report their host and what they hear ({@code POST /api/v1/agents/report}, role
 * {@code agent}); everyone who may read sees the agents and the observations.
 */
public final class AgentRoutes {
    private AgentRoutes() {}

    public static void register(ApiRoutes api, Ipam ipam, AgentStore agents, ObservationStore observations,
                                ObservationListener listener, Clock clock) {
        register(api, ipam, agents, observations, listener, Membership.NONE, clock);
    }

    /** With gossip: an agent's {@code alive} comes from this server's membership view when it is a member. */
    public static void register(ApiRoutes api, Ipam ipam, AgentStore agents, ObservationStore observations,
                                ObservationListener listener, Membership membership, Clock clock) {
        ReportValidator validator = new ReportValidator(ipam);
        api.post("/api/v1/agents/report", Permission.REPORT, ctx -> {
            Principal p = ApiRoutes.principal(ctx);
            AgentReport body = Bodies.read(ctx, AgentReport.class);
            Instant now = clock.instant();
            ReportedHost host = validator.validate(body, now);
            // An agent reports under its own token's name, so one host can never speak for another.
            String name = p.role() == Role.AGENT ? p.name() : agentName(ctx, p);
            Set<IpAddress> changed = observations.record(name, host, now);
            // Conflicts at addresses with a MAC new to the window are derived now, not at the next sweep: wire to API
            // in about a second. Evidence that only refreshes known MACs cannot open or resolve one; the sweep keeps
            // those conflicts' last-seen times and allocation-driven changes up to date.
            if (!changed.isEmpty()) {
                listener.observed(host.spaceId(), changed);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("agent", name);
            out.put("recorded", host.sightings().size());
            out.put("receivedAt", now.toString());
            ctx.json(out);
        }).summary("agents", "An agent reports its host's inventory and the ARP observations since its last report")
                .body("AgentReport").returns(200, "AgentReportReceipt");

        api.get("/api/v1/agents", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            Instant now = clock.instant();
            List<Map<String, Object>> all = agents.list().stream().map(a -> view(a, ipam, now, membership)).toList();
            ctx.json(paging.page(ctx, all));
        }).summary("agents", "Host agents: last report, alive or not, covered subnets").paged().returns(200, "AgentPage");

        api.get("/api/v1/agents/{name}", Permission.READ, ctx -> {
            String name = ctx.pathParam("name");
            AgentStore.StoredAgent a = agents.find(name).orElseThrow(() ->
                    ApiProblem.notFound("no agent named '" + name + "' has reported; list them with GET /api/v1/agents"));
            ctx.json(view(a, ipam, clock.instant(), membership));
        }).summary("agents", "One host agent").returns(200, "Agent");

        api.get("/api/v1/observations", Permission.READ, ctx -> {
            Paging paging = Paging.of(ctx);
            String spaceRef = ctx.queryParam("space");
            Long spaceId = spaceRef == null || spaceRef.isBlank() ? null : Lookups.space(ipam, spaceRef).id();
            IpAddress address = address(ctx.queryParam("address"));
            String macParam = ctx.queryParam("mac");
            String mac = macParam == null || macParam.isBlank() ? null : Macs.normalize(macParam, "mac");
            Instant since = since(ctx.queryParam("since"));
            long count = observations.count(spaceId, address, mac, since);
            List<Map<String, Object>> rows = observations.find(spaceId, address, mac, since, paging.limit(), paging.offset())
                    .stream().map(AgentRoutes::view).toList();
            ctx.json(paging.page(ctx, count, rows));
        }).summary("agents", "What agents observed: one row per (space, address, MAC), newest first")
                .query("space", "space id or name").query("address", "one address").query("mac", "one MAC")
                .query("since", "only rows seen at or after this instant (ISO-8601)").paged().returns(200, "ObservationPage");
    }

    /** An admin may report for an agent by name (tests, imports); the name comes from {@code ?agent=}. */
    private static String agentName(Context ctx, Principal p) {
        String name = ctx.queryParam("agent");
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalid("'" + p.name() + "' is not an agent token: say which agent this report is for"
                    + " with ?agent=NAME (agents report with their own token, role agent)");
        }
        if (name.strip().length() > 100) {
            throw ApiProblem.invalid("'agent' is longer than 100 characters");
        }
        return name.strip();
    }

    private static IpAddress address(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return IpAddress.parse(text.strip());
        } catch (MalformedAddress e) {
            throw ApiProblem.badRequest("query parameter 'address': " + e.getMessage());
        }
    }

    private static Instant since(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("query parameter 'since' must be an ISO-8601 instant such as"
                    + " 2026-11-23T18:00:00Z, not '" + text + "'");
        }
    }

    static Map<String, Object> view(AgentStore.StoredAgent a, Ipam ipam, Instant now, Membership membership) {
        AddressSpace space = ipam.spaces().get(a.spaceId());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("hostname", a.hostname());
        m.put("version", a.version());
        m.put("space", Map.of("id", space.id(), "name", space.name()));
        m.put("alive", Liveness.alive(a, now, membership));
        m.put("arpWatch", a.arpWatch());
        m.put("reportIntervalSeconds", a.reportIntervalSeconds());
        m.put("firstReportAt", a.firstReportAt().toString());
        m.put("lastReportAt", a.lastReportAt().toString());
        m.put("coveredSubnets", Coverage.view(Coverage.of(a.arpWatch(), a.interfaces(), ipam.subnets().list(a.spaceId()))));
        m.put("interfaces", a.interfaces());
        return m;
    }

    private static Map<String, Object> view(ObservationStore.StoredObservation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("space", o.spaceId());
        m.put("address", o.address().toString());
        m.put("mac", o.mac());
        m.put("agent", o.agent());
        m.put("interface", o.interfaceName());
        m.put("source", o.source());
        m.put("firstSeen", o.firstSeen().toString());
        m.put("lastSeen", o.lastSeen().toString());
        m.put("count", o.count());
        return m;
    }
}
