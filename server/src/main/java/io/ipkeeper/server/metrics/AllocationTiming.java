package io.ipkeeper.server.metrics;

import io.ipkeeper.ipam.error.IpamException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * {@code ipkeeper_allocation_duration_seconds{outcome}}: how long the IPAM core took to allocate, as a Prometheus
 * histogram (buckets, so p99 can be computed across servers). outcome: {@code allocated}, {@code refused} (a typed
 * IPAM error such as an exhausted pool) or {@code error}.
 */
public final class AllocationTiming {
    private final MeterRegistry registry;

    public AllocationTiming(MeterRegistry registry) {
        this.registry = registry;
    }

    public <T> T time(Supplier<T> allocation) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = allocation.get();
            outcome = "allocated";
            return result;
        } catch (IpamException e) {
            outcome = "refused";
            throw e;
        } finally {
            sample.stop(Timer.builder("ipkeeper.allocation.duration")
                    .description("Time the IPAM core took to allocate one request").tag("outcome", outcome)
                    .publishPercentileHistogram().register(registry));
        }
    }
}
