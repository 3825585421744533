package io.ipkeeper.bench.ipam;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Command line of the IPAM allocation benchmark.
 *
 * <pre>
 * ipam-allocation [--url JDBC_URL] [--allocations N] [--clients N] [--seconds S] [--warmup S] [--samples N]
 *                 [--batches N] [--only PART,...]
 * </pre>
 * Parts: {@code lookup} (available-address lookup latency), {@code allocate} (allocate() latency incl. commit),
 * {@code one-subnet}, {@code many-subnets} (throughput ratios, each bracketed by the plain INSERT baseline).
 * {@code --warmup} is the unmeasured start of each throughput phase: long enough for the JIT compilers to finish
 * with the allocator's code, whose compilation otherwise takes a core away from the measurement on a 2-core machine
 * (15 s: with 5 s the JIT still used 0.4-0.7 s of CPU inside a 4-s phase; with 15 s, 0.03-0.2 s).
 * {@code --batches} overrides {@code IpamConfig.maxConcurrentBatches} (for tuning).
 */
record BenchOptions(String adminUrl, long allocations, int clients, int seconds, int warmup, int samples, int batches,
                    Set<Part> parts) {

    enum Part { LOOKUP, ALLOCATE, ONE_SUBNET, MANY_SUBNETS }

    static final String USAGE = "usage: ipam-allocation [--url JDBC_URL] [--allocations N (1000000)] [--clients N (64)]"
            + " [--seconds S (8)] [--warmup S (15)] [--samples N (2000)] [--batches N (IpamConfig default)] [--only lookup,allocate,one-subnet,many-subnets]";

    static BenchOptions parse(String[] args) {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        long allocations = 1_000_000;
        int clients = 64;
        int seconds = 8;
        int warmup = 15;
        int samples = 2000;
        int batches = 0;
        Set<Part> parts = EnumSet.allOf(Part.class);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--url" -> url = v;
                case "--allocations" -> allocations = Long.parseLong(v.replace("_", ""));
                case "--clients" -> clients = Integer.parseInt(v);
                case "--seconds" -> seconds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--samples" -> samples = Integer.parseInt(v);
                case "--batches" -> batches = Integer.parseInt(v);
                case "--only" -> {
                    parts = EnumSet.noneOf(Part.class);
                    for (String p : v.split(",")) {
                        try {
                            parts.add(Part.valueOf(p.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown part '" + p.trim() + "'\n" + USAGE);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        if (allocations < 1 || allocations > 8_000_000 || clients < 1 || seconds < 1 || warmup < 0
                || samples < 100) {
            throw new IllegalArgumentException("out of range: 1 <= allocations <= 8000000, clients >= 1, seconds >= 1,"
                    + " warmup >= 0, samples >= 100\n" + USAGE);
        }
        return new BenchOptions(url, allocations, clients, seconds, warmup, samples, batches, parts);
    }
}
