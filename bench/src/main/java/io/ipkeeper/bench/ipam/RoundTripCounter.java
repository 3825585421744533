package io.ipkeeper.bench.ipam;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Counts database round trips by wrapping a {@link DataSource}'s connections: every statement prepared or created
 * (the allocator and the baseline execute each statement exactly once; a JDBC batch is one statement sent in one
 * exchange), commit, rollback, savepoint and savepoint release. Setting auto-commit is not counted: the PostgreSQL
 * driver sends BEGIN together with the next statement. Only connections are proxied, not statements, so that the
 * counting itself costs little next to what it counts.
 */
final class RoundTripCounter {

    private static final Set<String> TRIPS = Set.of("prepareStatement", "createStatement", "prepareCall", "commit",
            "rollback", "setSavepoint", "releaseSavepoint");

    private final LongAdder trips = new LongAdder();
    private final LongAdder commits = new LongAdder();

    long trips() {
        return trips.sum();
    }

    /** Explicit commits: one per allocator batch (auto-committed statements are not counted here). */
    long commits() {
        return commits.sum();
    }

    DataSource wrap(DataSource ds) {
        return proxy(DataSource.class, ds, false);
    }

    private <T> T proxy(Class<T> type, Object target, boolean count) {
        InvocationHandler h = (p, m, args) -> {
            if (count && TRIPS.contains(m.getName())) {
                trips.increment();
                if (m.getName().equals("commit")) {
                    commits.increment();
                }
            }
            try {
                Object result = m.invoke(target, args);
                return type == DataSource.class && m.getName().equals("getConnection")
                        ? proxy(Connection.class, result, true) : result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
    }
}
