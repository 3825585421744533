package io.ipkeeper.bench.gossip.detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Once a second: CPU and RSS of every running node (so a killed node's CPU is known up to its kill, and the peak RSS
 * of each implementation is seen) and the machine's 1-minute load average.
 */
final class ResourceSampler {
    private final List<Cluster> clusters;
    private final Map<String, Long> peakRssKib = new ConcurrentHashMap<>();
    private final List<Double> load = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private final Thread thread;

    ResourceSampler(List<Cluster> clusters) {
        this.clusters = clusters;
        this.thread = Thread.ofPlatform().daemon().name("resource-sampler").start(this::loop);
    }

    private void loop() {
        while (running) {
            for (Cluster c : clusters) {
                for (NodeProcess p : c.running()) {
                    ProcStats s = p.sample();
                    if (s != null) {
                        peakRssKib.merge(c.label(), s.rssKib(), Math::max);
                    }
                }
            }
            load.add(loadAverage());
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    long peakRssKib(Cluster c) {
        return peakRssKib.getOrDefault(c.label(), 0L);
    }

    /** 1-minute load averages seen, one a second. */
    List<Double> loadSamples() {
        return new ArrayList<>(load);
    }

    void stop() {
        running = false;
        thread.interrupt();
    }

    /** The 1-minute load average now (first field of {@code /proc/loadavg}, as {@code uptime} shows). */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
