package io.ipkeeper.server.agents;

import io.ipkeeper.ipam.db.Database;
import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.net.IpAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code probe_request} table: the queue between the server that vets a candidate and the agent that probes it.
 * Claiming and answering are conditional updates, so a request is probed by one agent poll and answered once.
 */
public final class ProbeStore {
    /** How often a waiting vetter or a long-polling agent looks again. */
    static final Duration POLL = Duration.ofMillis(50);

    /** A request an agent claimed: probe {@code address}. */
    public record Claimed(long id, IpAddress address) {}

    /** What an agent answered: the MACs that claimed the address (empty: nobody), and how many probes it sent. */
    public record Answer(String agent, List<String> answeringMacs, int probesSent) {}

    /** What the allocation response says about a candidate's probe. */
    public record Outcome(String agent, String state, List<String> answeringMacs) {}

    private final Database database;
    private final InstantSource clock;

    public ProbeStore(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    long request(long agentId, long spaceId, long allocationId, IpAddress address) {
        return database.jdbi().withHandle(h -> h.createUpdate("INSERT INTO probe_request (agent_id, space_id,"
                        + " allocation_id, address, state, requested_at) VALUES (:a, :s, :al, :ad, 'pending', :t)")
                .bind("a", agentId).bind("s", spaceId).bind("al", allocationId).bind("ad", address.toBytes())
                .bind("t", Rows.ts(clock.instant())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Claims every pending request of the agent (each by one poll only). */
    List<Claimed> claim(long agentId) {
        return database.jdbi().withHandle(h -> {
            List<Claimed> pending = h.createQuery("SELECT id, address FROM probe_request WHERE agent_id = :a"
                            + " AND state = 'pending' ORDER BY id").bind("a", agentId)
                    .map((rs, c) -> new Claimed(rs.getLong("id"), Rows.address(rs, "address"))).list();
            List<Claimed> mine = new ArrayList<>();
            for (Claimed c : pending) {
                int n = h.createUpdate("UPDATE probe_request SET state = 'claimed', claimed_at = :t WHERE id = :id"
                        + " AND state = 'pending'").bind("t", Rows.ts(clock.instant())).bind("id", c.id()).execute();
                if (n == 1) {
                    mine.add(c);
                }
            }
            return mine;
        });
    }

    /** Records the answer to a request this agent claimed; false when there is no such claimed request. */
    boolean answer(long agentId, long id, List<String> macs, int probesSent) {
        return database.jdbi().withHandle(h -> h.createUpdate("UPDATE probe_request SET state = 'answered',"
                        + " answered_at = :t, answering_macs = :m, probes_sent = :p WHERE id = :id AND agent_id = :a"
                        + " AND state = 'claimed'")
                .bind("t", Rows.ts(clock.instant())).bind("m", String.join(",", macs)).bind("p", probesSent)
                .bind("id", id).bind("a", agentId).execute()) == 1;
    }

    /** Waits up to {@code timeout} for the answer; on timeout the request is expired (a late answer is refused). */
    Optional<Answer> await(long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Answer> a = database.jdbi().withHandle(h -> h.createQuery("SELECT p.answering_macs, p.probes_sent,"
                            + " g.name FROM probe_request p JOIN agent g ON g.id = p.agent_id WHERE p.id = :id"
                            + " AND p.state = 'answered'").bind("id", id)
                    .map((rs, c) -> new Answer(rs.getString("name"), macs(rs.getString("answering_macs")),
                            rs.getInt("probes_sent"))).findOne());
            if (a.isPresent()) {
                return a;
            }
            if (System.nanoTime() > deadline) {
                database.jdbi().useHandle(h -> h.createUpdate("UPDATE probe_request SET state = 'expired' WHERE id = :id"
                        + " AND state IN ('pending', 'claimed')").bind("id", id).execute());
                return Optional.empty();
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The latest probe of each of these allocations, if any. */
    public Map<Long, Outcome> outcomes(List<Long> allocationIds) {
        Map<Long, Outcome> out = new HashMap<>();
        if (allocationIds.isEmpty()) {
            return out;
        }
        database.jdbi().useHandle(h -> h.createQuery("SELECT p.allocation_id, p.state, p.answering_macs, g.name"
                        + " FROM probe_request p JOIN agent g ON g.id = p.agent_id WHERE p.allocation_id IN (<ids>)"
                        + " ORDER BY p.id").bindList("ids", allocationIds)
                .map((rs, c) -> out.put(rs.getLong("allocation_id"), new Outcome(rs.getString("name"),
                        rs.getString("state"), macs(rs.getString("answering_macs"))))).list());
        return out;
    }

    private static List<String> macs(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
