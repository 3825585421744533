package io.ipkeeper.agent.arp;

import io.ipkeeper.agent.MacAddress;
import java.net.Inet4Address;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pure heart of {@link ArpWatch}: rate-limits frames, coalesces them to one observation per (interface, address,
 * MAC) and says when a batch is due. Not thread-safe; the watch serialises access. Time comes only from the clock.
 */
final class ObservationBatcher {

    private record Key(String interfaceName, Inet4Address address, MacAddress mac) {}

    private final ArpWatchConfig config;
    private final InstantSource clock;
    private final Map<Key, ArpObservation> pending = new LinkedHashMap<>();
    private Instant oldestPending;
    private double tokens;
    private long lastRefillMillis;
    private long framesHeard;
    private long framesDropped;

    ObservationBatcher(ArpWatchConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.tokens = config.maxFramesPerSecond();
        this.lastRefillMillis = clock.millis();
    }

    /**
     * Takes one frame heard on {@code interfaceName}; returns a batch when it filled one, else an empty list.
     */
    List<ArpObservation> offer(String interfaceName, ArpFrame frame) {
        Instant now = clock.instant();
        if (!takeToken(now.toEpochMilli())) {
            framesDropped++;
            return List.of();
        }
        framesHeard++;
        ArpObservation observation = ArpObservation.of(frame, interfaceName, now);
        Key key = new Key(interfaceName, observation.address(), observation.mac());
        pending.merge(key, observation, ArpObservation::merge);
        if (oldestPending == null) {
            oldestPending = now;
        }
        return pending.size() >= config.maxBatch() ? drain() : List.of();
    }

    /** The pending batch if the flush interval has passed since its first observation, else an empty list. */
    List<ArpObservation> drainIfDue() {
        if (oldestPending == null || clock.instant().isBefore(oldestPending.plus(config.flushInterval()))) {
            return List.of();
        }
        return drain();
    }

    /** Everything pending, now. */
    List<ArpObservation> drain() {
        List<ArpObservation> batch = new ArrayList<>(pending.values());
        pending.clear();
        oldestPending = null;
        return batch;
    }

    int pendingCount() {
        return pending.size();
    }

    long framesHeard() {
        return framesHeard;
    }

    long framesDropped() {
        return framesDropped;
    }

    private boolean takeToken(long nowMillis) {
        long elapsed = Math.max(0, nowMillis - lastRefillMillis);
        lastRefillMillis = Math.max(lastRefillMillis, nowMillis);
        tokens = Math.min(config.maxFramesPerSecond(), tokens + elapsed * config.maxFramesPerSecond() / 1000.0);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
