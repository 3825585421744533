package io.ipkeeper.server.metrics;

import io.ipkeeper.ipam.internal.Rows;
import io.ipkeeper.ipam.internal.SubnetLayout;
import io.ipkeeper.ipam.model.IpRange;
import io.ipkeeper.ipam.model.Subnet;
import io.ipkeeper.ipam.net.AddressCount;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Per-subnet gauges {@code ipkeeper_subnet_size|allocated|reserved|quarantined|free_addresses{space, subnet}} for
 * at most {@code limit} leaf subnets (lowest ids), read from the allocation counters in three queries per scrape.
 * {@code ipkeeper_subnets_unreported} counts the leaf subnets left out, so a cap that is too low is visible.
 */
final class SubnetGauges {
    private final Jdbi jdbi;
    private final int limit;
    private final MultiGauge size;
    private final MultiGauge allocated;
    private final MultiGauge reserved;
    private final MultiGauge quarantined;
    private final MultiGauge free;
    private final AtomicLong unreported = new AtomicLong();

    SubnetGauges(MeterRegistry registry, Jdbi jdbi, int limit) {
        this.jdbi = jdbi;
        this.limit = limit;
        this.size = gauge(registry, "size", "Addresses of the subnet that can be handed out");
        this.allocated = gauge(registry, "allocated", "Allocated addresses");
        this.reserved = gauge(registry, "reserved", "Reserved addresses (allocations that expire)");
        this.quarantined = gauge(registry, "quarantined", "Released addresses still in quarantine");
        this.free = gauge(registry, "free", "Free addresses (size minus allocated, reserved and quarantined)");
        Gauge.builder("ipkeeper.subnets.unreported", unreported, AtomicLong::get)
                .description("Leaf subnets without per-subnet gauges because of metrics.subnet-limit").register(registry);
    }

    private static MultiGauge gauge(MeterRegistry registry, String what, String description) {
        return MultiGauge.builder("ipkeeper.subnet." + what).baseUnit("addresses").description(description)
                .register(registry);
    }

    private record Row(Subnet subnet, String space, long allocated, long reserved, long quarantined) {}

    /** Re-reads the counters; call before each scrape. */
    void refresh() {
        if (limit == 0) {
            unreported.set(jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM subnet WHERE is_container = FALSE")
                    .mapTo(Long.class).one()));
            return;
        }
        jdbi.useHandle(h -> {
            List<Row> rows = h.createQuery("SELECT " + prefixed() + ", s.allocated_count, s.reserved_count,"
                            + " s.quarantined_count, sp.name AS space_name FROM subnet s JOIN address_space sp ON sp.id = s.space_id"
                            + " WHERE s.is_container = FALSE ORDER BY s.id LIMIT :n")
                    .bind("n", limit)
                    .map((rs, ctx) -> new Row(Rows.subnet(rs), rs.getString("space_name"), rs.getLong("allocated_count"),
                            rs.getLong("reserved_count"), rs.getLong("quarantined_count"))).list();
            Map<Long, List<IpRange>> ranges = new HashMap<>();
            if (!rows.isEmpty()) {
                h.createQuery("SELECT " + Rows.RANGE_COLUMNS + " FROM ip_range WHERE subnet_id IN (<ids>)")
                        .bindList("ids", rows.stream().map(r -> r.subnet().id()).toList())
                        .map((rs, ctx) -> Rows.range(rs))
                        .forEach(r -> ranges.computeIfAbsent(r.subnetId(), k -> new ArrayList<>()).add(r));
            }
            long leaves = h.createQuery("SELECT COUNT(*) FROM subnet WHERE is_container = FALSE").mapTo(Long.class).one();
            unreported.set(Math.max(0, leaves - rows.size()));
            List<MultiGauge.Row<?>> sizes = new ArrayList<>();
            List<MultiGauge.Row<?>> allocs = new ArrayList<>();
            List<MultiGauge.Row<?>> reserves = new ArrayList<>();
            List<MultiGauge.Row<?>> quarantines = new ArrayList<>();
            List<MultiGauge.Row<?>> frees = new ArrayList<>();
            for (Row r : rows) {
                AddressCount capacity = new SubnetLayout(r.subnet(), ranges.getOrDefault(r.subnet().id(), List.of()))
                        .capacity();
                Tags tags = Tags.of("space", r.space(), "subnet", r.subnet().prefix().toString());
                long live = r.allocated() + r.reserved() + r.quarantined();
                sizes.add(MultiGauge.Row.of(tags, capacity.toDouble()));
                allocs.add(MultiGauge.Row.of(tags, r.allocated()));
                reserves.add(MultiGauge.Row.of(tags, r.reserved()));
                quarantines.add(MultiGauge.Row.of(tags, r.quarantined()));
                frees.add(MultiGauge.Row.of(tags, capacity.minus(live).toDouble()));
            }
            size.register(sizes, true);
            allocated.register(allocs, true);
            reserved.register(reserves, true);
            quarantined.register(quarantines, true);
            free.register(frees, true);
        });
    }

    /** The subnet columns qualified with {@code s.}, as {@link Rows#subnet} reads them. */
    private static String prefixed() {
        return String.join(", ", java.util.Arrays.stream(Rows.SUBNET_COLUMNS.split(","))
                .map(c -> "s." + c.strip()).toList());
    }
}
