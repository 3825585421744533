package io.ipkeeper.server.metrics;

/**
 * Who may scrape {@code /metrics} and how many series per-subnet gauges may add.
 *
 * @param publicEndpoint true: {@code /metrics} needs no token (setting {@code metrics.public}); false (default): any
 *     valid API token, of any role
 * @param subnetLimit most leaf subnets (lowest ids first) that get per-subnet gauges ({@code metrics.subnet-limit});
 *     0 turns them off
 */
public record MetricsOptions(boolean publicEndpoint, int subnetLimit) {

    public static final int DEFAULT_SUBNET_LIMIT = 500;

    public MetricsOptions {
        if (subnetLimit < 0) {
            throw new IllegalArgumentException("subnetLimit must be at least 0, got " + subnetLimit);
        }
    }

    public static MetricsOptions defaults() {
        return new MetricsOptions(false, DEFAULT_SUBNET_LIMIT);
    }
}
