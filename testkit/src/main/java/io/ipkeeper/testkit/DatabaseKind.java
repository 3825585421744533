package io.ipkeeper.testkit;

/** The two databases every storage test runs against. */
public enum DatabaseKind {
    H2,
    POSTGRESQL
}
