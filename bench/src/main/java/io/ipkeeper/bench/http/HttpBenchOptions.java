package io.ipkeeper.bench.http;

/**
 * Command line of the HTTP allocation benchmark.
 *
 * <pre>
 * http-allocation [--url JDBC_URL] [--clients N] [--seconds S] [--pool N]
 * </pre>
 * {@code --url} names the PostgreSQL server (a fresh database is created on it and dropped after); {@code --pool} is
 * the connection pool of the server and of the engine-only runs alike, so both sides get the same database resources.
 */
record HttpBenchOptions(String adminUrl, int clients, int seconds, int pool) {

    static final String USAGE = "usage: http-allocation [--url JDBC_URL (jdbc:postgresql://127.0.0.1:5432/test?user=postgres)]"
            + " [--clients N (64)] [--seconds S (8)] [--pool N (16)]";

    static HttpBenchOptions parse(String[] args) {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        int clients = 64;
        int seconds = 8;
        int pool = 16;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--url" -> url = v;
                    case "--clients" -> clients = Integer.parseInt(v);
                    case "--seconds" -> seconds = Integer.parseInt(v);
                    case "--pool" -> pool = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(a + " needs a whole number, got '" + v + "'\n" + USAGE);
            }
        }
        if (clients < 1 || clients > 1024 || seconds < 1 || pool < 1 || pool > 200) {
            throw new IllegalArgumentException("out of range: 1 <= clients <= 1024, seconds >= 1, 1 <= pool <= 200\n" + USAGE);
        }
        return new HttpBenchOptions(url, clients, seconds, pool);
    }
}
