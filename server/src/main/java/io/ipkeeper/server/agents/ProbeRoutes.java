package io.ipkeeper.server.agents;

import io.ipkeeper.server.api.ApiProblem;
import io.ipkeeper.server.api.ApiRoutes;
import io.ipkeeper.server.api.Bodies;
import io.ipkeeper.server.api.Lookups;
import io.ipkeeper.server.api.Paging;
import io.ipkeeper.server.auth.Permission;
import io.ipkeeper.server.auth.Principal;
import io.ipkeeper.server.auth.Role;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's side of probe before allocate: it long-polls for probe requests over its own authenticated connection
 * to a server it verified (so only a server can ask it to probe, and it needs no listening port), probes, answers.
 */
public final class ProbeRoutes {
    /** Longest long-poll: below common load-balancer idle timeouts (60 s). */
    static final int MAX_WAIT_SECONDS = 30;

    private ProbeRoutes() {}

    /** Body of {@code POST /api/v1/probes/{id}}. */
    public record ProbeAnswer(List<String> answeringMacs, Integer probesSent) {}

    public static void register(ApiRoutes api, AgentStore agents, ProbeStore probes) {
        api.get("/api/v1/probes", Permission.REPORT, ctx -> {
            AgentStore.StoredAgent agent = agent(ctx, agents);
            long waitSeconds = Paging.number(ctx, "wait", 0, 0, MAX_WAIT_SECONDS);
            long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
            List<ProbeStore.Claimed> claimed = probes.claim(agent.id());
            while (claimed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(ProbeStore.POLL.toMillis());
                claimed = probes.claim(agent.id());
            }
            List<Map<String, Object>> out = new ArrayList<>();
            for (ProbeStore.Claimed c : claimed) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("address", c.address().toString());
                out.add(m);
            }
            ctx.json(Map.of("probes", out));
        }).summary("agents", "An agent's long poll for probe requests (claims them; ?wait=0..30 seconds)")
                .query("wait", "seconds to wait for a request when none is pending (0..30, default 0)")
                .returns(200, "ProbeRequests");

        api.post("/api/v1/probes/{id}", Permission.REPORT, ctx -> {
            AgentStore.StoredAgent agent = agent(ctx, agents);
            long id = Lookups.id(ctx, "id");
            ProbeAnswer body = Bodies.read(ctx, ProbeAnswer.class);
            if (body.answeringMacs() == null) {
                throw ApiProblem.invalid("'answeringMacs' is required: the MACs that answered (an empty list if none)");
            }
            if (body.answeringMacs().size() > 64) {
                throw ApiProblem.invalid("'answeringMacs' holds more than 64 MACs");
            }
            List<String> macs = new ArrayList<>();
            for (int i = 0; i < body.answeringMacs().size(); i++) {
                String mac = Macs.normalize(String.valueOf(body.answeringMacs().get(i)), "answeringMacs[" + i + "]");
                if (!macs.contains(mac)) {
                    macs.add(mac);
                }
            }
            int sent = body.probesSent() == null ? 0 : body.probesSent();
            if (sent < 0 || sent > 100) {
                throw ApiProblem.invalid("'probesSent' must be 0..100, not " + sent);
            }
            if (!probes.answer(agent.id(), id, macs, sent)) {
                throw ApiProblem.of(409, "probe-not-claimed", "Probe not awaited", "probe request " + id
                        + " is not waiting for an answer from agent '" + agent.name() + "' (unknown, another agent's,"
                        + " already answered, or expired)", Map.of());
            }
            ctx.json(Map.of("id", id, "state", "answered", "answeringMacs", macs));
        }).summary("agents", "An agent answers a probe request it claimed").body("ProbeAnswer").returns(200, "ProbeReceipt");
    }

    private static AgentStore.StoredAgent agent(Context ctx, AgentStore agents) {
        Principal p = ApiRoutes.principal(ctx);
        String name = p.role() == Role.AGENT ? p.name() : ctx.queryParam("agent");
        if (name == null || name.isBlank()) {
            throw ApiProblem.invalid("'" + p.name() + "' is not an agent token: name the agent with ?agent=NAME");
        }
        return agents.find(name.strip()).orElseThrow(() -> ApiProblem.of(409, "agent-unknown", "Agent has not reported",
                "agent '" + name.strip() + "' has not reported yet; it must report (POST /api/v1/agents/report) before"
                        + " it can be asked to probe", Map.of()));
    }
}
