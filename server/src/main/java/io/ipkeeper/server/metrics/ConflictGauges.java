package io.ipkeeper.server.metrics;

import io.ipkeeper.server.conflicts.ConflictKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code ipkeeper_conflicts_open{kind}}: conflicts open or acknowledged (not yet resolved), across all servers, one
 * series per kind (a fixed, small set), read from the database at each scrape.
 */
final class ConflictGauges {
    private final Jdbi jdbi;
    private final Map<ConflictKind, Long> open = new ConcurrentHashMap<>();

    ConflictGauges(MeterRegistry registry, Jdbi jdbi) {
        this.jdbi = jdbi;
        for (ConflictKind k : ConflictKind.values()) {
            open.put(k, 0L);
            Gauge.builder("ipkeeper.conflicts.open", open, m -> m.get(k)).tag("kind", k.label())
                    .description("Conflicts not yet resolved (open or acknowledged), all servers").register(registry);
        }
    }

    /** Re-reads the counts; call before each scrape. */
    void refresh() {
        Map<ConflictKind, Long> counts = new EnumMap<>(ConflictKind.class);
        for (ConflictKind k : ConflictKind.values()) {
            counts.put(k, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT kind, COUNT(*) AS n FROM conflict WHERE active_key IS NOT NULL GROUP BY kind")
                .map((rs, c) -> counts.put(ConflictKind.of(rs.getString("kind")).orElseThrow(), rs.getLong("n"))).list());
        open.putAll(counts);
    }
}
